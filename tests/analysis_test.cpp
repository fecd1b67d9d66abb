// Who-met-whom, ego networks, paths and degree, on small graphs built here and
// on the curated IAC 2017 graph, whose answers were checked against the report.
#include "liaison/analysis.hpp"
#include "liaison/json_io.hpp"

#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace liaison;

namespace {

class Builder {
public:
    EntityIndex add(const std::string &id, const std::string &start = "")
    {
        Entity e;
        e.id = id;
        e.name = id.substr(id.find(':') + 1);
        if (!start.empty()) e.attributes["start"] = AttributeValue::string(start);
        return store.addEntity(e);
    }
    RelationIndex link(const std::string &kind, const std::string &from, const std::string &to,
                       const std::string &date = "")
    {
        Relation r{kind, from, to, {}, {}, {}};
        if (!date.empty()) r.attributes["date"] = AttributeValue::string(date);
        return store.addRelation(std::move(r));
    }
    GraphStore store;
};

const MetLink *findLink(const std::vector<MetLink> &links, const GraphStore &store, const std::string &id)
{
    for (const MetLink &link : links)
        if (store.entity(link.person).id == id) return &link;
    return nullptr;
}

std::vector<std::string> sharedEventIds(const GraphStore &store, const MetLink &link)
{
    std::vector<std::string> ids;
    for (const SharedOccasion &o : link.occasions) ids.push_back(o.event == kNoEntity ? "met" : store.entity(o.event).id);
    return ids;
}

} // namespace

TEST(WhoMet, SameEventSessionsOfOneConferenceAndExplicitMeetings)
{
    Builder b;
    for (const char *id : {"person:ann", "person:bob", "person:cat", "person:dan", "person:eve", "organisation:org"})
        b.add(id);
    b.add("event:conf", "2017-09-28");
    b.add("event:s1", "2017-09-29");
    b.add("event:s2", "2017-09-30");
    b.add("event:other", "2018-01-01");
    b.link("part_of", "event:s1", "event:conf");
    b.link("part_of", "event:s2", "event:conf");
    b.link("spoke_at", "person:ann", "event:s1");
    b.link("chaired", "person:bob", "event:s1");
    b.link("attended", "person:cat", "event:s2");
    b.link("attended", "person:dan", "event:other");
    b.link("met", "person:eve", "person:ann");
    b.link("works_for", "person:dan", "organisation:org");
    b.link("works_for", "person:ann", "organisation:org");
    const GraphStore &s = b.store;

    std::vector<MetLink> links = whoMet(s, s.findById("person:ann"));
    ASSERT_EQ(links.size(), 3u) << "bob (same session), cat (same conference), eve (met); not dan";
    EXPECT_EQ(sharedEventIds(s, *findLink(links, s, "person:bob")), std::vector<std::string>{"event:s1"});
    EXPECT_EQ(sharedEventIds(s, *findLink(links, s, "person:cat")), std::vector<std::string>{"event:conf"})
        << "sessions of one conference meet at the conference";
    EXPECT_EQ(sharedEventIds(s, *findLink(links, s, "person:eve")), std::vector<std::string>{"met"});
    EXPECT_EQ(findLink(links, s, "person:dan"), nullptr) << "working for the same organisation is not meeting";
    EXPECT_EQ(findLink(links, s, "person:bob")->occasions[0].date, "2017-09-29");

    ViewFilter window;
    window.to = "2017-09-29";
    std::vector<MetLink> early = whoMet(s, s.findById("person:ann"), window);
    EXPECT_NE(findLink(early, s, "person:bob"), nullptr);
    EXPECT_EQ(findLink(early, s, "person:cat"), nullptr) << "s2 is after the window";

    std::vector<MetPair> pairs = metProjection(s);
    EXPECT_EQ(pairs.size(), 4u) << "ann-bob, ann-cat, bob-cat, ann-eve";
}

TEST(WhoMet, TwoMeetingsOnDifferentDatesAreTwoOccasionsEachWithItsOwnQuote)
{
    Builder b;
    b.add("person:alice");
    b.add("person:bob");
    RelationIndex taipei = b.link("met", "person:alice", "person:bob", "2017-01-10");
    RelationIndex paris = b.link("met", "person:bob", "person:alice", "2018-05-05");
    RelationIndex paris2 = b.link("met", "person:alice", "person:bob", "2018-05-05"); // the same meeting told twice
    const GraphStore &s = b.store;

    std::vector<MetLink> links = whoMet(s, s.findById("person:alice"));
    ASSERT_EQ(links.size(), 1u);
    ASSERT_EQ(links[0].weight(), 2u) << "a meeting a year later is another occasion";
    EXPECT_EQ(links[0].occasions[0].date, "2017-01-10");
    EXPECT_EQ(links[0].occasions[0].relations, std::vector<RelationIndex>{taipei});
    EXPECT_EQ(links[0].occasions[1].date, "2018-05-05");
    std::vector<RelationIndex> inParis = links[0].occasions[1].relations;
    std::sort(inParis.begin(), inParis.end());
    EXPECT_EQ(inParis, (std::vector<RelationIndex>{paris, paris2}));

    ViewFilter window;
    window.from = "2018-01-01";
    std::vector<MetLink> later = whoMet(s, s.findById("person:alice"), window);
    ASSERT_EQ(later.size(), 1u);
    ASSERT_EQ(later[0].weight(), 1u);
    EXPECT_EQ(later[0].occasions[0].date, "2018-05-05") << "never dated by a meeting outside the window";

    std::vector<MetPair> pairs = metProjection(s);
    ASSERT_EQ(pairs.size(), 1u);
    EXPECT_EQ(pairs[0].weight, 2u) << "the projection counts what whoMet lists";
}

TEST(WhoMet, AConferenceIsNotCountedAgainBesideTheSessionBothAttended)
{
    Builder b;
    for (const char *id : {"person:ann", "person:bob"}) b.add(id);
    b.add("event:conf", "2017-09-28");
    b.add("event:s3", "2017-09-29");
    b.add("event:s5", "2017-09-30");
    b.link("part_of", "event:s3", "event:conf");
    b.link("part_of", "event:s5", "event:conf");
    // Both registered for the conference and both spoke in session 3.
    RelationIndex annConf = b.link("attended", "person:ann", "event:conf");
    b.link("attended", "person:bob", "event:conf");
    b.link("spoke_at", "person:ann", "event:s3");
    b.link("spoke_at", "person:bob", "event:s3");
    const GraphStore &s = b.store;

    std::vector<MetLink> links = whoMet(s, s.findById("person:ann"));
    ASSERT_EQ(links.size(), 1u);
    EXPECT_EQ(sharedEventIds(s, links[0]), std::vector<std::string>{"event:s3"});
    const std::vector<RelationIndex> &kept = links[0].occasions[0].relations;
    EXPECT_NE(std::find(kept.begin(), kept.end(), annConf), kept.end())
        << "the conference's participations stay as evidence of the session's occasion";
    ASSERT_EQ(metProjection(s).size(), 1u);
    EXPECT_EQ(metProjection(s)[0].weight, 1u);

    // Two sessions both attended are two occasions, still without the conference.
    Builder c = b;
    c.link("attended", "person:ann", "event:s5");
    c.link("attended", "person:bob", "event:s5");
    std::vector<MetLink> two = whoMet(c.store, c.store.findById("person:ann"));
    ASSERT_EQ(two.size(), 1u);
    EXPECT_EQ(sharedEventIds(c.store, two[0]), (std::vector<std::string>{"event:s3", "event:s5"}));
    EXPECT_EQ(metProjection(c.store)[0].weight, 2u);
}

TEST(WhoMet, AMeetingOnTheDayOfAnEventBothAttendedIsThatOccasionNotAnother)
{
    Builder b;
    b.add("person:ann");
    b.add("person:bob");
    Entity visit;
    visit.id = "event:visit";
    visit.name = "visit";
    visit.attributes["start"] = AttributeValue::string("2017-09-26");
    visit.attributes["end"] = AttributeValue::string("2017-09-27");
    b.store.addEntity(visit);
    b.link("attended", "person:ann", "event:visit");
    b.link("attended", "person:bob", "event:visit");
    // The report also says, of the visit's second day, that they met.
    RelationIndex sameDay = b.link("met", "person:ann", "person:bob", "2017-09-27");
    const GraphStore &s = b.store;

    std::vector<MetLink> links = whoMet(s, s.findById("person:ann"));
    ASSERT_EQ(links.size(), 1u);
    EXPECT_EQ(sharedEventIds(s, links[0]), std::vector<std::string>{"event:visit"});
    const std::vector<RelationIndex> &kept = links[0].occasions[0].relations;
    EXPECT_NE(std::find(kept.begin(), kept.end(), sameDay), kept.end()) << "the met relation stays as evidence";
    ASSERT_EQ(metProjection(s).size(), 1u);
    EXPECT_EQ(metProjection(s)[0].weight, 1u) << "the projection counts what whoMet lists";

    // A meeting on another day, or with only a month, is another occasion.
    Builder c = b;
    c.link("met", "person:bob", "person:ann", "2017-10-02");
    c.link("met", "person:bob", "person:ann", "2017-09");
    std::vector<MetLink> three = whoMet(c.store, c.store.findById("person:ann"));
    ASSERT_EQ(three.size(), 1u);
    EXPECT_EQ(sharedEventIds(c.store, three[0]), (std::vector<std::string>{"met", "event:visit", "met"}));
    EXPECT_EQ(metProjection(c.store)[0].weight, 3u);
}

TEST(Paths, ShortestChainIgnoresDirectionAndNamesEachStep)
{
    Builder b;
    for (const char *id : {"person:a", "event:e", "person:b", "country:c", "person:far"}) b.add(id);
    b.link("attended", "person:a", "event:e");
    b.link("attended", "person:b", "event:e");
    b.link("represents", "person:b", "country:c");
    std::vector<PathStep> path = shortestPath(b.store, b.store.findById("person:a"), b.store.findById("country:c"));
    ASSERT_EQ(path.size(), 3u);
    EXPECT_TRUE(path[0].forward);
    EXPECT_FALSE(path[1].forward) << "b attended e: walked against the arrow";
    EXPECT_EQ(b.store.relation(path[2].relation).kind, "represents");
    EXPECT_TRUE(shortestPath(b.store, b.store.findById("person:a"), b.store.findById("person:far")).empty());
}

TEST(EgoNetwork, DepthAndKindFilter)
{
    Builder b;
    for (const char *id : {"person:a", "event:e", "person:b", "country:c", "topic:t"}) b.add(id);
    b.link("attended", "person:a", "event:e");
    b.link("attended", "person:b", "event:e");
    b.link("represents", "person:b", "country:c");
    b.link("discussed", "event:e", "topic:t");
    EntityIndex a = b.store.findById("person:a");
    EXPECT_EQ(egoNetwork(b.store, a, 1).entities.size(), 2u);
    View two = egoNetwork(b.store, a, 2);
    EXPECT_EQ(two.entities.size(), 4u);
    EXPECT_EQ(two.relations.size(), 3u);
    ViewFilter noTopics;
    noTopics.kinds = {"person", "event", "country"};
    EXPECT_EQ(egoNetwork(b.store, a, 3, noTopics).entities.size(), 4u);
    EXPECT_EQ(degrees(b.store, wholeGraph(b.store)).front().entity, b.store.findById("event:e"));
}

// Hand-checked against ../shared/seeds/000_a75ee561b5c746aa.txt:
// lines 172-180: on 2017-09-26 莊明芬 visited ITMO's eGovernance Center with
// 謝翠娟 and 廖洲棚, received by Andrei CHUGUNOV and Dmitrii TRUTNEV;
// lines 423-425: she spoke in the Industry 4.0 panel chaired by Dean Pravit
// with Silas Olsson, Prof. Luca and Kuatbayeva.
TEST(WhoMet, IacChuangMingFen)
{
    GraphStore store = readLiaisonJsonFile(test::iacDataset().string());
    EntityIndex chuang = store.resolve("莊明芬").at(0);
    std::vector<MetLink> links = whoMet(store, chuang);
    for (const char *id : {"person:andrei-chugunov", "person:dmitrii-trutnev", "person:hsieh-tsui-chuan",
                           "person:liao-chou-peng"}) {
        const MetLink *link = findLink(links, store, id);
        ASSERT_NE(link, nullptr) << id;
        std::vector<std::string> events = sharedEventIds(store, *link);
        EXPECT_NE(std::find(events.begin(), events.end(), "event:itmo-egovernance-center-visit-2017"), events.end()) << id;
    }
    for (const char *id : {"person:pravit", "person:silas-olsson", "person:luca", "person:kuatbayeva"}) {
        const MetLink *link = findLink(links, store, id);
        ASSERT_NE(link, nullptr) << id;
        std::vector<std::string> events = sharedEventIds(store, *link);
        EXPECT_NE(std::find(events.begin(), events.end(), "event:iac-2017-session-3b"), events.end()) << id;
    }
    EXPECT_EQ(findLink(links, store, "person:andrey-semenov"), nullptr)
        << "named only in the election list (line 562); the report does not say he attended";
    const MetLink *liao = findLink(links, store, "person:liao-chou-peng");
    EXPECT_EQ(liao->occasions.front().date, "2017-09-26");
}

TEST(Paths, IacLiaoToOlssonGoesThroughTheConference)
{
    GraphStore store = readLiaisonJsonFile(test::iacDataset().string());
    std::vector<PathStep> path = shortestPath(store, store.resolve("廖洲棚").at(0), store.resolve("Silas Olsson").at(0));
    ASSERT_EQ(path.size(), 2u) << "both took part in the IAC 2017 conference";
    EXPECT_EQ(store.entity(path[0].to).kind, "event");
}
