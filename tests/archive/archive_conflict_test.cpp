// Settling conflicts: listed with ids, settled by a person (who and when
// recorded), never overwriting a value the person did not see, one winner
// when two settle the same conflict at once, read-only roles refused.
#include "archive_cluster.hpp"
#include "test_paths.hpp"

#include "liaison/archive.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

namespace liaison::test {
namespace {

using archive::Archive;
using archive::Keep;

// person:a with a title and a display name, as one analyst pushed it.
GraphStore analystGraph(const std::string &title, const std::string &name)
{
    GraphStore g;
    g.addSource({"report-1", "Trip report", "2017-09", "en", "report-1.txt", {}, {}});
    Entity a{"person:a", "person", name, {{"en", name}}, {}, {}, {}, {}};
    a.attributes["title"] = AttributeValue::string(title);
    g.addEntity(a);
    g.addEntity({"event:iac", "event", "IAC 2017", {}, {}, {}, {}, {}});
    g.addRelation({"attended", "person:a", "event:iac", {}, {{"report-1", 3, "", "Alice attended", -1, {}}}, {}});
    return g;
}

const Entity &personA(const GraphStore &g) { return g.entity(g.findById("person:a")); }

std::string title(const GraphStore &g)
{
    const std::string *t = personA(g).attribute("title");
    return t ? *t : "";
}

class ArchiveConflicts : public ArchiveTest {
protected:
    // Alice pushes "Dr." / "Alice Archer"; Bob pushes "Prof." / "Alice B. Archer".
    void pushBoth()
    {
        Archive(url()).push(analystGraph("Dr.", "Alice Archer"), "alice.json");
        Archive(url()).push(analystGraph("Prof.", "Alice B. Archer"), "bob.json");
    }
    long long idOf(const std::string &field, const std::string &incoming = {})
    {
        for (const archive::RecordedConflict &c : Archive(url()).conflicts(true))
            if (c.conflict.field == field && (incoming.empty() || c.conflict.incomingValue == incoming)) return c.id;
        ADD_FAILURE() << "no conflict on " << field;
        return 0;
    }
};

TEST_F(ArchiveConflicts, KeepArchiveRecordsWhoAndWhenAndChangesNoData)
{
    pushBoth();
    std::vector<archive::RecordedConflict> open = Archive(url()).conflicts();
    ASSERT_EQ(open.size(), 3u); // attributes.title, name, names.en
    EXPECT_EQ(open[0].pushLabel, "bob.json");
    const long long id = idOf("attributes.title");
    archive::RecordedConflict settled = Archive(url()).resolveConflict(id, Keep::Archive, "Dr. per her card");
    EXPECT_EQ(settled.resolution, "archive");
    EXPECT_EQ(settled.resolvedBy, "liaison"); // the database role
    EXPECT_FALSE(settled.resolvedAt.empty());
    EXPECT_EQ(title(Archive(url()).pull({})), "Dr.");
    EXPECT_EQ(Archive(url()).conflicts().size(), 2u) << "a settled conflict is no longer open";
    std::vector<archive::RecordedConflict> all = Archive(url()).conflicts(true, "person:a");
    ASSERT_EQ(all.size(), 3u);
    auto it = std::find_if(all.begin(), all.end(), [&](const auto &c) { return c.id == id; });
    ASSERT_NE(it, all.end());
    EXPECT_EQ(it->note, "Dr. per her card");
    EXPECT_EQ(Archive(url()).summary().conflicts, 2u);
    // Bob pushing the same file again does not bring the settled difference back.
    archive::PushReport again = Archive(url()).push(analystGraph("Prof.", "Alice B. Archer"), "bob.json");
    EXPECT_TRUE(std::none_of(again.conflicts.begin(), again.conflicts.end(),
                             [](const archive::Conflict &c) { return c.field == "attributes.title"; }));
    EXPECT_EQ(rows("conflict"), 3);
}

TEST_F(ArchiveConflicts, KeepIncomingWritesThePushedValueAndTheOldNameStaysAnAlias)
{
    pushBoth();
    Archive(url()).resolveConflict(idOf("attributes.title"), Keep::Incoming);
    Archive(url()).resolveConflict(idOf("name"), Keep::Incoming, "her full name");
    Archive(url()).resolveConflict(idOf("names.en"), Keep::Incoming);
    GraphStore pulled = Archive(url()).pull({});
    const Entity &a = personA(pulled);
    EXPECT_EQ(title(pulled), "Prof.");
    EXPECT_EQ(a.name, "Alice B. Archer");
    EXPECT_EQ(a.names.at("en"), "Alice B. Archer");
    EXPECT_NE(std::find(a.aliases.begin(), a.aliases.end(), "Alice Archer"), a.aliases.end());
    EXPECT_EQ(std::find(a.aliases.begin(), a.aliases.end(), "Alice B. Archer"), a.aliases.end())
        << "the name is not also its own alias";
    EXPECT_TRUE(Archive(url()).conflicts().empty());
    EXPECT_EQ(Archive(url()).search("alice archer").size(), 1u) << "the old name still finds her";
}

TEST_F(ArchiveConflicts, KeepIncomingIsRefusedWhenTheArchiveChangedSinceTheConflictWasRecorded)
{
    pushBoth();
    Archive(url()).push(analystGraph("Mx.", "Alice Archer"), "carol.json");
    const long long prof = idOf("attributes.title", "Prof."), mx = idOf("attributes.title", "Mx.");
    Archive(url()).resolveConflict(prof, Keep::Incoming);
    try {
        Archive(url()).resolveConflict(mx, Keep::Incoming);
        FAIL() << "settling against a value that changed since must be refused";
    } catch (const archive::ArchiveError &e) {
        EXPECT_NE(std::string(e.what()).find("is now 'Prof.', not 'Dr.'"), std::string::npos) << e.what();
    }
    EXPECT_EQ(title(Archive(url()).pull({})), "Prof.") << "nothing overwritten";
    EXPECT_TRUE(Archive(url()).conflicts(false, "person:a").size() >= 1u) << "the refused one stays open";
    // Settling it again, or an unknown one, is refused and says why.
    try {
        Archive(url()).resolveConflict(prof, Keep::Archive);
        FAIL();
    } catch (const archive::ArchiveError &e) {
        EXPECT_NE(std::string(e.what()).find("already settled by liaison"), std::string::npos) << e.what();
    }
    EXPECT_THROW(Archive(url()).resolveConflict(9999, Keep::Archive), archive::ArchiveError);
}

TEST_F(ArchiveConflicts, TwoPeopleSettlingAtOnceExactlyOneWinsAndNothingIsLost)
{
    pushBoth();
    Archive(url()).push(analystGraph("Mx.", "Alice Archer"), "carol.json");
    const long long prof = idOf("attributes.title", "Prof."), mx = idOf("attributes.title", "Mx.");
    for (int round = 0; round < 2; ++round) {
        // Round 0: both settle the same conflict; round 1: each keeps a different incoming value.
        const long long ids[2] = {prof, round == 0 ? prof : mx};
        if (round == 1) admin().exec("UPDATE liaison.conflict SET resolution = NULL, resolved_by = NULL, "
                                     "resolved_at = NULL WHERE field = 'attributes.title'");
        if (round == 1) admin().exec("UPDATE liaison.entity SET attributes = '{\"title\": \"Dr.\"}' WHERE id = 'person:a'");
        std::atomic<int> ready{0}, won{0}, refused{0};
        auto settle = [&](long long id) {
            Archive db(url());
            ++ready;
            while (ready < 2) std::this_thread::yield();
            try {
                db.resolveConflict(id, Keep::Incoming);
                ++won;
            } catch (const archive::ArchiveError &) {
                ++refused;
            }
        };
        std::thread first(settle, ids[0]), second(settle, ids[1]);
        first.join(), second.join();
        EXPECT_EQ(won, 1) << "round " << round;
        EXPECT_EQ(refused, 1) << "round " << round;
        std::string kept = title(Archive(url()).pull({}));
        EXPECT_TRUE(kept == "Prof." || kept == "Mx.") << kept;
        EXPECT_EQ(admin().exec("SELECT count(*) FROM liaison.conflict WHERE resolution = 'incoming'").integer(0, 0), 1);
    }
}

TEST_F(ArchiveConflicts, CommandListsSettlesAndRefusesAReadOnlyRole)
{
    pushBoth();
    auto cli = [&](const std::string &what, const std::string &rest, const std::string &where) {
        return runCommand(cliPath().string() + " archive " + what + " " + quoted(where) + " " + rest);
    };
    CommandResult list = cli("conflicts", "", url());
    ASSERT_EQ(list.exitCode, 0) << list.err;
    EXPECT_NE(list.out.find("person:a  attributes.title: 'Dr.' in the archive, 'Prof.' incoming"), std::string::npos)
        << list.out;
    EXPECT_NE(list.out.find("pushed by liaison (bob.json)"), std::string::npos) << list.out;
    const std::string id = std::to_string(idOf("attributes.title"));

    const std::string role = "reader_" + m_database.substr(0, 40);
    admin().exec("DROP ROLE IF EXISTS " + role);
    admin().run("CREATE ROLE " + role + " LOGIN; GRANT USAGE ON SCHEMA liaison TO " + role +
                "; GRANT SELECT ON ALL TABLES IN SCHEMA liaison TO " + role + ";");
    CommandResult reader = cli("resolve", id + " --keep incoming", url(5432, role));
    EXPECT_NE(reader.exitCode, 0);
    EXPECT_EQ(title(Archive(url()).pull({})), "Dr.");
    CommandResult readerList = cli("conflicts", "--json", url(5432, role));
    EXPECT_EQ(readerList.exitCode, 0) << readerList.err << " (a reader may list them)";
    admin().run("REVOKE ALL ON ALL TABLES IN SCHEMA liaison FROM " + role + "; REVOKE ALL ON SCHEMA liaison FROM " +
                role + "; DROP ROLE " + role + ";");

    CommandResult bad = cli("resolve", id + " --keep mine", url());
    EXPECT_NE(bad.exitCode, 0);
    EXPECT_NE(bad.err.find("--keep archive"), std::string::npos) << bad.err;
    CommandResult done = cli("resolve", "'#" + id + "' --keep incoming --note 'per the 2018 report'", url());
    ASSERT_EQ(done.exitCode, 0) << done.err;
    EXPECT_NE(done.out.find("the archive now holds 'Prof.'"), std::string::npos) << done.out;
    EXPECT_EQ(title(Archive(url()).pull({})), "Prof.");
    CommandResult json = cli("conflicts", "--all --json --subject person:a", url());
    ASSERT_EQ(json.exitCode, 0) << json.err;
    EXPECT_NE(json.out.find("\"kept\": \"incoming\""), std::string::npos) << json.out;
    EXPECT_NE(json.out.find("\"note\": \"per the 2018 report\""), std::string::npos) << json.out;
    EXPECT_NE(cli("conflicts", "", url()).out.find("names.en"), std::string::npos);
    EXPECT_EQ(cli("conflicts", "", url()).out.find("attributes.title"), std::string::npos) << "settled: not open";
}

} // namespace
} // namespace liaison::test
