#include "command.hpp"

namespace liaison::cli {

const std::vector<Command> &allCommands()
{
    static const std::vector<Command> commands{
        importCommand(), infoCommand(), showCommand(), searchCommand(), metCommand(), pathCommand(),
        exportCommand(), pluginsCommand(), rankCommand(), communitiesCommand(), componentsCommand(), rollupCommand(),
        resolveCommand(), mergeCommand(), splitCommand(), aliasCommand(), judgeCommand(), viewCommand(),
        archiveCommand(), diffCommand(),
    };
    return commands;
}

} // namespace liaison::cli
