// Concurrency and replication: two analysts pushing overlapping graphs at
// the same time both land; a hot standby serves pulls and refuses pushes.
#include "archive_cluster.hpp"
#include "test_paths.hpp"

#include "liaison/archive.hpp"
#include "liaison/json_io.hpp"

#include <chrono>
#include <thread>

namespace liaison::test {
namespace {

using archive::Archive;

// `people` persons attending `events` events, quotes from `source`; persons
// [first, first + people) so two graphs can overlap.
GraphStore attendance(const std::string &source, int first, int people, int events)
{
    GraphStore g;
    g.addSource({source, source, "2020", "en", source + ".txt", {}, {}});
    for (int e = 0; e < events; ++e)
        g.addEntity({"event:e" + std::to_string(e), "event", "Event " + std::to_string(e), {}, {}, {}, {}, {}});
    for (int p = first; p < first + people; ++p) {
        std::string id = "person:p" + std::to_string(p);
        g.addEntity({id, "person", "Person " + std::to_string(p), {}, {}, {}, {}, {}});
        for (int e = 0; e < events; ++e)
            g.addRelation({"attended", id, "event:e" + std::to_string(e), {},
                           {{source, p * events + e + 1, "", source + " saw " + id, -1, {}}}, {}});
    }
    return g;
}

class ArchiveConcurrency : public ArchiveTest {};

TEST_F(ArchiveConcurrency, TwoProcessesPushingOverlappingGraphsAtOnceBothLand)
{
    std::filesystem::path dir = scratchDir("archive_concurrency");
    // 300 persons each, 200 shared, 10 events: 3000 relations per push, 2000 in common.
    saveLiaisonJsonFile(attendance("alice-report", 0, 300, 10), (dir / "alice.json").string());
    saveLiaisonJsonFile(attendance("bob-report", 100, 300, 10), (dir / "bob.json").string());
    std::string cli = cliPath().string();
    std::string push = cli + " archive push " + (dir / "NAME.json").string() + " " + quoted(url()) + " > " +
                       (dir / "NAME.out").string() + " 2>&1; echo $? > " + (dir / "NAME.rc").string();
    auto forName = [&](const std::string &name) {
        std::string command = push;
        for (std::size_t at; (at = command.find("NAME")) != std::string::npos;) command.replace(at, 4, name);
        return command;
    };
    // Many rounds make the two transactions overlap; every one must land.
    for (int round = 0; round < 3; ++round) {
        if (round > 0) admin().run("TRUNCATE liaison.evidence, liaison.relation, liaison.name_key, liaison.entity_alias, "
                                   "liaison.entity_name, liaison.entity, liaison.source, liaison.push, liaison.conflict CASCADE");
        CommandResult both = runCommand("(" + forName("alice") + ") & (" + forName("bob") + ") & wait");
        ASSERT_EQ(both.exitCode, 0);
        for (const char *name : {"alice", "bob"}) {
            CommandResult rc = runCommand("cat " + (dir / (std::string(name) + ".rc")).string());
            CommandResult out = runCommand("cat " + (dir / (std::string(name) + ".out")).string());
            EXPECT_EQ(rc.out, "0\n") << name << ": " << out.out;
        }
        EXPECT_EQ(rows("entity"), 10 + 400);
        EXPECT_EQ(rows("relation"), 4000);
        EXPECT_EQ(rows("evidence"), 6000) << "both analysts' evidence on the 2000 shared relations";
        EXPECT_EQ(rows("push"), 2);
    }
}

class ArchiveStandby : public ArchiveTest {};

TEST_F(ArchiveStandby, PushToThePrimaryPullFromTheHotStandby)
{
    Archive(url()).push(readLiaisonJsonFile(iacDataset().string()), "iac");
    std::string lsn = admin().exec("SELECT pg_current_wal_lsn()::text").string(0, 0);
    // Wait for the standby to replay up to the push (and to see the database).
    bool caughtUp = false;
    for (int attempt = 0; attempt < 200 && !caughtUp; ++attempt) {
        try {
            archive::pg::Connection standby(url(5433));
            caughtUp = standby.exec("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn", {lsn}).text(0, 0) == "t";
        } catch (const archive::ArchiveError &) {
        }
        if (!caughtUp) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_TRUE(caughtUp) << "the standby did not replay the push within 10 s";
    GraphStore slice = Archive(url(5433)).pull({{"莊明芬"}, 1, {}, {}, {}, {}});
    GraphStore primary = Archive(url()).pull({{"莊明芬"}, 1, {}, {}, {}, {}});
    EXPECT_EQ(writeLiaisonJson(slice), writeLiaisonJson(primary));
    CommandResult met = runCommand(cliPath().string() + " met " + quoted(url(5433)) + " 莊明芬 --json");
    EXPECT_EQ(met.exitCode, 0) << met.err;
    try {
        Archive(url(5433)).push(readLiaisonJsonFile(iacDataset().string()), "to the standby");
        FAIL() << "a hot standby is read-only";
    } catch (const archive::ArchiveError &e) {
        EXPECT_NE(std::string(e.what()).find("push to the primary"), std::string::npos) << e.what();
    }
}

} // namespace
} // namespace liaison::test
