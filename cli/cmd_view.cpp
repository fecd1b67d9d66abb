// liaison view [FILE] [viewer options]: starts the interactive viewer. Execs
// liaison-viewer found beside this program (install: bin/; build tree:
// ../viewer/), else on PATH; every word is passed through unchanged.
#include "command.hpp"

#include "liaison/errors.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace liaison::cli {

namespace fs = std::filesystem;

static fs::path findViewer()
{
    std::error_code ec;
    fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (fs::path candidate : {self.parent_path() / "liaison-viewer",
                                   self.parent_path().parent_path() / "viewer" / "liaison-viewer"})
            if (fs::exists(candidate, ec))
                return candidate;
    }
    return "liaison-viewer"; // execvp searches PATH
}

static int runView(const std::vector<std::string> &words)
{
    fs::path viewer = findViewer();
    std::vector<std::string> args{viewer.string()};
    args.insert(args.end(), words.begin(), words.end());
    std::vector<char *> argv;
    for (std::string &a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execvp(argv[0], argv.data());
    throw UserError("cannot start " + viewer.string() + ": " + std::strerror(errno) +
                    " (was Liaison built with LIAISON_BUILD_VIEWER=ON?)");
}

Command viewCommand()
{
    return {"view", "open a graph in the interactive viewer (liaison-viewer)",
            "usage: liaison view [FILE.json] [viewer options]\n"
            "Starts liaison-viewer on FILE. Options are the viewer's (see liaison-viewer --help):\n"
            "  --layout ENGINE, --focus ENTITY --depth N, --select ENTITY, --search TEXT,\n"
            "  --hide-kind KIND, --screenshot OUT.png [--size WxH], --export OUT.svg\n",
            runView};
}

} // namespace liaison::cli
