// Safe by construction: parameterised statements, credentials never echoed,
// sslmode passed through, a read-only role that can pull but not push.
#include "archive_cluster.hpp"
#include "test_paths.hpp"

#include "liaison/archive.hpp"
#include "liaison/json_io.hpp"

namespace liaison::test {
namespace {

using archive::Archive;

class ArchiveSafety : public ArchiveTest {};

TEST_F(ArchiveSafety, HostileNamesAndQuotesRoundTripExactlyAndAreSearchable)
{
    const std::vector<std::string> hostile{
        "O'Brien \"the\" Quote", "back\\slash\\\\twice", "$$dollar$$ $tag$body$tag$",
        "'; DROP TABLE liaison.entity; --", "tab\there\nnew line\rreturn \x01\x07\x1f end",
        "莊明芬 (臺灣) ＦＵＬＬ", "{\"json\": [1,2]} \\N \\. %_ LIKE"};
    // Ids may not hold control characters (the store refuses them: issue 10),
    // so those become '_' in the id; names, quotes and evidence keep them.
    auto idOf = [](std::string name) {
        for (char &c : name)
            if (static_cast<unsigned char>(c) < 0x20) c = '_';
        return "person:" + name;
    };
    GraphStore g;
    g.addSource({"src'$$\\", "title \\N", "2017", "zh-Hant", "C:\\path\\file.txt", {}, {}});
    for (std::size_t i = 0; i < hostile.size(); ++i) {
        Entity e{idOf(hostile[i]), "person", hostile[i], {{"zh", hostile[i] + "'"}}, {hostile[i] + " alias"}, {}, {}, {}};
        e.attributes["note"] = AttributeValue::string(hostile[i]);
        e.evidence.push_back({"src'$$\\", static_cast<int>(i + 1), "", hostile[i], -1, {}});
        g.addEntity(e);
    }
    g.addRelation({"met", idOf(hostile[0]), idOf(hostile[3]), {}, {{"src'$$\\", 1, "", hostile[4], 0.25, {}}}, {}});
    Archive(url()).push(g, hostile[3]);
    EXPECT_EQ(rows("entity"), static_cast<long long>(hostile.size())) << "the DROP TABLE name was only a name";
    GraphStore pulled = Archive(url()).pull({});
    for (const std::string &name : hostile) {
        EntityIndex i = pulled.findById(idOf(name));
        ASSERT_NE(i, kNoEntity) << name;
        EXPECT_EQ(pulled.entity(i).name, name);
        EXPECT_EQ(pulled.entity(i).names.at("zh"), name + "'");
        EXPECT_EQ(*pulled.entity(i).attribute("note"), name);
        EXPECT_EQ(pulled.entity(i).evidence.front().quote, name);
        EXPECT_EQ(Archive(url()).resolve(name), idOf(name));
    }
    EXPECT_EQ(pulled.relation(0).evidence.front().quote, hostile[4]);
    EXPECT_EQ(pulled.sources().front().path, "C:\\path\\file.txt");
    EXPECT_EQ(Archive(url()).search("$$dollar").size(), 1u);
    EXPECT_EQ(Archive(url()).search("'; drop").size(), 1u);
    EXPECT_EQ(Archive(url()).search("台湾").size(), 1u) << "Traditional 臺灣 found by Simplified 台湾";
}

TEST_F(ArchiveSafety, ReadOnlyRoleCanPullAndQueryButNotPush)
{
    Archive(url()).push(readLiaisonJsonFile(iacDataset().string()), "iac");
    const std::string role = "reader_" + m_database.substr(0, 40);
    admin().exec("DROP ROLE IF EXISTS " + role);
    admin().run("CREATE ROLE " + role + " LOGIN; GRANT USAGE ON SCHEMA liaison TO " + role +
                "; GRANT SELECT ON ALL TABLES IN SCHEMA liaison TO " + role + ";");
    const std::string reader = url(5432, role);
    const long long evidence = rows("evidence");
    GraphStore slice = Archive(reader).pull({{"person:chuang-ming-fen"}, 1, {}, {}, {}, {}});
    EXPECT_GT(slice.entityCount(), 5u);
    CommandResult met = runCommand(cliPath().string() + " met " + quoted(reader) + " 莊明芬");
    EXPECT_EQ(met.exitCode, 0) << met.err;
    CommandResult push = runCommand(cliPath().string() + " archive push " + quoted(iacDataset().string()) + " " +
                                    quoted(reader));
    EXPECT_EQ(push.exitCode, 1);
    EXPECT_NE(push.err.find("permission denied"), std::string::npos) << push.err;
    EXPECT_NE(push.err.find("may read the archive but not change it"), std::string::npos) << push.err;
    EXPECT_EQ(rows("evidence"), evidence);
    admin().run("REVOKE ALL ON ALL TABLES IN SCHEMA liaison FROM " + role + "; REVOKE ALL ON SCHEMA liaison FROM " +
                role + "; DROP ROLE " + role + ";");
}

TEST_F(ArchiveSafety, PasswordInTheUrlIsNeverPrinted)
{
    const std::string secret = "S3cretPassw0rd";
    // A server that cannot be reached, and one that answers (trust auth ignores the password).
    const std::string unreachable = "postgresql://liaison:" + secret + "@/nowhere?host=/nonexistent-dir";
    const std::string reachable = "postgresql://liaison:" + secret + "@/" + m_database + "?host=" + testCluster().dir;
    for (const std::string &command :
         {" archive status " + quoted(unreachable), " archive pull " + quoted(reachable) + " --focus nobody -o x.json",
          " archive push /nonexistent.json " + quoted(reachable), " met " + quoted(reachable) + " nobody",
          " archive init " + quoted(reachable)}) {
        CommandResult r = runCommand(cliPath().string() + command);
        EXPECT_NE(r.exitCode, 0) << command;
        EXPECT_EQ(r.out.find(secret), std::string::npos) << r.out;
        EXPECT_EQ(r.err.find(secret), std::string::npos) << r.err;
    }
    CommandResult status = runCommand(cliPath().string() + " archive status " + quoted(reachable));
    EXPECT_EQ(status.exitCode, 0) << status.err;
    EXPECT_EQ(status.out.find(secret), std::string::npos) << status.out;
}

TEST_F(ArchiveSafety, SslModeIsPassedThroughToLibpq)
{
    // libpq itself judges sslmode (over a Unix socket it does not apply; the
    // test server has no TCP): a value libpq does not know comes back from libpq.
    CommandResult bad = runCommand(cliPath().string() + " archive status " + quoted(url() + " sslmode=verify-everything"));
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_NE(bad.err.find("invalid sslmode value: \"verify-everything\""), std::string::npos) << bad.err;
    CommandResult ok = runCommand(cliPath().string() + " archive status " + quoted(url() + " sslmode=disable"));
    EXPECT_EQ(ok.exitCode, 0) << ok.err;
}

} // namespace
} // namespace liaison::test
