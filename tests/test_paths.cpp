#include "test_paths.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace liaison::test {

fs::path sourceDir() { return LIAISON_SOURCE_DIR; }

fs::path sharedDir()
{
    if (const char *env = std::getenv("LIAISON_SHARED_DIR"); env && *env)
        return fs::exists(env) ? fs::path(env) : fs::path();
    fs::path candidate = sourceDir().parent_path() / "shared";
    return fs::exists(candidate / "corpora") ? candidate : fs::path();
}

fs::path cliPath() { return LIAISON_CLI_PATH; }

fs::path iacDataset() { return sourceDir() / "datasets" / "iac2017" / "graph.json"; }

fs::path scratchDir(const std::string &name)
{
    fs::path dir = fs::temp_directory_path() /
                   ("liaison-test-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

static std::string slurp(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

CommandResult runCommand(const std::string &command)
{
    fs::path dir = scratchDir("cmd");
    fs::path out = dir / "out", err = dir / "err";
    std::string full = command + " >" + out.string() + " 2>" + err.string() + " </dev/null";
    int status = std::system(full.c_str());
    CommandResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = slurp(out);
    result.err = slurp(err);
    fs::remove_all(dir);
    return result;
}

std::string quoted(const fs::path &path) { return "'" + path.string() + "'"; }

void writeFile(const fs::path &path, const std::string &bytes) { std::ofstream(path, std::ios::binary) << bytes; }

} // namespace liaison::test
