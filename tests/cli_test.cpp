// The `liaison` command line end to end: exit codes, output, errors.
#include "liaison/json_io.hpp"

#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace liaison;
using test::runCommand;
namespace fs = std::filesystem;

namespace {

std::string cli(const std::string &arguments)
{
    return "'" + test::cliPath().string() + "' " + arguments;
}

std::string iac() { return "'" + test::iacDataset().string() + "'"; }

} // namespace

TEST(Cli, InfoCountsKindsAndSources)
{
    auto result = runCommand(cli("info " + iac()));
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("person"), std::string::npos);
    EXPECT_NE(result.out.find("iac2017-report"), std::string::npos);
    auto json = runCommand(cli("info --json " + iac()));
    ASSERT_EQ(json.exitCode, 0);
    EXPECT_NE(json.out.find("\"entity_kinds\""), std::string::npos);
}

TEST(Cli, MetNamesPeopleAndSharedEvents)
{
    auto result = runCommand(cli("met " + iac() + " 莊明芬"));
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("Andrei CHUGUNOV"), std::string::npos);
    EXPECT_NE(result.out.find("event:itmo-egovernance-center-visit-2017"), std::string::npos);
    EXPECT_NE(result.out.find("2017-09-26"), std::string::npos);
    auto evidence = runCommand(cli("met --evidence " + iac() + " person:chuang-ming-fen"));
    EXPECT_NE(evidence.out.find("[iac2017-report:"), std::string::npos) << "quotes with their line";
}

TEST(Cli, SearchIsWidthAndCaseInsensitive)
{
    auto result = runCommand(cli("search " + iac() + " ｃｈｕｇｕｎｏｖ"));
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("person:andrei-chugunov"), std::string::npos);
}

// What `show` resolves, `search` finds: Simplified forms of Traditional names.
TEST(Cli, SearchFindsSimplifiedFormsOfTraditionalNames)
{
    auto person = runCommand(cli("search " + iac() + " 庄明芬"));
    ASSERT_EQ(person.exitCode, 0) << person.err;
    EXPECT_NE(person.out.find("person:chuang-ming-fen"), std::string::npos) << person.out;
    auto country = runCommand(cli("search " + iac() + " 台湾"));
    ASSERT_EQ(country.exitCode, 0) << country.err;
    EXPECT_NE(country.out.find("country:taiwan"), std::string::npos) << country.out;
}

// Finding nothing is an error with close candidates, never a silent rc 0.
TEST(Cli, SearchWithoutMatchIsAnErrorNamingCloseNames)
{
    auto typo = runCommand(cli("search " + iac() + " Chugunof"));
    EXPECT_EQ(typo.exitCode, 1);
    EXPECT_TRUE(typo.out.empty()) << typo.out;
    EXPECT_NE(typo.err.find("no entity matches 'Chugunof'"), std::string::npos) << typo.err;
    EXPECT_NE(typo.err.find("did you mean"), std::string::npos) << typo.err;
    auto filtered = runCommand(cli("search " + iac() + " chugunov --kinds event"));
    EXPECT_EQ(filtered.exitCode, 1);
    EXPECT_NE(filtered.err.find("within the filters (1 without them)"), std::string::npos) << filtered.err;
}

TEST(Cli, ShowAndPath)
{
    auto show = runCommand(cli("show " + iac() + " '莊副處長明芬'"));
    ASSERT_EQ(show.exitCode, 0) << show.err;
    EXPECT_NE(show.out.find("person:chuang-ming-fen"), std::string::npos);
    EXPECT_NE(show.out.find("-attended->"), std::string::npos);
    auto path = runCommand(cli("path --json " + iac() + " 廖洲棚 'Silas Olsson'"));
    ASSERT_EQ(path.exitCode, 0) << path.err;
    EXPECT_NE(path.out.find("\"connected\": true"), std::string::npos);
}

// The lengths ("length": N) of the chains of `path --k --json`, in order.
static std::vector<int> chainLengths(const std::string &json)
{
    std::vector<int> lengths;
    const std::string key = "\"length\": ";
    for (std::size_t at = json.find(key); at != std::string::npos; at = json.find(key, at + 1))
        lengths.push_back(std::stoi(json.substr(at + key.size())));
    return lengths;
}

TEST(Cli, PathKListsTheShortestChainsShortestFirst)
{
    auto one = runCommand(cli("path --json --k 1 " + iac() + " 廖洲棚 'Silas Olsson'"));
    ASSERT_EQ(one.exitCode, 0) << one.err;
    std::vector<int> shortest = chainLengths(one.out);
    ASSERT_EQ(shortest.size(), 1u);

    auto many = runCommand(cli("path --json --k 4 " + iac() + " 廖洲棚 'Silas Olsson'"));
    ASSERT_EQ(many.exitCode, 0) << many.err;
    std::vector<int> lengths = chainLengths(many.out);
    ASSERT_EQ(lengths.size(), 4u) << many.out;
    EXPECT_EQ(lengths.front(), shortest.front());
    EXPECT_TRUE(std::is_sorted(lengths.begin(), lengths.end())) << many.out;
    EXPECT_EQ(many.out.find("\"steps\": []"), std::string::npos) << "every chain has steps";

    auto text = runCommand(cli("path --k 2 " + iac() + " 廖洲棚 'Silas Olsson'"));
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("chain 1 ("), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("chain 2 ("), std::string::npos) << text.out;

    auto bad = runCommand(cli("path --k 0 " + iac() + " 廖洲棚 'Silas Olsson'"));
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_NE(bad.err.find("--k"), std::string::npos) << bad.err;
}

TEST(Cli, UserErrorsExitOneWithALocatedMessage)
{
    fs::path dir = test::scratchDir("cli-errors");
    fs::path bad = dir / "bad.json";
    std::ofstream(bad) << "{\"liaison\": 1,\n  \"entities\": [{\"id\": \"p:a\",}]}";
    auto result = runCommand(cli("info '" + bad.string() + "'"));
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find(bad.string() + ":2:"), std::string::npos) << result.err;

    auto unknown = runCommand(cli("met " + iac() + " 'Nobody At All'"));
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_NE(unknown.err.find("Nobody At All"), std::string::npos);

    auto missing = runCommand(cli("info '" + (dir / "none.json").string() + "'"));
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_NE(missing.err.find("none.json"), std::string::npos);

    EXPECT_EQ(runCommand(cli("info --bogus " + iac())).exitCode, 1);
    EXPECT_EQ(runCommand(cli("frobnicate")).exitCode, 1);
    fs::remove_all(dir);
}

TEST(Cli, AmbiguousNamesListTheCandidates)
{
    fs::path dir = test::scratchDir("cli-ambiguous");
    fs::path file = dir / "g.json";
    std::ofstream(file) << R"({"liaison": 1, "entities": [
        {"id": "person:lee-1", "kind": "person", "name": "Lee"},
        {"id": "person:lee-2", "kind": "person", "name": "Lee"}]})";
    auto result = runCommand(cli("show '" + file.string() + "' Lee"));
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("person:lee-1"), std::string::npos);
    EXPECT_NE(result.err.find("person:lee-2"), std::string::npos);
    fs::remove_all(dir);
}

TEST(Cli, HelpOnEveryCommand)
{
    for (const char *command : {"info", "show", "search", "met", "path", "export"}) {
        auto result = runCommand(cli(std::string(command) + " --help"));
        EXPECT_EQ(result.exitCode, 0) << command;
        EXPECT_NE(result.out.find("usage: liaison"), std::string::npos) << command;
    }
}

TEST(Cli, ExportWritesDiagramsAndSubgraphs)
{
    fs::path dir = test::scratchDir("cli-export");
    auto svg = runCommand(cli("export " + iac() + " --format svg --layout sfdp -o '" + (dir / "b.svg").string() + "'"));
    ASSERT_EQ(svg.exitCode, 0) << svg.err;
    std::string text = readWholeFile((dir / "b.svg").string());
    EXPECT_NE(text.find("<svg"), std::string::npos);
    EXPECT_NE(text.find("莊明芬"), std::string::npos) << "Chinese labels in the SVG";

    auto toStdout = runCommand(cli("export " + iac() + " --format dot --focus 莊明芬 --depth 1 -o -"));
    ASSERT_EQ(toStdout.exitCode, 0) << toStdout.err;
    EXPECT_EQ(toStdout.out.rfind("digraph", 0), 0u);
    EXPECT_NE(toStdout.out.find("person:chuang-ming-fen"), std::string::npos);
    EXPECT_EQ(toStdout.out.find("person:andrey-semenov"), std::string::npos) << "outside the focus";

    fs::path part = dir / "persons.json";
    auto json = runCommand(cli("export " + iac() + " --kinds person,event -o '" + part.string() + "'"));
    ASSERT_EQ(json.exitCode, 0) << json.err;
    GraphStore subgraph = readLiaisonJsonFile(part.string());
    EXPECT_GT(subgraph.entityCount(), 40u);
    for (const Entity &e : subgraph.entities()) EXPECT_TRUE(e.kind == "person" || e.kind == "event") << e.id;

    auto badEngine = runCommand(cli("export " + iac() + " --layout spiral -o '" + (dir / "x.svg").string() + "'"));
    EXPECT_EQ(badEngine.exitCode, 1);
    EXPECT_NE(badEngine.err.find("sfdp"), std::string::npos) << "lists the valid engines: " << badEngine.err;
    EXPECT_FALSE(fs::exists(dir / "x.svg"));
    fs::remove_all(dir);
}

TEST(Cli, ImportOfLiaisonJsonKeepsUnknownMembers)
{
    fs::path dir = test::scratchDir("cli-import-extra");
    fs::path in = dir / "in.json", out = dir / "out.json";
    std::ofstream(in) << R"({"liaison": 1, "sources": [{"id": "s", "archive": {"box": 7}}],
        "entities": [{"id": "person:a", "name": "A", "colour": "red"}, {"id": "person:b", "name": "B"}],
        "relations": [{"kind": "met", "from": "person:a", "to": "person:b", "weight": [1, 2]}]})";
    auto result = runCommand(cli("import '" + in.string() + "' -o '" + out.string() + "'"));
    ASSERT_EQ(result.exitCode, 0) << result.err;
    std::string saved = readWholeFile(out.string());
    for (const char *kept : {"\"archive\"", "\"colour\": \"red\"", "\"weight\""})
        EXPECT_NE(saved.find(kept), std::string::npos) << kept << " lost through the plugin boundary:\n" << saved;
    fs::remove_all(dir);
}
