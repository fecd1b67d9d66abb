// `liaison import` and `liaison plugins` as a user runs them.
#include "test_paths.hpp"

#include "liaison/json_io.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace fs = std::filesystem;

namespace liaison {
namespace {

std::string cli() { return test::cliPath().string(); }

void write(const fs::path &p, const std::string &text) { std::ofstream(p, std::ios::binary) << text; }

TEST(CliImport, RefusedImportLeavesTheExistingFileUntouched)
{
    fs::path dir = test::scratchDir("cli-import");
    fs::path graph = dir / "graph.json";
    auto made = test::runCommand(cli() + " import " + (test::sourceDir() / "schema/samples/valid/small.json").string() +
                                 " -o " + graph.string());
    ASSERT_EQ(made.exitCode, 0) << made.err;
    std::string before = readWholeFile(graph.string());
    write(dir / "bad.csv", "id,kind,name\nperson:new,person,New\nperson:chuang-ming-fen,person,Merged\nperson:new,person,Again\n");
    auto r = test::runCommand(cli() + " import " + (dir / "bad.csv").string() + " --into " + graph.string() + " -o " +
                              graph.string());
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("bad.csv:4:1: entity person:new: duplicate id"), std::string::npos) << r.err;
    EXPECT_EQ(readWholeFile(graph.string()), before);
    fs::remove_all(dir);
}

TEST(CliImport, LenientListsSkippedRecordsAndMergesAreReported)
{
    fs::path dir = test::scratchDir("cli-lenient");
    fs::path graph = dir / "graph.json";
    ASSERT_EQ(test::runCommand(cli() + " import " + (test::sourceDir() / "schema/samples/valid/small.json").string() +
                               " -o " + graph.string()).exitCode, 0);
    write(dir / "nodes.csv", "id,kind,name\nperson:cmf,person,莊明芬\nbroken,has space,No kind\n");
    auto r = test::runCommand(cli() + " import " + (dir / "nodes.csv").string() + " --lenient --into " + graph.string() +
                              " -o " + (dir / "out.json").string());
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("nodes.csv:3:1: entity broken: kind \"has space\" contains a space"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("merged person:cmf into person:chuang-ming-fen (same name \"莊明芬\")"), std::string::npos) << r.err;
    fs::remove_all(dir);
}

TEST(CliPlugins, ListsTheBuiltInLoaders)
{
    auto r = test::runCommand(cli() + " plugins");
    ASSERT_EQ(r.exitCode, 0);
    for (const char *name : {"liaison-json 1.0.0", "csv 1.0.0", "dot 1.0.0", "graphml 1.0.0", "gexf 1.0.0", "gml 1.0.0", "report 1.0.0"})
        EXPECT_NE(r.out.find(std::string(name) + "  ["), std::string::npos) << name << "\n" << r.out;
    EXPECT_NE(r.out.find("built-in  abi 1"), std::string::npos);
}

} // namespace
} // namespace liaison
