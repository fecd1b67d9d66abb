// A CSV export is two files, x.csv and x.edges.csv, that the next import reads
// as one graph: they are written all or nothing, never a new node table
// beside an old edge table.
#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace liaison;
namespace fs = std::filesystem;

namespace {

std::string contentOf(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST(PairedExport, AFailedCsvExportLeavesBothTablesAsTheyWere)
{
    fs::path dir = test::scratchDir("paired-csv-export");
    fs::path nodes = dir / "x.csv", edges = dir / "x.edges.csv";
    std::ofstream(nodes, std::ios::binary) << "old nodes\n";
    fs::create_directory(edges); // the edge table cannot be written there
    test::CommandResult result = test::runCommand("'" + test::cliPath().string() + "' export '" +
                                                  test::iacDataset().string() + "' --format csv -o '" +
                                                  nodes.string() + "'");
    EXPECT_EQ(result.exitCode, 1) << result.err;
    EXPECT_NE(result.err.find("x.edges.csv"), std::string::npos) << "the error names the file: " << result.err;
    EXPECT_EQ(contentOf(nodes), "old nodes\n") << "the node table is unchanged";
    EXPECT_TRUE(fs::is_directory(edges));
    for (const auto &entry : fs::directory_iterator(dir))
        EXPECT_TRUE(entry.path() == nodes || entry.path() == edges) << "left behind: " << entry.path();
}

TEST(PairedExport, ASuccessfulCsvExportReplacesBothTables)
{
    fs::path dir = test::scratchDir("paired-csv-export-ok");
    fs::path nodes = dir / "x.csv", edges = dir / "x.edges.csv";
    std::ofstream(nodes, std::ios::binary) << "old nodes\n";
    std::ofstream(edges, std::ios::binary) << "old edges\n";
    test::CommandResult result = test::runCommand("'" + test::cliPath().string() + "' export '" +
                                                  test::iacDataset().string() + "' --format csv -o '" +
                                                  nodes.string() + "'");
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(contentOf(nodes).find("person:chuang-ming-fen"), std::string::npos);
    EXPECT_NE(contentOf(edges).find("person:chuang-ming-fen"), std::string::npos);
    for (const auto &entry : fs::directory_iterator(dir))
        EXPECT_TRUE(entry.path() == nodes || entry.path() == edges) << "left behind: " << entry.path();
}
