#include "command.hpp"

namespace liaison::cli {

const std::vector<Command> &allCommands()
{
    static const std::vector<Command> commands{
        infoCommand(), showCommand(), searchCommand(), metCommand(), pathCommand(), exportCommand(),
    };
    return commands;
}

} // namespace liaison::cli
