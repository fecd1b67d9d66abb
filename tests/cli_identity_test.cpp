// `liaison resolve / merge / split / alias / judge` and the identity parts of
// `liaison import` (report, edge lists by name, same-named files) as a user
// runs them.
#include "test_paths.hpp"

#include "liaison/json_io.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace fs = std::filesystem;

namespace liaison {
namespace {

std::string cli() { return test::cliPath().string(); }

void write(const fs::path &p, const std::string &text)
{
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

bool has(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

// Two documents naming one person in two name orders, and a surname alone.
fs::path twoDocuments(const fs::path &dir)
{
    write(dir / "a.json", R"({"liaison": 1, "sources": [{"id": "a"}],
      "entities": [{"id": "person:chen-wei-ling", "kind": "person", "name": "Chen Wei-ling"},
                   {"id": "event:summit", "kind": "event", "name": "Summit"}],
      "relations": [{"kind": "attended", "from": "person:chen-wei-ling", "to": "event:summit",
                     "evidence": [{"source": "a", "line": 3, "quote": "Chen Wei-ling attended"}]}]})");
    write(dir / "b.json", R"({"liaison": 1, "sources": [{"id": "b"}],
      "entities": [{"id": "person:wei-ling-chen", "kind": "person", "name": "Wei-ling Chen"},
                   {"id": "person:chen", "kind": "person", "name": "Ms. Chen"},
                   {"id": "event:summit", "kind": "event", "name": "Summit"}],
      "relations": [{"kind": "attended", "from": "person:wei-ling-chen", "to": "event:summit",
                     "evidence": [{"source": "b", "line": 9, "quote": "Wei-ling Chen was there"}]}]})");
    fs::path graph = dir / "g.json";
    auto a = test::runCommand(cli() + " import " + (dir / "a.json").string() + " -o " + graph.string());
    EXPECT_EQ(a.exitCode, 0) << a.err;
    auto b = test::runCommand(cli() + " import " + (dir / "b.json").string() + " --into " + graph.string() + " -o " +
                              graph.string() + " --report");
    EXPECT_EQ(b.exitCode, 0) << b.err;
    EXPECT_TRUE(has(b.err, "merged person:wei-ling-chen -> person:chen-wei-ling (name order/spelling variant")) << b.err;
    EXPECT_TRUE(has(b.err, "created person:chen")) << b.err;
    EXPECT_TRUE(has(b.err, "surname-only form across documents")) << b.err;
    return graph;
}

TEST(CliIdentity, ImportReportAndEvidenceFromTwoSourcesInShowAndMet)
{
    fs::path dir = test::scratchDir("cli-identity-report");
    fs::path graph = twoDocuments(dir);
    // Names in another order or script find the entity too.
    EXPECT_EQ(test::runCommand(cli() + " show " + graph.string() + " \"CHEN Weiling\"").exitCode, 0);
    auto show = test::runCommand(cli() + " show " + graph.string() + " person:wei-ling-chen");
    ASSERT_EQ(show.exitCode, 0) << show.err; // the merged-away id still resolves
    EXPECT_TRUE(has(show.out, "[a:3] Chen Wei-ling attended")) << show.out;
    EXPECT_TRUE(has(show.out, "[b:9] Wei-ling Chen was there")) << show.out;
    auto json = test::runCommand(cli() + " import " + (dir / "b.json").string() + " --into " + graph.string() +
                                 " -o " + (dir / "again.json").string() + " --json --quiet");
    ASSERT_EQ(json.exitCode, 0) << json.err;
    EXPECT_TRUE(has(json.out, "\"outcome\": \"merged\"")) << json.out;
    EXPECT_TRUE(has(json.out, "\"relations_already_present\": 1")) << json.out;
    EXPECT_TRUE(has(json.out, "\"evidence_appended\": 0")) << json.out;
    fs::remove_all(dir);
}

TEST(CliIdentity, ResolveListsCandidatesWithReasonsAndMinScore)
{
    fs::path dir = test::scratchDir("cli-identity-resolve");
    fs::path graph = twoDocuments(dir);
    auto text = test::runCommand(cli() + " resolve " + graph.string());
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_TRUE(has(text.out, "Ms. Chen (person:chen)")) << text.out;
    EXPECT_TRUE(has(text.out, "[never merged]")) << text.out;
    auto json = test::runCommand(cli() + " resolve " + graph.string() + " --json");
    ASSERT_EQ(json.exitCode, 0);
    EXPECT_TRUE(has(json.out, "\"counter_reasons\"")) << json.out;
    auto high = test::runCommand(cli() + " resolve " + graph.string() + " --min-score 0.5");
    EXPECT_TRUE(has(high.out, "no merge candidates")) << high.out;
    auto bad = test::runCommand(cli() + " resolve " + graph.string() + " --min-score lots");
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_TRUE(has(bad.err, "--min-score wants a number from 0 to 1")) << bad.err;
    fs::remove_all(dir);
}

TEST(CliIdentity, MergeSplitAliasJudgeWithJsonAndExitCodes)
{
    fs::path dir = test::scratchDir("cli-identity-edit");
    fs::path graph = twoDocuments(dir);
    std::string g = graph.string();
    auto merge = test::runCommand(cli() + " merge " + g + " person:chen-wei-ling person:chen --json");
    ASSERT_EQ(merge.exitCode, 0) << merge.err;
    EXPECT_TRUE(has(merge.out, "\"merged\": \"person:chen\"")) << merge.out;
    EXPECT_EQ(test::runCommand(cli() + " show " + g + " person:chen").exitCode, 0) << "redirect after merge";
    auto split = test::runCommand(cli() + " split " + g + " person:chen-wei-ling --id person:chen");
    ASSERT_EQ(split.exitCode, 0) << split.err;
    EXPECT_TRUE(has(split.out, "person:chen restored")) << split.out;
    auto show = test::runCommand(cli() + " show " + g + " person:chen");
    EXPECT_TRUE(has(show.out, "id: person:chen")) << show.out;
    // Judged different now: a merge is refused, nothing written.
    std::string before = readWholeFile(g);
    auto refused = test::runCommand(cli() + " merge " + g + " person:chen-wei-ling person:chen");
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(has(refused.err, "judged different")) << refused.err;
    EXPECT_EQ(readWholeFile(g), before);

    auto alias = test::runCommand(cli() + " alias " + g + " person:chen-wei-ling add 陳薇伶 --json");
    ASSERT_EQ(alias.exitCode, 0) << alias.err;
    EXPECT_EQ(test::runCommand(cli() + " show " + g + " 陳薇伶").exitCode, 0);
    auto unknown = test::runCommand(cli() + " alias " + g + " person:chen-wei-ling remove Nobody");
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(has(unknown.err, "its aliases: ")) << unknown.err;

    // Judging a merged-away id different splits it off.
    auto different = test::runCommand(cli() + " judge " + g + " person:chen-wei-ling person:wei-ling-chen different --json");
    ASSERT_EQ(different.exitCode, 0) << different.err;
    EXPECT_TRUE(has(different.out, "\"action\": \"split\"")) << different.out;
    auto same = test::runCommand(cli() + " judge " + g + " person:chen-wei-ling person:wei-ling-chen same");
    ASSERT_EQ(same.exitCode, 0) << same.err;
    EXPECT_TRUE(has(same.out, "merged person:wei-ling-chen into person:chen-wei-ling")) << same.out;
    auto usage = test::runCommand(cli() + " judge " + g + " person:chen-wei-ling person:chen maybe");
    EXPECT_EQ(usage.exitCode, 1);
    GraphStore saved = readLiaisonJsonFile(g);
    EXPECT_GE(saved.judgements().size(), 2u);
    fs::remove_all(dir);
}

TEST(CliIdentity, EdgeListEndpointByNameJoinsTheExistingPerson)
{
    fs::path dir = test::scratchDir("cli-identity-edges");
    write(dir / "hearing.csv", "person,event\n莊明芬,Budget Hearing 2018\n廖洲棚,Budget Hearing 2018\n");
    fs::path graph = dir / "g.json";
    auto r = test::runCommand(cli() + " import " + (dir / "hearing.csv").string() + " --into " +
                              test::iacDataset().string() + " -o " + graph.string());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto met = test::runCommand(cli() + " met " + graph.string() + " 莊明芬");
    ASSERT_EQ(met.exitCode, 0) << met.err << "\n(a second 莊明芬 makes the name ambiguous)";
    EXPECT_TRUE(has(met.out, "met 41 people")) << met.out;
    fs::remove_all(dir);
}

TEST(CliIdentity, SameNamedFilesAreTwoSourcesTheSameFileTwiceIsOne)
{
    fs::path dir = test::scratchDir("cli-identity-sources");
    write(dir / "2019/report.txt", "Trip report\n\nProf. Anna Virtanen (University of Helsinki) chaired Session 1 of the Nordic Data Forum 2019.\n");
    write(dir / "2020/report.txt", "Trip report\n\nProf. Anna Virtanen (University of Helsinki) chaired Session 2 of the Nordic Data Forum 2020.\n");
    fs::path graph = dir / "g.json";
    ASSERT_EQ(test::runCommand(cli() + " import " + (dir / "2019/report.txt").string() + " -o " + graph.string()).exitCode, 0);
    auto second = test::runCommand(cli() + " import " + (dir / "2020/report.txt").string() + " --into " + graph.string() +
                                   " -o " + graph.string());
    ASSERT_EQ(second.exitCode, 0) << second.err;
    auto again = test::runCommand(cli() + " import " + (dir / "2019/report.txt").string() + " --into " + graph.string() +
                                  " -o " + graph.string());
    ASSERT_EQ(again.exitCode, 0) << again.err;
    GraphStore store = readLiaisonJsonFile(graph.string());
    ASSERT_EQ(store.sources().size(), 2u);
    EXPECT_NE(store.sources()[0].hash, store.sources()[1].hash);
    EXPECT_TRUE(has(store.sources()[1].path, "2020")) << store.sources()[1].path;
    // The 2020 quotes cite the 2020 source.
    bool cited2020 = false;
    for (const Relation &rel : store.relations())
        for (const Evidence &e : rel.evidence)
            if (has(e.quote, "2020")) cited2020 |= e.source == store.sources()[1].id;
    EXPECT_TRUE(cited2020);
    fs::remove_all(dir);
}

} // namespace
} // namespace liaison
