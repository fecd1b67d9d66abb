// Where tests find the project's files and the shared corpora.
#pragma once

#include <filesystem>
#include <string>

namespace liaison::test {

// The project's source tree (datasets/, plugins/*/samples ...).
std::filesystem::path sourceDir();
// ../shared next to the checkout, or $LIAISON_SHARED_DIR; empty when absent.
// Tests that need it GTEST_SKIP() when this is empty.
std::filesystem::path sharedDir();
// The built `liaison` command line.
std::filesystem::path cliPath();
// The curated IAC 2017 graph.
std::filesystem::path iacDataset();
// A fresh empty directory under the system temp dir, removed at exit.
std::filesystem::path scratchDir(const std::string &name);

// True in an AddressSanitizer build (LIAISON_SANITIZE=ON): tests that
// measure time or memory allow for its overhead.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

// Runs a shell command, returns its exit code; stdout and stderr captured.
struct CommandResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};
CommandResult runCommand(const std::string &command);
// `path` in single quotes, for a runCommand line (no path of ours holds a ').
std::string quoted(const std::filesystem::path &path);
// Writes `bytes` to `path`, replacing it.
void writeFile(const std::filesystem::path &path, const std::string &bytes);

} // namespace liaison::test
