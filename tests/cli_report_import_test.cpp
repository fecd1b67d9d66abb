// `liaison import` of a plain-text report (the `report` loader) and the
// questions an analyst then asks of the graph (info, met).
#include "test_paths.hpp"

#include "liaison/json_io.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace fs = std::filesystem;

namespace liaison {
namespace {

std::string cli() { return test::cliPath().string(); }

TEST(CliReportImport, SeedReportImportsAndAnswersWhoMetWhom)
{
    const fs::path shared = test::sharedDir();
    if (shared.empty()) GTEST_SKIP() << "shared corpora not available";
    const fs::path seed = shared / "seeds" / "000_a75ee561b5c746aa.txt";
    if (!fs::exists(seed)) GTEST_SKIP() << "seed report missing";
    fs::path dir = test::scratchDir("cli-report");
    fs::path graph = dir / "g.json";

    auto imported = test::runCommand(cli() + " import " + seed.string() + " -o " + graph.string());
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    EXPECT_NE(imported.err.find("reading with report"), std::string::npos) << imported.err;

    auto info = test::runCommand(cli() + " info " + graph.string());
    ASSERT_EQ(info.exitCode, 0) << info.err;
    for (const char *kind : {"person", "organisation", "event", "country", "topic"})
        EXPECT_NE(info.out.find(std::string("\t") + kind + "\n"), std::string::npos) << kind << "\n" << info.out;
    for (const char *relation : {"attended", "spoke_at", "chaired", "signed_mou_with", "elected_to"})
        EXPECT_NE(info.out.find(std::string("\t") + relation + "\n"), std::string::npos) << relation << "\n" << info.out;

    // The reporter met her colleague on the visit and the speakers at the conference.
    auto met = test::runCommand(cli() + " met " + graph.string() + " 莊明芬");
    ASSERT_EQ(met.exitCode, 0) << met.err;
    EXPECT_NE(met.out.find("謝翠娟"), std::string::npos) << met.out;
    EXPECT_NE(met.out.find("廖洲棚"), std::string::npos) << met.out;
    EXPECT_NE(met.out.find("Andrei CHUGUNOV"), std::string::npos) << met.out;
    EXPECT_NE(met.out.find("拜會電子治理中心"), std::string::npos) << met.out;

    // Every extracted fact keeps its quote and confidence through the import.
    GraphStore store = readLiaisonJsonFile(graph.string());
    for (const auto &r : store.relations()) {
        ASSERT_FALSE(r.evidence.empty()) << r.kind << " " << r.from << " " << r.to;
        EXPECT_FALSE(r.evidence.front().quote.empty());
        EXPECT_GT(r.evidence.front().confidence, 0.0);
    }
    fs::remove_all(dir);
}

TEST(CliReportImport, UserDataFolderFromTheEnvironment)
{
    fs::path dir = test::scratchDir("cli-report-data");
    std::ofstream(dir / "topics.tsv") << "quantum\tquantum computing\t量子計算\t量子计算\t\n";
    std::ofstream(dir / "note.txt") << "The panel discussed quantum computing at length.\n";
    fs::path graph = dir / "g.json";
    auto plain = test::runCommand(cli() + " import " + (dir / "note.txt").string() + " -o " + graph.string());
    ASSERT_EQ(plain.exitCode, 0) << plain.err;
    EXPECT_EQ(readWholeFile(graph.string()).find("quantum computing\""), std::string::npos);
    auto extended = test::runCommand("LIAISON_REPORT_DATA=" + dir.string() + " " + cli() + " import " +
                                     (dir / "note.txt").string() + " -o " + graph.string());
    ASSERT_EQ(extended.exitCode, 0) << extended.err;
    EXPECT_NE(readWholeFile(graph.string()).find("quantum computing\""), std::string::npos);
    auto missing = test::runCommand("LIAISON_REPORT_DATA=" + (dir / "nowhere").string() + " " + cli() + " import " +
                                    (dir / "note.txt").string() + " -o " + (dir / "x.json").string());
    EXPECT_NE(missing.exitCode, 0);
    EXPECT_FALSE(fs::exists(dir / "x.json"));
    fs::remove_all(dir);
}

} // namespace
} // namespace liaison
