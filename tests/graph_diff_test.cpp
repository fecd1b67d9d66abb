// liaison diff (issue 13 part 4): what was added, removed and changed
// between two versions of a graph, evidence included.
#include "liaison/graph_diff.hpp"
#include "liaison/json_io.hpp"

#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <fstream>

using namespace liaison;
using test::runCommand;

namespace {

const char *kBefore = R"({"liaison": 1,
  "sources": [{"id": "r1"}],
  "entities": [
    {"id": "person:a", "kind": "person", "name": "A", "aliases": ["Ay"]},
    {"id": "person:b", "kind": "person", "name": "B"},
    {"id": "event:e", "kind": "event", "name": "E", "attributes": {"start": "2017-09-28"}}],
  "relations": [
    {"kind": "attended", "from": "person:a", "to": "event:e",
     "evidence": [{"source": "r1", "line": 3, "quote": "A came"}]},
    {"kind": "attended", "from": "person:b", "to": "event:e"}]})";

const char *kAfter = R"({"liaison": 1,
  "sources": [{"id": "r1"}, {"id": "r2"}],
  "entities": [
    {"id": "person:a", "kind": "person", "name": "A", "aliases": ["Ay", "Aye"]},
    {"id": "person:c", "kind": "person", "name": "C"},
    {"id": "event:e", "kind": "event", "name": "E", "attributes": {"start": "2017-09-29"}}],
  "relations": [
    {"kind": "attended", "from": "person:a", "to": "event:e",
     "evidence": [{"source": "r1", "line": 3, "quote": "A came"}, {"source": "r2", "line": 9, "quote": "A spoke"}]},
    {"kind": "attended", "from": "person:c", "to": "event:e"}]})";

} // namespace

TEST(GraphDiff, ListsWhatWasAddedRemovedAndChanged)
{
    GraphDiff diff = diffGraphs(readLiaisonJson(kBefore, "old.json"), readLiaisonJson(kAfter, "new.json"));
    EXPECT_EQ(diff.sourcesAdded, std::vector<std::string>{"r2"});
    EXPECT_EQ(diff.entitiesAdded, std::vector<std::string>{"person:c"});
    EXPECT_EQ(diff.entitiesRemoved, std::vector<std::string>{"person:b"});
    ASSERT_EQ(diff.entitiesChanged.size(), 2u);
    EXPECT_EQ(diff.entitiesChanged[0].key, "event:e");
    EXPECT_EQ(diff.entitiesChanged[0].changes, std::vector<std::string>{"attribute start: 2017-09-28 -> 2017-09-29"});
    EXPECT_EQ(diff.entitiesChanged[1].changes, std::vector<std::string>{"aliases +1 -0"});
    EXPECT_EQ(diff.relationsAdded, std::vector<std::string>{"attended person:c -> event:e"});
    EXPECT_EQ(diff.relationsRemoved, std::vector<std::string>{"attended person:b -> event:e"});
    ASSERT_EQ(diff.relationsChanged.size(), 1u);
    ASSERT_EQ(diff.relationsChanged[0].evidenceAdded.size(), 1u);
    EXPECT_EQ(diff.relationsChanged[0].evidenceAdded[0].quote, "A spoke");
}

TEST(GraphDiff, AGraphDoesNotDifferFromItself)
{
    GraphStore iac = readLiaisonJsonFile(test::iacDataset().string());
    EXPECT_TRUE(diffGraphs(iac, iac).empty());
}

TEST(GraphDiff, TheCommandPrintsTextAndJson)
{
    auto dir = test::scratchDir("graph_diff_cli");
    std::ofstream(dir / "old.json") << kBefore;
    std::ofstream(dir / "new.json") << kAfter;
    std::string cli = "'" + test::cliPath().string() + "' diff '" + (dir / "old.json").string() + "' '" +
                      (dir / "new.json").string() + "'";
    auto text = runCommand(cli);
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("entities: +1 -1 ~2"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("  + person:c  C"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("      + [r2:9] A spoke"), std::string::npos) << text.out;
    auto json = runCommand(cli + " --json");
    ASSERT_EQ(json.exitCode, 0) << json.err;
    EXPECT_NE(json.out.find("\"added\": [\n      \"person:c\""), std::string::npos) << json.out;
    EXPECT_NE(json.out.find("\"quote\": \"A spoke\""), std::string::npos) << json.out;
    EXPECT_EQ(runCommand(cli + " --exit-code").exitCode, 3);
    auto same = runCommand("'" + test::cliPath().string() + "' diff --exit-code '" + (dir / "old.json").string() +
                           "' '" + (dir / "old.json").string() + "'");
    EXPECT_EQ(same.exitCode, 0);
    EXPECT_NE(same.out.find("no differences"), std::string::npos);
}
