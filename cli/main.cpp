// liaison: the command line. Exit codes: 0 ok, 1 user error, 2 internal error.
#include "command.hpp"
#include "terminal_output.hpp"

#include "liaison/errors.hpp"

#include <cstring>
#include <exception>
#include <iostream>
#include <new>

namespace {

void printUsage(std::ostream &out)
{
    out << "Liaison: build and explore knowledge graphs of who met whom, where and about what.\n\n"
           "usage: liaison COMMAND [ARGS...]   (liaison COMMAND --help for details)\n\ncommands:\n";
    for (const auto &command : liaison::cli::allCommands()) {
        std::string name = command.name;
        name.resize(12, ' ');
        out << "  " << name << command.summary << "\n";
    }
}

} // namespace

int main(int argc, char **argv)
{
    std::ios::sync_with_stdio(false);
    liaison::cli::sanitizeTerminalOutput();
    if (argc < 2) {
        printUsage(std::cerr);
        return 1;
    }
    std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        printUsage(std::cout);
        return 0;
    }
    if (name == "--version") {
        std::cout << "liaison 0.1.0\n";
        return 0;
    }
    for (const auto &command : liaison::cli::allCommands()) {
        if (command.name != name) continue;
        std::vector<std::string> words(argv + 2, argv + argc);
        for (const std::string &word : words) {
            if (word == "--help" || word == "-h") {
                std::cout << command.help;
                return 0;
            }
        }
        try {
            return command.run(words);
        } catch (const std::bad_alloc &) {
            // Saves are atomic and imports all or nothing: nothing was changed.
            std::cerr << "liaison " << name << ": out of memory; nothing was changed "
                                               "(free memory, raise the limit, or narrow the input)\n";
            return 1;
        } catch (const liaison::UserError &error) {
            std::cerr << "liaison " << name << ": " << error.what() << "\n";
            return 1;
        } catch (const std::exception &error) {
            std::cerr << "liaison " << name << ": internal error: " << error.what() << "\n";
            return 2;
        }
    }
    std::cerr << "liaison: unknown command '" << name << "'\n\n";
    printUsage(std::cerr);
    return 1;
}
