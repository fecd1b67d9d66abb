#include "archive_cluster.hpp"

#include "liaison/archive.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>

namespace liaison::test {

const TestCluster &testCluster()
{
    static const TestCluster cluster = [] {
        TestCluster c;
        const char *state = std::getenv("LIAISON_TEST_PG_STATE");
        if (!state) {
            c.skipReason = "no test cluster: run through ctest (fixture pg_cluster) with postgresql-15 installed";
            return c;
        }
        std::ifstream in(state);
        std::string line;
        std::getline(in, line);
        if (line.empty()) c.skipReason = "the test cluster did not start (see the archive_cluster_start test)";
        else if (line.starts_with("skip:")) c.skipReason = line.substr(6);
        else c.dir = line;
        return c;
    }();
    return cluster;
}

void ArchiveTest::SetUp()
{
    if (!testCluster().skipReason.empty()) GTEST_SKIP() << testCluster().skipReason;
    const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
    m_database = std::string(info->test_suite_name()) + "_" + info->name();
    std::transform(m_database.begin(), m_database.end(), m_database.begin(),
                   [](unsigned char c) { return std::isalnum(c) ? std::tolower(c) : '_'; });
    m_database = m_database.substr(0, 60);
    archive::pg::Connection postgres(testCluster().url("postgres"));
    // Identifiers cannot be parameters; this one is built from [a-z0-9_] only.
    postgres.exec("DROP DATABASE IF EXISTS " + m_database + " WITH (FORCE)");
    postgres.exec("CREATE DATABASE " + m_database);
    if (initialise()) archive::Archive(url(), true).init();
}

void ArchiveTest::TearDown()
{
    m_admin.reset();
    if (m_database.empty() || !testCluster().skipReason.empty()) return;
    archive::pg::Connection postgres(testCluster().url("postgres"));
    postgres.exec("DROP DATABASE IF EXISTS " + m_database + " WITH (FORCE)");
}

archive::pg::Connection &ArchiveTest::admin()
{
    if (!m_admin) m_admin = std::make_unique<archive::pg::Connection>(url());
    return *m_admin;
}

long long ArchiveTest::rows(const std::string &table)
{
    return admin().exec("SELECT count(*) FROM liaison." + table).integer(0, 0);
}

std::string ArchiveTest::quoted(const std::string &word) const
{
    std::string out = "'";
    for (char c : word) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

} // namespace liaison::test
