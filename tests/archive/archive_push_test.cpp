// Push: all or nothing, idempotent, evidence appended, conflicts reported.
#include "archive_cluster.hpp"
#include "test_paths.hpp"

#include "liaison/archive.hpp"
#include "liaison/json_io.hpp"

#include <algorithm>
#include <map>

namespace liaison::test {
namespace {

using archive::Archive;

GraphStore iac() { return readLiaisonJsonFile(iacDataset().string()); }

std::size_t evidenceCount(const GraphStore &g)
{
    std::size_t n = 0;
    for (const Entity &e : g.entities()) n += e.evidence.size();
    for (const Relation &r : g.relations()) n += r.evidence.size();
    return n;
}

// A small graph: two persons at one event, one quote each, from `source`.
GraphStore meeting(const std::string &source, const std::string &quote, const std::string &title = "Dr.")
{
    GraphStore g;
    g.addSource({source, "Trip report " + source, "2017-09", "en", source + ".txt", {}, {}});
    Entity a{"person:a", "person", "Alice Archer", {{"en", "Alice Archer"}}, {"A. Archer"}, {}, {}, {}};
    a.attributes["title"] = AttributeValue::string(title);
    g.addEntity(a);
    g.addEntity({"person:b", "person", "Bob Brown", {}, {}, {}, {}, {}});
    g.addEntity({"event:iac", "event", "IAC 2017", {}, {}, {}, {}, {}});
    Relation ra{"attended", "person:a", "event:iac", {}, {{source, 3, "", quote, -1, {}}}, {}};
    Relation rb{"attended", "person:b", "event:iac", {}, {{source, 4, "", quote + " (b)", 0.5, {}}}, {}};
    g.addRelation(ra);
    g.addRelation(rb);
    return g;
}

class ArchivePush : public ArchiveTest {};

TEST_F(ArchivePush, PullOfWholeArchiveHoldsEveryEntityRelationAndEvidenceRowOfTheIacDataset)
{
    GraphStore file = iac();
    archive::PushReport report = Archive(url()).push(file, "iac");
    EXPECT_EQ(report.entitiesAdded, file.entityCount());
    GraphStore pulled = Archive(url()).pull({});
    ASSERT_EQ(pulled.entityCount(), file.entityCount());
    EXPECT_EQ(pulled.sources().size(), file.sources().size());
    // A source is identified by its content hash: the archive keeps it.
    for (const Source &s : file.sources()) {
        const Source *back = pulled.source(s.id);
        ASSERT_NE(back, nullptr) << s.id;
        EXPECT_EQ(back->hash, s.hash) << s.id;
    }
    ASSERT_FALSE(file.sources().front().hash.empty()) << "the IAC dataset's source should carry its hash";
    EXPECT_EQ(evidenceCount(pulled), evidenceCount(file));
    for (const Entity &e : file.entities()) {
        EntityIndex i = pulled.findById(e.id);
        ASSERT_NE(i, kNoEntity) << e.id;
        const Entity &p = pulled.entity(i);
        EXPECT_EQ(p.name, e.name);
        EXPECT_EQ(p.names, e.names);
        EXPECT_EQ(p.aliases, e.aliases) << e.id;
        EXPECT_EQ(p.attributes, e.attributes) << e.id;
        EXPECT_EQ(p.evidence, e.evidence) << e.id;
    }
    // Relations: same (kind, from, to, attributes) with the same evidence.
    auto key = [](const Relation &r) { return r.kind + "|" + r.from + "|" + r.to; };
    std::multimap<std::string, const Relation *> byKey;
    for (const Relation &r : pulled.relations()) byKey.emplace(key(r), &r);
    for (const Relation &r : file.relations()) {
        auto [begin, end] = byKey.equal_range(key(r));
        bool found = std::any_of(begin, end, [&](const auto &kv) {
            return kv.second->attributes == r.attributes && kv.second->evidence == r.evidence;
        });
        EXPECT_TRUE(found) << key(r);
    }
    EXPECT_EQ(pulled.relationCount(), file.relationCount());
}

TEST_F(ArchivePush, PushingTheSameFileTwiceChangesNothing)
{
    GraphStore file = iac();
    Archive(url()).push(file, "first");
    std::vector<long long> before;
    for (const char *t : {"source", "entity", "entity_name", "entity_alias", "relation", "evidence", "push", "conflict"})
        before.push_back(rows(t));
    archive::PushReport again = Archive(url()).push(file, "again");
    EXPECT_FALSE(again.changed());
    EXPECT_EQ(again.evidenceKnown, evidenceCount(file));
    std::vector<long long> after;
    for (const char *t : {"source", "entity", "entity_name", "entity_alias", "relation", "evidence", "push", "conflict"})
        after.push_back(rows(t));
    EXPECT_EQ(before, after);
}

TEST_F(ArchivePush, OverlappingPushAppendsEvidenceToTheSameRelation)
{
    Archive(url()).push(meeting("report-1", "Alice attended IAC."), "one");
    archive::PushReport second = Archive(url()).push(meeting("report-2", "Alice was at IAC 2017."), "two");
    EXPECT_EQ(second.relationsAdded, 0u);
    EXPECT_EQ(second.evidenceAdded, 2u);
    GraphStore pulled = Archive(url()).pull({});
    ASSERT_EQ(pulled.relationCount(), 2u);
    const Relation &r = pulled.relation(pulled.outRelations(pulled.findById("person:a")).front());
    ASSERT_EQ(r.evidence.size(), 2u) << "a fact said by two reports is one relation with two evidence rows";
    EXPECT_EQ(r.evidence[0].source, "report-1");
    EXPECT_EQ(r.evidence[1].source, "report-2");
    EXPECT_EQ(pulled.sources().size(), 2u);
}

TEST_F(ArchivePush, ValueChangedDifferentlyByTwoPushesIsAConflictNotLastWriterWins)
{
    Archive(url()).push(meeting("report-1", "q", "Dr."), "alice's");
    GraphStore other = meeting("report-1", "q", "Prof.");
    Entity renamed = other.entity(other.findById("person:b"));
    GraphStore changed;
    for (const Source &s : other.sources()) changed.addSource(s);
    for (const Entity &e : other.entities()) {
        Entity copy = e;
        if (e.id == "person:b") copy.name = "Robert Brown";
        changed.addEntity(copy);
    }
    for (const Relation &r : other.relations()) changed.addRelation(r);
    archive::PushReport report = Archive(url()).push(changed, "bob's");
    ASSERT_EQ(report.conflicts.size(), 2u);
    EXPECT_EQ(report.conflicts[0].subject, "person:a");
    EXPECT_EQ(report.conflicts[0].field, "attributes.title");
    EXPECT_EQ(report.conflicts[0].archiveValue, "Dr.");
    EXPECT_EQ(report.conflicts[0].incomingValue, "Prof.");
    EXPECT_EQ(report.conflicts[1].field, "name");
    EXPECT_EQ(rows("conflict"), 2);
    GraphStore pulled = Archive(url()).pull({});
    const Entity &a = pulled.entity(pulled.findById("person:a"));
    EXPECT_EQ(a.attribute("title") ? *a.attribute("title") : "", "Dr.") << "the archive keeps its value";
    const Entity &b = pulled.entity(pulled.findById("person:b"));
    EXPECT_EQ(b.name, "Bob Brown");
    EXPECT_NE(std::find(b.aliases.begin(), b.aliases.end(), "Robert Brown"), b.aliases.end())
        << "the other name stays findable as an alias";
    EXPECT_EQ(Archive(url()).conflicts().size(), 2u);
}

TEST_F(ArchivePush, PushThatFailsLateLeavesTheArchiveAsItWas)
{
    Archive(url()).push(meeting("report-1", "first"), "one");
    std::vector<long long> before{rows("entity"), rows("relation"), rows("evidence"), rows("push")};
    // The server refuses the last step of the next push (evidence rows).
    admin().run("CREATE FUNCTION liaison.refuse() RETURNS trigger LANGUAGE plpgsql AS "
                "$$BEGIN RAISE EXCEPTION 'disk full (simulated)'; END$$;"
                "CREATE TRIGGER refuse BEFORE INSERT ON liaison.evidence FOR EACH ROW EXECUTE FUNCTION liaison.refuse();");
    GraphStore bigger = meeting("report-2", "second");
    bigger.addEntity({"person:c", "person", "Carol", {}, {}, {}, {}, {}});
    bigger.addRelation({"attended", "person:c", "event:iac", {}, {{"report-2", 9, "", "Carol too", -1, {}}}, {}});
    EXPECT_THROW(Archive(url()).push(bigger, "two"), archive::ArchiveError);
    EXPECT_EQ((std::vector<long long>{rows("entity"), rows("relation"), rows("evidence"), rows("push")}), before);
    EXPECT_EQ(rows("source"), 1);
}

} // namespace
} // namespace liaison::test
