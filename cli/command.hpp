// A CLI command: its name, one-line summary, full help and entry point.
// Commands are listed once, in commands.cpp.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace liaison::cli {

struct Command {
    std::string name;
    std::string summary; // one line, for `liaison --help`
    std::string help;    // usage and options, for `liaison NAME --help`
    // Runs with the words after the command name; returns the exit code.
    // Throws UserError (exit 1) or anything else (exit 2).
    std::function<int(const std::vector<std::string> &words)> run;
};

const std::vector<Command> &allCommands();

// Defined in one cmd_*.cpp file each.
Command infoCommand();
Command showCommand();
Command searchCommand();
Command metCommand();
Command pathCommand();
Command exportCommand();
Command rankCommand();
Command communitiesCommand();
Command componentsCommand();
Command rollupCommand();
Command importCommand();  // cmd_import.cpp
Command pluginsCommand(); // cmd_plugins.cpp
Command viewCommand();
Command resolveCommand(); // cmd_resolve.cpp
Command mergeCommand();   // cmd_merge.cpp
Command splitCommand();   // cmd_merge.cpp
Command aliasCommand();   // cmd_alias.cpp
Command judgeCommand();   // cmd_alias.cpp
Command diffCommand(); // cmd_diff.cpp
Command archiveCommand(); // cli/archive/

} // namespace liaison::cli
