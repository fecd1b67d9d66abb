// Option values and names that match nothing known are errors naming the
// close candidates, never an empty or unchanged result (known-problems.md).
#include "test_paths.hpp"

#include <gtest/gtest.h>

namespace liaison {
namespace {

std::string cli(const std::string &arguments) { return test::quoted(test::cliPath()) + " " + arguments; }

std::string iac() { return test::quoted(test::iacDataset()); }

bool has(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

TEST(CliNoMatch, KindMapWhoseFromNoEntityHasIsRefusedWithTheInputsKinds)
{
    auto dir = test::scratchDir("no-match-kind");
    test::writeFile(dir / "nodes.csv", "id,kind,name\nn1,node,Alpha\nn2,node,Beta\n");
    auto r = test::runCommand(cli("import " + test::quoted(dir / "nodes.csv") + " --kind nod=person -o " +
                                  test::quoted(dir / "out.json")));
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_TRUE(has(r.err, "--kind nod=person: no incoming entity has the kind 'nod'")) << r.err;
    EXPECT_TRUE(has(r.err, "did you mean 'node'?")) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "out.json"));

    auto ok = test::runCommand(cli("import " + test::quoted(dir / "nodes.csv") + " --kind node=person -o " +
                                   test::quoted(dir / "out.json")));
    EXPECT_EQ(ok.exitCode, 0) << ok.err;
}

TEST(CliNoMatch, DateWindowWithoutDatedFactsNamesTheGraphsDates)
{
    // The graph's last dated fact is the 2019 conference it announces.
    auto dir = test::scratchDir("no-match-window");
    auto exported = test::runCommand(cli("export " + iac() + " --from 2020-01-01 --format json -o " +
                                         test::quoted(dir / "out.json")));
    EXPECT_EQ(exported.exitCode, 1);
    EXPECT_TRUE(has(exported.err, "--from 2020-01-01: the window holds no dated fact; the graph's dated facts span "
                                  "2006..2019")) << exported.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "out.json"));
    auto before = test::runCommand(cli("rank " + iac() + " --to 2005"));
    EXPECT_EQ(before.exitCode, 1);
    EXPECT_TRUE(has(before.err, "--to 2005: the window holds no dated fact")) << before.err;
}

TEST(CliNoMatch, MetWithinAWindowWithoutMeetingsSaysWhenThePersonMet)
{
    auto met = test::runCommand(cli("met " + iac() + " 莊明芬 --from 2018-01-01"));
    EXPECT_EQ(met.exitCode, 1) << met.out;
    EXPECT_TRUE(has(met.err, "莊明芬 (person:chuang-ming-fen) met no one within the filters; without them, ")) << met.err;
    EXPECT_TRUE(has(met.err, "on occasions dated 2017-09")) << met.err;
    auto inside = test::runCommand(cli("met " + iac() + " 莊明芬 --from 2017-09-28 --to 2017-09-30"));
    EXPECT_EQ(inside.exitCode, 0) << inside.err;
}

TEST(CliNoMatch, MisspeltNameSuggestsTheCloseEntities)
{
    auto show = test::runCommand(cli("show " + iac() + " 'Andrei Chugunow'"));
    EXPECT_EQ(show.exitCode, 1);
    EXPECT_TRUE(has(show.err, "did you mean:\n  Andrei CHUGUNOV (person:andrei-chugunov)")) << show.err;
    auto focus = test::runCommand(cli("export " + iac() + " --focus 莊明菲 --format dot -o -"));
    EXPECT_EQ(focus.exitCode, 1);
    EXPECT_TRUE(has(focus.err, "did you mean:") && has(focus.err, "(person:chuang-ming-fen)")) << focus.err;
}

TEST(CliNoMatch, AliasThatNamesAnotherPersonIsRefusedNamingThem)
{
    auto dir = test::scratchDir("no-match-alias");
    std::filesystem::copy_file(test::iacDataset(), dir / "graph.json");
    const std::string graph = test::quoted(dir / "graph.json");
    auto refused = test::runCommand(cli("alias " + graph + " 莊明芬 add 廖洲棚"));
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(has(refused.err, "\"廖洲棚\" already names 廖洲棚 (person:liao-chou-peng)")) << refused.err;
    auto shared = test::runCommand(cli("alias " + graph + " 莊明芬 add 廖洲棚 --shared"));
    EXPECT_EQ(shared.exitCode, 0) << shared.err;
    auto fresh = test::runCommand(cli("alias " + graph + " 莊明芬 add 'Ming-fen Chuang of MOFA'"));
    EXPECT_EQ(fresh.exitCode, 0) << fresh.err;
}

TEST(CliNoMatch, PathUnderAFilterSaysWhetherTheFilterIsWhy)
{
    auto filtered = test::runCommand(cli("path " + iac() + " 莊明芬 CHUGUNOV --relation-kinds hosted"));
    EXPECT_EQ(filtered.exitCode, 1);
    EXPECT_TRUE(has(filtered.out, "are not connected within the filters; without them they are, in ")) << filtered.out;
    auto json = test::runCommand(cli("path " + iac() + " 莊明芬 CHUGUNOV --relation-kinds hosted --json"));
    EXPECT_TRUE(has(json.out, "\"connected_without_filters\": true")) << json.out;
}

TEST(CliNoMatch, MetMetricsSayHowManyPersonsTheyLeftOut)
{
    // 45 persons; 3 met no one (their reports name no shared occasion).
    auto rank = test::runCommand(cli("rank " + iac() + " --met --top 1"));
    EXPECT_EQ(rank.exitCode, 0) << rank.err;
    EXPECT_TRUE(has(rank.out, "on 42 entities, 787 links (3 persons who met no one left out)")) << rank.out;
    auto communities = test::runCommand(cli("communities " + iac() + " --met --json"));
    EXPECT_TRUE(has(communities.out, "\"persons_left_out\": 3")) << communities.out;
}

TEST(CliNoMatch, UnknownExportFormatListsEveryValidFormat)
{
    auto r = test::runCommand(cli("export " + iac() + " --format svgg -o -"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(has(r.err, "unknown format 'svgg'; did you mean 'svg'? (valid: dot|svg|png|pdf|json|graphml|gexf|csv)"))
        << r.err;
}

} // namespace
} // namespace liaison
