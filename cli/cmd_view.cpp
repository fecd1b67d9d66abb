// liaison view [FILE] [viewer options]: starts the interactive viewer. Execs
// liaison-viewer found beside this program (install: bin/; build tree:
// ../viewer/), else on PATH; every word is passed through unchanged.
#include "archive_access.hpp"
#include "command.hpp"

#include "liaison/errors.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <spawn.h>
#include <sys/wait.h>
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

// The value after `name` (or in name=value) among the viewer's words.
static std::optional<std::string> wordOption(const std::vector<std::string> &words, const std::string &name)
{
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i] == name && i + 1 < words.size()) return words[i + 1];
        if (words[i].starts_with(name + "=")) return words[i].substr(name.size() + 1);
    }
    return std::nullopt;
}

// Runs the viewer on a slice pulled from an archive, then removes the slice.
static int viewArchive(const fs::path &viewer, std::vector<std::string> words)
{
    std::optional<std::string> focus = wordOption(words, "--focus");
    if (!focus) throw UserError("opening an archive needs --focus ENTITY [--depth N] (or pull a slice with "
                                "`liaison archive pull` and view the file)");
    std::string depthText = wordOption(words, "--depth").value_or("2");
    int depth = 0;
    try {
        depth = std::stoi(depthText);
    } catch (const std::exception &) {
        depth = -1;
    }
    if (depth < 0) throw UserError("--depth expects a whole number of 0 or more, not '" + depthText + "'");
    std::string slice = pullFocusToTempFile(words.front(), *focus, depth);
    words.front() = slice;
    std::vector<std::string> args{viewer.string()};
    args.insert(args.end(), words.begin(), words.end());
    std::vector<char *> argv;
    for (std::string &a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t child = 0;
    int failed = ::posix_spawnp(&child, argv[0], nullptr, nullptr, argv.data(), environ);
    int status = 0;
    if (failed == 0) ::waitpid(child, &status, 0);
    std::error_code ec;
    fs::remove(slice, ec);
    if (failed != 0)
        throw UserError("cannot start " + viewer.string() + ": " + std::strerror(failed) +
                        " (was Liaison built with LIAISON_BUILD_VIEWER=ON?)");
    return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}

static int runView(const std::vector<std::string> &words)
{
    fs::path viewer = findViewer();
    if (!words.empty() && isArchive(words.front())) return viewArchive(viewer, words);
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
            "       liaison view URL --focus ENTITY [--depth N] [viewer options]\n"
            "A team archive (URL) opens the ego slice of ENTITY (depth 2 unless said).\n"
            "Starts liaison-viewer on FILE. Options are the viewer's (see liaison-viewer --help):\n"
            "  --layout ENGINE, --focus ENTITY --depth N, --select ENTITY, --search TEXT,\n"
            "  --hide-kind KIND, --screenshot OUT.png [--size WxH], --export OUT.svg\n",
            runView};
}

} // namespace liaison::cli
