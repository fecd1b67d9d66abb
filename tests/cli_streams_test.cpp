// The command line's own conventions, end to end: "-" is standard input or
// output (the CLI's, cli/std_streams.hpp; core knows files only), and a
// graph the store refuses is the user's error (exit 1), not an internal one.
#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace liaison;
using test::quoted;
using test::runCommand;
namespace fs = std::filesystem;

namespace {

std::string cli(const std::string &arguments) { return quoted(test::cliPath()) + " " + arguments; }

bool has(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

// A shell line whose standard input is `input` (runCommand gives the line
// /dev/null; the group's own redirection wins inside it).
std::string fed(const std::string &line, const std::string &input) { return "(" + line + " < " + input + ")"; }

} // namespace

TEST(CliStreams, DashReadsStandardInput)
{
    auto info = runCommand(fed(cli("info -"), quoted(test::iacDataset())));
    ASSERT_EQ(info.exitCode, 0) << info.err;
    EXPECT_TRUE(has(info.out, "iac2017-report")) << info.out;

    auto bad = runCommand("(printf '{\"liaison\": 1,\\n \"entities\": [' | " + cli("info -") + ")");
    EXPECT_EQ(bad.exitCode, 1) << bad.err;
    EXPECT_TRUE(has(bad.err, "<stdin>:")) << "errors name standard input: " << bad.err;
}

TEST(CliStreams, DashWritesStandardOutputUnchanged)
{
    fs::path dir = test::scratchDir("cli-streams");
    auto json = runCommand(cli("export " + quoted(test::iacDataset()) + " --format json -o -"));
    ASSERT_EQ(json.exitCode, 0) << json.err;
    EXPECT_TRUE(json.out.starts_with("{")) << json.out.substr(0, 200);
    auto file = runCommand(cli("export " + quoted(test::iacDataset()) + " --format json -o " +
                               quoted(dir / "g.json") + " && cat " + quoted(dir / "g.json")));
    ASSERT_EQ(file.exitCode, 0) << file.err;
    EXPECT_EQ(json.out, file.out) << "standard output gets the bytes the file gets";

    auto graphml = runCommand(fed(cli("export - --format graphml -o -"), quoted(test::iacDataset())));
    ASSERT_EQ(graphml.exitCode, 0) << graphml.err;
    EXPECT_TRUE(has(graphml.out, "<graphml")) << graphml.out.substr(0, 200);

    auto csv = runCommand(cli("export " + quoted(test::iacDataset()) + " --format csv -o -"));
    EXPECT_EQ(csv.exitCode, 1);
    EXPECT_TRUE(has(csv.err, "two files")) << csv.err;

    auto imported = runCommand(fed(cli("import --quiet - -o -"), quoted(test::iacDataset())));
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    EXPECT_TRUE(has(imported.out, "\"person:chuang-ming-fen\"")) << imported.out.substr(0, 300);
    EXPECT_FALSE(fs::exists("-")) << "no file named '-' was written";
}

// A redirect's recorded relations are not endpoints the reader checks; a
// split that restores one naming no entity is refused by the store
// (GraphError) and reported as the user's error, exit 1, nothing written.
TEST(CliStreams, AGraphTheStoreRefusesIsAUserError)
{
    fs::path dir = test::scratchDir("cli-graph-error");
    fs::path graph = dir / "g.json";
    const std::string text =
        R"({"liaison": 1, "sources": [],
  "entities": [{"id": "person:a", "kind": "person", "name": "A"}],
  "relations": [],
  "redirects": [{"from": "person:b", "to": "person:a",
                 "entity": {"id": "person:b", "kind": "person", "name": "B"},
                 "relations": [{"kind": "met", "from": "person:b", "to": "person:ghost"}]}]}
)";
    test::writeFile(graph, text);
    auto split = runCommand(cli("split " + quoted(graph) + " person:a"));
    EXPECT_EQ(split.exitCode, 1) << split.err;
    EXPECT_FALSE(has(split.err, "internal error")) << split.err;
    EXPECT_TRUE(has(split.err, "person:ghost")) << split.err;
    auto after = runCommand("cat " + quoted(graph));
    EXPECT_EQ(after.out, text) << "a refused edit writes nothing";
}
