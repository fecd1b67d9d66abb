// The aggregated view's groups and graph (issue 14 part 2, issue 13 part 6):
// every entity in exactly one group (a "(no country)" group for the rest),
// links that count and keep the relations beneath, expansion into members.
#include "liaison/aggregate_graph.hpp"
#include "liaison/errors.hpp"

#include <gtest/gtest.h>

#include <map>

namespace liaison {
namespace {

class GroupingTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        for (const char *id : {"country:ru", "country:tw", "organisation:itmo", "organisation:ndc", "person:ivan",
                               "person:olga", "person:chuang", "event:iac", "event:session", "topic:open-data",
                               "person:nobody"})
            add(id);
        relate("organisation:itmo", "country:ru", "located_in");
        relate("organisation:ndc", "country:tw", "located_in");
        relate("person:ivan", "organisation:itmo", "works_for");        // Russia, through ITMO
        relate("person:olga", "country:ru", "represents");              // Russia, directly
        relate("person:chuang", "country:tw", "represents");
        relate("person:chuang", "organisation:ndc", "works_for");
        relate("event:iac", "country:ru", "held_in");
        relate("event:session", "event:iac", "part_of");                // Russia, through the conference
        relate("person:ivan", "event:session", "spoke_at");
        relate("person:chuang", "event:iac", "attended");
        relate("person:chuang", "event:session", "attended");
        relate("person:chuang", "topic:open-data", "discussed");        // no country
    }
    void add(const std::string &id)
    {
        Entity e;
        e.id = id;
        e.name = id.substr(id.find(':') + 1);
        store.addEntity(std::move(e));
    }
    void relate(const std::string &from, const std::string &to, const std::string &kind)
    {
        Relation r;
        r.kind = kind, r.from = from, r.to = to;
        Evidence evidence;
        evidence.source = "report", evidence.line = 7, evidence.quote = "quote of " + from + " " + kind;
        r.evidence.push_back(evidence);
        store.addRelation(std::move(r));
    }
    const EntityGroup *group(const Grouping &g, const std::string &id)
    {
        for (const EntityGroup &group : g.groups)
            if (group.id == id) return &group;
        return nullptr;
    }
    std::vector<std::string> ids(const std::vector<EntityIndex> &members)
    {
        std::vector<std::string> out;
        for (EntityIndex e : members) out.push_back(store.entity(e).id);
        std::sort(out.begin(), out.end());
        return out;
    }

    GraphStore store;
};

TEST_F(GroupingTest, ByCountryEveryEntityIsInOneGroupAndTheRestInNoCountry)
{
    Grouping g = groupView(store, wholeGraph(store), GroupBy::Country);
    ASSERT_EQ(g.groups.size(), 3u);
    EXPECT_EQ(g.groups[0].id, "group:country:ru") << "largest first";
    EXPECT_EQ(g.groups[0].name, "ru");
    EXPECT_EQ(ids(g.groups[0].members), (std::vector<std::string>{"country:ru", "event:iac", "event:session",
                                                                    "organisation:itmo", "person:ivan", "person:olga"}));
    EXPECT_EQ(ids(group(g, "group:country:tw")->members),
              (std::vector<std::string>{"country:tw", "organisation:ndc", "person:chuang"}));
    ASSERT_EQ(g.groups.back().id, "group:none");
    EXPECT_EQ(g.groups.back().name, "(no country)");
    EXPECT_EQ(ids(g.groups.back().members), (std::vector<std::string>{"person:nobody", "topic:open-data"}));
    std::size_t total = 0;
    for (const EntityGroup &group : g.groups) total += group.members.size();
    EXPECT_EQ(total, store.entityCount());
}

TEST_F(GroupingTest, ByOrganisationAndByCommunity)
{
    Grouping orgs = groupView(store, wholeGraph(store), GroupBy::Organisation);
    EXPECT_EQ(ids(group(orgs, "group:organisation:itmo")->members),
              (std::vector<std::string>{"organisation:itmo", "person:ivan"}));
    EXPECT_EQ(group(orgs, "group:none")->name, "(no organisation)");
    EXPECT_EQ(group(orgs, "group:none")->members.size(), 7u);

    Grouping communities = groupView(store, wholeGraph(store), GroupBy::Community);
    std::size_t total = 0;
    for (const EntityGroup &group : communities.groups) {
        total += group.members.size();
        if (group.id != "group:none") {
            EXPECT_GE(group.members.size(), 2u) << group.id;
        }
    }
    EXPECT_EQ(total, store.entityCount());
    // person:nobody has no relation: alone, so in no community.
    EXPECT_EQ(communities.groupOf[store.findById("person:nobody")], communities.groups.size() - 1);
    EXPECT_EQ(communities.groups.back().name, "(no community)");
    EXPECT_EQ(communities.groups.front().name.rfind("Community 1: ", 0), 0u) << communities.groups.front().name;
}

TEST_F(GroupingTest, LinksCountAndKeepTheRelationsBeneath)
{
    Grouping g = groupView(store, wholeGraph(store), GroupBy::Country);
    AggregateGraph agg = aggregateGraph(store, wholeGraph(store), g);
    ASSERT_EQ(agg.store.entityCount(), 3u);
    EntityIndex ru = agg.store.findById("group:country:ru");
    ASSERT_NE(ru, kNoEntity);
    EXPECT_EQ(agg.store.entity(ru).name, "ru (6)");
    EXPECT_EQ(agg.store.entity(ru).kind, "group");
    EXPECT_EQ(*agg.store.entity(ru).attribute("members"), "6");
    // located_in, works_for, represents, held_in, part_of, spoke_at: inside Russia.
    EXPECT_EQ(*agg.store.entity(ru).attribute("internal_relations"), "6");
    // Taiwan -- Russia: chuang attended iac and session.
    std::size_t accounted = 6 + 3; // inside Russia, inside Taiwan (located_in, represents, works_for)
    bool found = false;
    for (RelationIndex r = 0; r < agg.store.relationCount(); ++r) {
        const Relation &link = agg.store.relation(r);
        EXPECT_EQ(link.kind, "rolled_up");
        accounted += agg.beneath[r].size();
        EXPECT_EQ(*link.attribute("weight"), std::to_string(agg.beneath[r].size()));
        if (link.from == "group:country:ru" && link.to == "group:country:tw") {
            found = true;
            ASSERT_EQ(agg.beneath[r].size(), 2u);
            EXPECT_EQ(*link.attribute("kinds"), "attended 2");
            for (RelationIndex beneath : agg.beneath[r]) EXPECT_EQ(store.relation(beneath).kind, "attended");
        }
    }
    EXPECT_TRUE(found);
    EXPECT_EQ(accounted, store.relationCount()) << "every relation is inside a group or under a link";
}

TEST_F(GroupingTest, AnExpandedGroupShowsItsMembersAndTheirOwnRelations)
{
    Grouping g = groupView(store, wholeGraph(store), GroupBy::Country);
    AggregateGraph agg = aggregateGraph(store, wholeGraph(store), g, {"group:country:tw"});
    EntityIndex tw = agg.store.findById("group:country:tw");
    ASSERT_NE(tw, kNoEntity) << "the expanded group keeps its node (and its place)";
    EXPECT_EQ(agg.store.entity(tw).name, "tw (expanded, 3)");
    EntityIndex chuang = agg.store.findById("person:chuang");
    ASSERT_NE(chuang, kNoEntity);
    EXPECT_EQ(agg.groupOfNode[chuang], kNoGroup);
    EXPECT_EQ(agg.store.entity(chuang).name, "chuang");
    std::map<std::string, std::string> edges; // "from to" -> kind
    for (RelationIndex r = 0; r < agg.store.relationCount(); ++r)
        edges[agg.store.relation(r).from + " " + agg.store.relation(r).to] = agg.store.relation(r).kind;
    EXPECT_EQ(edges["group:country:tw person:chuang"], "in_group");
    EXPECT_EQ(edges["person:chuang organisation:ndc"], "works_for") << "members keep their own relations";
    EXPECT_EQ(edges["group:country:ru person:chuang"], "rolled_up") << "a member's links to a collapsed group";
    EXPECT_EQ(edges["group:country:tw group:none"], "");
    EXPECT_EQ(edges["group:none person:chuang"], "rolled_up");
}

TEST_F(GroupingTest, AnUnknownGroupingIsAUserErrorListingTheValidOnes)
{
    EXPECT_EQ(parseGroupBy("organization"), GroupBy::Organisation);
    try {
        parseGroupBy("contry");
        FAIL();
    } catch (const UserError &e) {
        EXPECT_NE(std::string(e.what()).find("country, organisation, community"), std::string::npos);
    }
}

} // namespace
} // namespace liaison
