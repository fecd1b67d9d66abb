// liaison-viewer: the interactive explorer. See options.cpp for the command line.
#include "app.hpp"
#include "options.hpp"

#include "liaison/errors.hpp"

#include <exception>
#include <iostream>

int main(int argc, char **argv) {
    using namespace liaison::viewer;
    try {
        ViewerOptions options = parseOptions(argc, argv);
        if (options.help) {
            std::cout << usage();
            return 0;
        }
        return runViewer(options);
    } catch (const liaison::UserError &e) {
        std::cerr << "liaison-viewer: " << e.what() << "\n";
        return 1;
    } catch (const std::exception &e) {
        std::cerr << "liaison-viewer: internal error: " << e.what() << "\n";
        return 2;
    }
}
