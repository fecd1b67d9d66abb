// Metrics on graphs whose answers are known: paths, stars, cliques, and the
// classic social-network datasets of ../shared/corpora/social.
#include "liaison/metrics.hpp"
#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace liaison {
namespace {

// A store of entities "kind:name" and relations, built from (from, to) pairs.
class StoreBuilder {
public:
    EntityIndex entity(const std::string &id)
    {
        if (EntityIndex e = m_store.findById(id); e != kNoEntity) return e;
        Entity entity;
        entity.id = id;
        entity.name = id.substr(id.find(':') + 1);
        return m_store.addEntity(std::move(entity));
    }
    RelationIndex relate(const std::string &from, const std::string &to, const std::string &kind = "linked_to")
    {
        entity(from);
        entity(to);
        Relation relation;
        relation.kind = kind;
        relation.from = from;
        relation.to = to;
        return m_store.addRelation(std::move(relation));
    }
    GraphStore &store() { return m_store; }

private:
    GraphStore m_store;
};

std::vector<std::vector<std::string>> readCsv(const std::filesystem::path &path)
{
    std::ifstream in(path);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::vector<std::string> fields;
        std::stringstream split(line);
        for (std::string field; std::getline(split, field, ',');) fields.push_back(field);
        if (!fields.empty()) rows.push_back(fields);
    }
    return rows;
}

double scoreOf(const GraphStore &store, const LinkGraph &g, const std::vector<double> &score, const std::string &id)
{
    auto it = std::find(g.nodes.begin(), g.nodes.end(), store.findById(id));
    return it == g.nodes.end() ? -1 : score[static_cast<std::size_t>(it - g.nodes.begin())];
}

TEST(Betweenness, PathGraphCountsThePairsEachInnerNodeSeparates)
{
    StoreBuilder b;
    for (int i = 0; i < 4; ++i) b.relate("n:" + std::to_string(i), "n:" + std::to_string(i + 1));
    GraphStore &s = b.store();
    LinkGraph g = linkGraph(s, wholeGraph(s));
    std::vector<double> score = betweenness(g, false, 1);
    EXPECT_DOUBLE_EQ(scoreOf(s, g, score, "n:0"), 0);
    EXPECT_DOUBLE_EQ(scoreOf(s, g, score, "n:1"), 3);
    EXPECT_DOUBLE_EQ(scoreOf(s, g, score, "n:2"), 4);
    EXPECT_DOUBLE_EQ(scoreOf(s, g, score, "n:3"), 3);
    EXPECT_DOUBLE_EQ(scoreOf(s, g, score, "n:4"), 0);
}

TEST(Betweenness, StarCentreLiesOnEveryLeafPairAndThreadsAgree)
{
    StoreBuilder b;
    for (int i = 0; i < 200; ++i) b.relate("n:centre", "n:leaf" + std::to_string(i));
    b.relate("n:centre", "n:leaf0", "again"); // a parallel relation does not add paths
    GraphStore &s = b.store();
    LinkGraph g = linkGraph(s, wholeGraph(s));
    std::vector<double> one = betweenness(g, false, 1), two = betweenness(g, false, 2);
    EXPECT_DOUBLE_EQ(scoreOf(s, g, one, "n:centre"), 200.0 * 199 / 2);
    EXPECT_DOUBLE_EQ(scoreOf(s, g, one, "n:leaf7"), 0);
    EXPECT_EQ(one, two);
    std::vector<double> normalized = betweenness(g, true, 2);
    EXPECT_DOUBLE_EQ(scoreOf(s, g, normalized, "n:centre"), 1.0);
}

TEST(Betweenness, PadgettFlorentineMediciMatchesNetworkx)
{
    std::filesystem::path shared = test::sharedDir();
    std::filesystem::path csv = shared / "corpora/social/padgett-florentine/debian-r-cran-network/flo_marriage_edges.csv";
    if (shared.empty() || !std::filesystem::exists(csv)) GTEST_SKIP() << "no shared corpora";
    StoreBuilder b;
    for (const auto &row : readCsv(csv)) b.relate("family:" + row.at(0), "family:" + row.at(1));
    GraphStore &s = b.store();
    LinkGraph g = linkGraph(s, wholeGraph(s));
    ASSERT_EQ(g.nodeCount(), 15u); // Pucci, the isolate, has no edge
    std::vector<double> score = betweenness(g, true);
    EXPECT_NEAR(scoreOf(s, g, score, "family:Medici"), 0.521978021978022, 1e-12);
    EXPECT_NEAR(scoreOf(s, g, score, "family:Guadagni"), 0.2545787545787546, 1e-12);
    EXPECT_NEAR(scoreOf(s, g, score, "family:Albizzi"), 0.21245421245421245, 1e-12);
}

TEST(Components, CountsAndOrdersBySize)
{
    StoreBuilder b;
    b.relate("n:a", "n:b");
    b.relate("n:b", "n:c");
    b.relate("n:x", "n:y");
    b.entity("n:alone");
    GraphStore &s = b.store();
    std::vector<std::vector<EntityIndex>> members = componentMembers(linkGraph(s, wholeGraph(s)));
    ASSERT_EQ(members.size(), 3u);
    EXPECT_EQ(members[0].size(), 3u);
    EXPECT_EQ(members[1].size(), 2u);
    EXPECT_EQ(members[2], std::vector<EntityIndex>{s.findById("n:alone")});
}

TEST(Louvain, TwoCliquesJoinedByOneEdgeAreTwoCommunities)
{
    StoreBuilder b;
    for (const char *side : {"a", "b"})
        for (int i = 0; i < 5; ++i)
            for (int j = i + 1; j < 5; ++j)
                b.relate(std::string("n:") + side + std::to_string(i), std::string("n:") + side + std::to_string(j));
    b.relate("n:a0", "n:b0");
    GraphStore &s = b.store();
    LinkGraph g = linkGraph(s, wholeGraph(s));
    Communities found = louvain(g);
    ASSERT_EQ(found.count, 2u);
    for (std::size_t v = 0; v < g.nodeCount(); ++v) {
        bool sideA = s.entity(g.nodes[v]).id[2] == 'a';
        EXPECT_EQ(found.community[v], found.community[0] == 0 ? (sideA ? 0u : 1u) : (sideA ? 1u : 0u));
    }
    // 21 links, 10 inside each clique: Q = 2 * (10/21 - (21/42)^2).
    EXPECT_NEAR(found.modularity, 2 * (10.0 / 21 - 0.25), 1e-12);
    EXPECT_NEAR(modularity(g, found.community), found.modularity, 1e-12);
}

TEST(Louvain, ZacharyKarateClubReachesKnownModularity)
{
    std::filesystem::path shared = test::sharedDir();
    std::filesystem::path csv = shared / "corpora/social/zachary-karate/networkx-2.8.8/karate_edges.csv";
    if (shared.empty() || !std::filesystem::exists(csv)) GTEST_SKIP() << "no shared corpora";
    StoreBuilder b;
    for (const auto &row : readCsv(csv)) b.relate("person:" + row.at(0), "person:" + row.at(1));
    GraphStore &s = b.store();
    LinkGraph g = linkGraph(s, wholeGraph(s));
    ASSERT_EQ(g.nodeCount(), 34u);
    ASSERT_EQ(g.linkCount(), 78u);
    EXPECT_EQ(componentMembers(g).size(), 1u); // expected.json: connected_components 1
    Communities found = louvain(g);
    // The best partition has Q = 0.4198 (Brandes et al. 2008); Louvain finds 0.4188 or better.
    EXPECT_GE(found.modularity, 0.415);
    EXPECT_LE(found.modularity, 0.41979);
    EXPECT_GE(found.count, 3u);
    EXPECT_LE(found.count, 5u);
    // Mr. Hi (0) and the officer (33) never end up together.
    auto at = [&](const std::string &id) {
        return found.community[static_cast<std::size_t>(std::find(g.nodes.begin(), g.nodes.end(), s.findById(id)) - g.nodes.begin())];
    };
    EXPECT_NE(at("person:0"), at("person:33"));
}

TEST(WhoMetProjection, DavisSouthernWomenMatchesTheCoattendanceMatrix)
{
    std::filesystem::path shared = test::sharedDir();
    std::filesystem::path csv = shared / "corpora/social/davis-southern-women/networkx-2.8.8/attendance.csv";
    if (shared.empty() || !std::filesystem::exists(csv)) GTEST_SKIP() << "no shared corpora";
    StoreBuilder b;
    for (const auto &row : readCsv(csv)) b.relate("person:" + row.at(0), "event:" + row.at(1), "attended");
    GraphStore &s = b.store();
    std::vector<MetPair> pairs = metProjection(s);
    std::size_t weight = 0;
    for (const MetPair &p : pairs) weight += p.weight;
    EXPECT_EQ(pairs.size(), 139u); // expected.json women_projection
    EXPECT_EQ(weight, 322u);
    auto weightOf = [&](const std::string &x, const std::string &y) -> std::size_t {
        EntityIndex a = s.findById("person:" + x), c = s.findById("person:" + y);
        for (const MetPair &p : pairs)
            if (p.a == std::min(a, c) && p.b == std::max(a, c)) return p.weight;
        return 0;
    };
    EXPECT_EQ(weightOf("Evelyn Jefferson", "Theresa Anderson"), 7u);
    EXPECT_EQ(weightOf("Nora Fayette", "Sylvia Avondale"), 6u);
    EXPECT_EQ(weightOf("Evelyn Jefferson", "Flora Price"), 1u);
    EXPECT_EQ(componentMembers(linkGraph(s, wholeGraph(s))).size(), 1u);
    LinkGraph met = metGraph(s, pairs);
    EXPECT_EQ(met.nodeCount(), 18u);
    EXPECT_EQ(met.linkCount(), 139u);
}

TEST(WhoMet, PartOfCycleNeitherHangsNorDisagreesWithTheProjection)
{
    StoreBuilder b;
    b.relate("event:a", "event:b", "part_of");
    b.relate("event:b", "event:c", "part_of");
    b.relate("event:c", "event:a", "part_of");
    b.relate("event:d", "event:b", "part_of");
    b.relate("person:p", "event:a", "attended");
    b.relate("person:q", "event:d", "attended");
    b.relate("person:r", "event:c", "spoke_at");
    GraphStore &s = b.store();
    std::vector<MetPair> pairs = metProjection(s);
    ASSERT_EQ(pairs.size(), 3u); // everyone shares the one (cut) tree
    for (const MetPair &p : pairs) {
        std::vector<MetLink> links = whoMet(s, p.a);
        auto it = std::find_if(links.begin(), links.end(), [&](const MetLink &l) { return l.person == p.b; });
        ASSERT_NE(it, links.end());
        EXPECT_EQ(it->weight(), p.weight);
    }
}

TEST(KShortestPaths, YenListsLooplessAlternativesShortestFirst)
{
    StoreBuilder b;
    // a - b - d, a - c - d, a - e - f - d, and b - c.
    b.relate("n:a", "n:b");
    b.relate("n:b", "n:d");
    b.relate("n:a", "n:c");
    b.relate("n:c", "n:d");
    b.relate("n:a", "n:e");
    b.relate("n:e", "n:f");
    b.relate("n:d", "n:f");
    b.relate("n:b", "n:c");
    GraphStore &s = b.store();
    auto paths = kShortestPaths(s, wholeGraph(s), s.findById("n:a"), s.findById("n:d"), 10);
    ASSERT_EQ(paths.size(), 5u); // abd, acd, abcd, acbd, aefd
    EXPECT_EQ(paths[0].size(), 2u);
    EXPECT_EQ(paths[1].size(), 2u);
    EXPECT_EQ(paths[4].size(), 3u);
    EXPECT_NE(paths[0][0].to, paths[1][0].to);
    for (const auto &path : paths) {
        EXPECT_EQ(path.front().from, s.findById("n:a"));
        EXPECT_EQ(path.back().to, s.findById("n:d"));
        std::vector<EntityIndex> seen{path.front().from};
        for (const PathStep &step : path) {
            EXPECT_EQ(std::count(seen.begin(), seen.end(), step.to), 0) << "a loop";
            seen.push_back(step.to);
        }
    }
    // The one relation of an edge that points backwards is reported as such.
    auto reverse = kShortestPaths(s, wholeGraph(s), s.findById("n:d"), s.findById("n:a"), 1);
    ASSERT_EQ(reverse.size(), 1u);
    EXPECT_FALSE(reverse[0][0].forward);
}

TEST(Rollup, CountryLinksCountAndListThePersonLevelRelations)
{
    StoreBuilder b;
    b.relate("person:ann", "country:tw", "represents");
    b.relate("person:bob", "country:ru", "represents");
    b.relate("person:cid", "organisation:itmo", "works_for");
    b.relate("organisation:itmo", "country:ru", "located_in");
    RelationIndex annAt = b.relate("person:ann", "event:iac", "attended");
    RelationIndex bobAt = b.relate("person:bob", "event:iac", "spoke_at");
    b.relate("person:cid", "event:iac", "attended");
    GraphStore &s = b.store();
    EXPECT_EQ(groupsOf(s, s.findById("person:cid"), RollupLevel::Country),
              std::vector<EntityIndex>{s.findById("country:ru")});
    Rollup up = rollup(s, RollupLevel::Country);
    EXPECT_EQ(up.groups.size(), 2u);
    ASSERT_EQ(up.edges.size(), 1u); // bob and cid are both Russia: no edge inside a group
    const RollupEdge &edge = up.edges[0];
    EXPECT_EQ(edge.personPairs, 2u);
    EXPECT_EQ(edge.occasions, 2u);
    EXPECT_TRUE(std::binary_search(edge.relations.begin(), edge.relations.end(), annAt));
    EXPECT_TRUE(std::binary_search(edge.relations.begin(), edge.relations.end(), bobAt));
    EXPECT_EQ(edge.relations.size(), 3u);
    Rollup orgs = rollup(s, RollupLevel::Organisation);
    EXPECT_EQ(orgs.groups, std::vector<EntityIndex>{s.findById("organisation:itmo")});
    EXPECT_TRUE(orgs.edges.empty());
}

TEST(ViewFilter, CountryKeepsWhatIsTiedToItAndWhatIsTiedToNoCountry)
{
    StoreBuilder b;
    b.relate("person:ann", "country:tw", "represents");
    b.relate("person:bob", "country:ru", "represents");
    b.relate("person:ann", "topic:open-data", "discussed");
    GraphStore &s = b.store();
    ViewFilter filter;
    filter.countries = {"country:tw"};
    View view = applyFilter(s, wholeGraph(s), filter);
    auto kept = [&](const std::string &id) {
        return std::binary_search(view.entities.begin(), view.entities.end(), s.findById(id));
    };
    EXPECT_TRUE(kept("person:ann"));
    EXPECT_TRUE(kept("country:tw"));
    EXPECT_TRUE(kept("topic:open-data"));
    EXPECT_FALSE(kept("person:bob"));
    EXPECT_FALSE(kept("country:ru"));
}

TEST(MetricsCli, EveryCommandAnswersInJsonOnTheIacDataset)
{
    std::string cli = test::cliPath().string(), data = test::iacDataset().string();
    for (const std::string &args : {"rank " + data + " --by betweenness --top 3 --only person --json",
                                   "communities " + data + " --json", "components " + data + " --json",
                                   "rollup " + data + " --level organisation --top 2 --json"}) {
        test::CommandResult run = test::runCommand("'" + cli + "' " + args);
        EXPECT_EQ(run.exitCode, 0) << args << "\n" << run.err;
        EXPECT_EQ(run.out.front(), '{') << args;
    }
    test::CommandResult rank = test::runCommand("'" + cli + "' rank " + data + " --by betweenness --top 1 --only person");
    EXPECT_NE(rank.out.find("莊明芬"), std::string::npos) << rank.out; // she links the delegation to the conference
    test::CommandResult bad = test::runCommand("'" + cli + "' rank " + data + " --by closeness");
    EXPECT_EQ(bad.exitCode, 1);
    for (const char *name : {"rank", "communities", "components", "rollup"}) {
        test::CommandResult help = test::runCommand("'" + cli + "' " + name + " --help");
        EXPECT_EQ(help.exitCode, 0) << name;
        EXPECT_NE(help.out.find("usage: liaison"), std::string::npos) << name;
    }
}

// --only names kinds as --kinds does: one that matches nothing known is an
// error with close candidates, never an empty ranking that looks like an answer.
TEST(MetricsCli, OnlyWithAnUnknownKindIsRefusedWithCloseKinds)
{
    std::string cli = test::cliPath().string(), data = test::iacDataset().string();
    for (const char *command : {"rank", "communities", "components"}) {
        test::CommandResult run = test::runCommand("'" + cli + "' " + command + " " + data + " --only persn");
        EXPECT_EQ(run.exitCode, 1) << command << "\n" << run.out;
        EXPECT_TRUE(run.out.empty()) << command << "\n" << run.out;
        EXPECT_NE(run.err.find("--only: unknown kind 'persn'; did you mean 'person'?"), std::string::npos)
            << command << "\n" << run.err;
    }
}

} // namespace
} // namespace liaison
