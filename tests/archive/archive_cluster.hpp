// The throwaway PostgreSQL cluster of the archive tests (pg_cluster.sh, CTest
// fixture pg_cluster) and a fresh database per test.
#pragma once

#include "pg.hpp"

#include <gtest/gtest.h>

#include <string>

namespace liaison::test {

// The cluster's socket folder, or empty with `skipReason` set.
struct TestCluster {
    std::string dir;
    std::string skipReason;
    std::string url(const std::string &database, int port = 5432, const std::string &user = "liaison") const
    {
        return "host=" + dir + " port=" + std::to_string(port) + " dbname=" + database + " user=" + user;
    }
};
const TestCluster &testCluster();

// Each test gets its own empty database named after it (and an archive
// initialised in it when `initialise`). Skips when the server is absent.
class ArchiveTest : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;
    // Statements as the cluster's superuser in this test's database.
    archive::pg::Connection &admin();
    std::string url(int port = 5432, const std::string &user = "liaison") const
    {
        return testCluster().url(m_database, port, user);
    }
    // Number of rows of a liaison.* table.
    long long rows(const std::string &table);
    // A command line with the URL single-quoted for the shell.
    std::string quoted(const std::string &word) const;
    virtual bool initialise() const { return true; }

    std::string m_database;
    std::unique_ptr<archive::pg::Connection> m_admin;
};

} // namespace liaison::test
