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

// A merge is shown as one merge with its reason: the survivor is not listed
// as changed twice, and the relations the merge folded into one are one
// change, not a removal. The judgement it stored, and a later split, show too.
TEST(GraphDiff, AMergeAndASplitAreShownAsSuchWithTheirJudgements)
{
    auto dir = test::scratchDir("graph_diff_merge");
    std::ofstream(dir / "old.json") << R"({"liaison": 1,
      "sources": [{"id": "r1"}],
      "entities": [
        {"id": "person:ann-lee", "kind": "person", "name": "Ann Lee"},
        {"id": "person:a-lee", "kind": "person", "name": "A. Lee"},
        {"id": "event:e", "kind": "event", "name": "E"}],
      "relations": [
        {"kind": "attended", "from": "person:ann-lee", "to": "event:e",
         "evidence": [{"source": "r1", "line": 3, "quote": "Ann Lee came"}]},
        {"kind": "attended", "from": "person:a-lee", "to": "event:e",
         "evidence": [{"source": "r1", "line": 7, "quote": "A. Lee spoke"}]}]})";
    const std::string cli = "'" + test::cliPath().string() + "' ";
    auto file = [&](const char *name) { return test::quoted(dir / name); };
    auto diffFiles = [&](const char *before, const char *after) {
        return diffGraphs(readLiaisonJsonFile((dir / before).string()), readLiaisonJsonFile((dir / after).string()));
    };
    auto merged = runCommand(cli + "merge " + file("old.json") + " person:ann-lee person:a-lee --reason 'one woman' -o " +
                             file("merged.json"));
    ASSERT_EQ(merged.exitCode, 0) << merged.err;

    GraphDiff diff = diffFiles("old.json", "merged.json");
    ASSERT_EQ(diff.entitiesMerged.size(), 1u);
    EXPECT_EQ(diff.entitiesMerged[0].from, "person:a-lee");
    EXPECT_EQ(diff.entitiesMerged[0].into, "person:ann-lee");
    EXPECT_NE(diff.entitiesMerged[0].reason.find("one woman"), std::string::npos) << diff.entitiesMerged[0].reason;
    ASSERT_EQ(diff.entitiesChanged.size(), 1u) << "the survivor once";
    EXPECT_EQ(diff.entitiesChanged[0].key, "person:ann-lee");
    EXPECT_TRUE(diff.entitiesRemoved.empty());
    EXPECT_TRUE(diff.relationsRemoved.empty()) << diff.relationsRemoved.front();
    ASSERT_EQ(diff.relationsChanged.size(), 1u);
    EXPECT_EQ(diff.relationsChanged[0].changes.front(), "2 relations folded into 1");
    EXPECT_TRUE(diff.relationsChanged[0].evidenceRemoved.empty()) << "the folded relation's evidence is kept";
    ASSERT_EQ(diff.judgementsAdded.size(), 1u);
    EXPECT_EQ(diff.judgementsAdded[0].rfind("same ", 0), 0u) << diff.judgementsAdded[0];

    auto text = runCommand(cli + "diff " + file("old.json") + " " + file("merged.json"));
    EXPECT_NE(text.out.find("  > person:a-lee merged into person:ann-lee ("), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("judgements: +1 -0"), std::string::npos) << text.out;

    auto split = runCommand(cli + "judge " + file("merged.json") + " person:ann-lee person:a-lee different -o " +
                            file("split.json"));
    ASSERT_EQ(split.exitCode, 0) << split.err;
    GraphDiff back = diffFiles("merged.json", "split.json");
    ASSERT_EQ(back.entitiesUnmerged.size(), 1u);
    EXPECT_EQ(back.entitiesUnmerged[0].from, "person:a-lee");
    EXPECT_EQ(back.entitiesAdded, std::vector<std::string>{"person:a-lee"});
    bool different = std::any_of(back.judgementsAdded.begin(), back.judgementsAdded.end(),
                                 [](const std::string &j) { return j.rfind("different ", 0) == 0; });
    EXPECT_TRUE(different) << "the judgement 'different' is shown";
    auto json = runCommand(cli + "diff --json " + file("merged.json") + " " + file("split.json"));
    EXPECT_NE(json.out.find("\"split\": ["), std::string::npos) << json.out;
}
