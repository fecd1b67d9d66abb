// Issue 10: what `liaison import` must never do to a user's graph, run as a
// user runs it (the built CLI, real files).
#include "test_paths.hpp"

#include "liaison/json_io.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace fs = std::filesystem;

namespace liaison {
namespace {

std::string cli() { return test::cliPath().string(); }

// Case 1: a confidence of 1.8e308 became "inf" in the saved file and every
// later command failed. Now it is refused where it stands, nothing written.
TEST(ImportSafety, OutOfRangeConfidenceIsALocatedErrorAndNothingIsWritten)
{
    fs::path dir = test::scratchDir("import-confidence");
    test::writeFile(dir / "nodes.csv", "id,kind,name,evidence\n"
                             "person:a,person,A,\"[{\"\"source\"\":\"\"s\"\",\"\"confidence\"\":1.8e308}]\"\n");
    auto r = test::runCommand(cli() + " import " + test::quoted(dir / "nodes.csv") + " -o " + test::quoted(dir / "out.json"));
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_NE(r.err.find("nodes.csv:2"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("is not between 0 and 1"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "out.json"));

    test::writeFile(dir / "graph.json", R"({"liaison": 1, "entities": [{"id": "person:a",
  "evidence": [{"source": "s", "confidence": 1.5}]}]})");
    r = test::runCommand(cli() + " info " + test::quoted(dir / "graph.json"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("graph.json:2:46: expected \"confidence\" to be a number from 0 to 1"), std::string::npos)
        << r.err;
}

// Case 6: --lenient read a Liaison JSON file all or nothing and dropped the
// whole file for one bad record. Now exactly the bad records are skipped,
// each listed with its position, and the rest imported.
TEST(ImportSafety, LenientSkipsExactlyTheBadRecordsOfALiaisonJsonFile)
{
    fs::path dir = test::scratchDir("import-lenient-json");
    test::writeFile(dir / "in.json", R"({"liaison": 1,
  "entities": [
    {"id": "person:a", "name": "A"},
    {"id": "person:b", "name": 5},
    {"id": "person:c", "name": "C"},
    {"id": "person:a", "name": "A again"}
  ],
  "relations": [
    {"kind": "met", "from": "person:a", "to": "person:c"},
    {"kind": "met", "from": "person:a", "to": "person:b"}
  ]})");
    auto strict = test::runCommand(cli() + " import " + test::quoted(dir / "in.json") + " -o " + test::quoted(dir / "out.json"));
    EXPECT_EQ(strict.exitCode, 1);
    EXPECT_FALSE(fs::exists(dir / "out.json"));

    auto r = test::runCommand(cli() + " import --lenient " + test::quoted(dir / "in.json") + " -o " + test::quoted(dir / "out.json"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("skipped 3 record(s)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("in.json:4:32: "), std::string::npos) << r.err; // the name that is a number
    EXPECT_NE(r.err.find("in.json:6:12: "), std::string::npos) << r.err; // the duplicate id
    EXPECT_NE(r.err.find("in.json:10:47: "), std::string::npos) << r.err; // the relation to person:b
    GraphStore out = readLiaisonJsonFile((dir / "out.json").string());
    EXPECT_EQ(out.entityCount(), 2u);
    EXPECT_NE(out.findById("person:a"), kNoEntity);
    EXPECT_NE(out.findById("person:c"), kNoEntity);
    EXPECT_EQ(out.relationCount(), 1u);
}

// Case 7: unknown top-level keys survive an import, as they survive export,
// and the graph's own are kept when importing into it.
TEST(ImportSafety, UnknownTopLevelKeysSurviveAnImport)
{
    fs::path dir = test::scratchDir("import-top-keys");
    test::writeFile(dir / "in.json", R"({"liaison": 1, "x-workspace": {"layout": "sfdp", "pinned": [1, 2]},
  "entities": [{"id": "person:a"}]})");
    test::writeFile(dir / "graph.json", R"({"liaison": 1, "x-team": "analysts", "x-workspace": "theirs", "entities": []})");
    auto r = test::runCommand(cli() + " import " + test::quoted(dir / "in.json") + " -o " + test::quoted(dir / "out.json"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    GraphStore out = readLiaisonJsonFile((dir / "out.json").string());
    ASSERT_EQ(out.documentExtras().size(), 1u);
    EXPECT_EQ(out.documentExtras()[0], (std::pair<std::string, std::string>(
                                           "x-workspace", R"({"layout":"sfdp","pinned":[1,2]})")));

    r = test::runCommand(cli() + " import " + test::quoted(dir / "in.json") + " --into " + test::quoted(dir / "graph.json") + " -o " +
                         test::quoted(dir / "graph.json"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("top-level key \"x-workspace\": the graph's value is kept"), std::string::npos) << r.err;
    GraphStore merged = readLiaisonJsonFile((dir / "graph.json").string());
    ASSERT_EQ(merged.documentExtras().size(), 2u);
    EXPECT_EQ(merged.documentExtras()[0].first, "x-team");
    EXPECT_EQ(merged.documentExtras()[1].second, "\"theirs\"");
}

} // namespace
} // namespace liaison
