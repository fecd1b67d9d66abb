// Versioned schema: init creates it, refuses twice; migrate upgrades an older archive.
#include "archive_cluster.hpp"
#include "test_paths.hpp"

#include "liaison/archive.hpp"

namespace liaison::test {
namespace {

using archive::Archive;

class ArchiveSchema : public ArchiveTest {
protected:
    bool initialise() const override { return false; }
};

TEST_F(ArchiveSchema, InitCreatesTheLatestSchemaAndRefusesAnExistingArchive)
{
    CommandResult before = runCommand(cliPath().string() + " archive status " + quoted(url()));
    EXPECT_EQ(before.exitCode, 1);
    EXPECT_NE(before.err.find("archive init"), std::string::npos) << before.err;
    CommandResult init = runCommand(cliPath().string() + " archive init " + quoted(url()));
    ASSERT_EQ(init.exitCode, 0) << init.err;
    EXPECT_EQ(Archive(url()).schemaVersion(), archive::latestSchemaVersion());
    CommandResult again = runCommand(cliPath().string() + " archive init " + quoted(url()));
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_NE(again.err.find("already holds a Liaison archive"), std::string::npos) << again.err;
    CommandResult migrate = runCommand(cliPath().string() + " archive migrate " + quoted(url()));
    EXPECT_EQ(migrate.exitCode, 0) << migrate.err;
    EXPECT_NE(migrate.out.find("already up to date"), std::string::npos) << migrate.out;
}

TEST_F(ArchiveSchema, MigrateUpgradesAVersionOneArchiveAndIndexesItsNames)
{
    Archive(url(), true).init(1);
    admin().run("INSERT INTO liaison.entity (id, kind, name) VALUES ('organisation:ntu', 'organisation', '國立臺灣大學');"
                "INSERT INTO liaison.entity_alias (entity_id, alias, ord) VALUES ('organisation:ntu', 'NTU', 0);");
    try {
        Archive old(url());
        FAIL() << "a version 1 archive must be migrated first";
    } catch (const archive::ArchiveError &e) {
        EXPECT_NE(std::string(e.what()).find("archive migrate"), std::string::npos) << e.what();
    }
    CommandResult migrate = runCommand(cliPath().string() + " archive migrate " + quoted(url()));
    ASSERT_EQ(migrate.exitCode, 0) << migrate.err;
    EXPECT_NE(migrate.out.find("applied migration 2"), std::string::npos) << migrate.out;
    Archive db(url());
    EXPECT_EQ(db.search("台湾大学"), std::vector<std::string>{"organisation:ntu"}) << "backfilled name keys";
    EXPECT_EQ(db.resolve("ntu"), "organisation:ntu");
}

} // namespace
} // namespace liaison::test
