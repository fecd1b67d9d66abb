// Issue 10, cases 2, 13 and 15: work stays bounded and every limit ends in a
// clear message, never a crash, an abort or a partial result; option values
// are checked. Processes where the case involves them (ulimit -v).
#include "test_paths.hpp"

#include "liaison/json_io.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace fs = std::filesystem;

namespace liaison {
namespace {

std::string cli() { return test::cliPath().string(); }

// One event attended by `attendees` persons, as a user's CSV edge list.
fs::path bigEventGraph(const fs::path &dir, int attendees)
{
    std::ofstream csv(dir / "attendance.csv", std::ios::binary);
    csv << "Source,Target,kind\n";
    for (int i = 0; i < attendees; ++i) csv << "person:p" << i << ",event:summit,attended\n";
    csv.close();
    fs::path graph = dir / "g.json";
    auto r = test::runCommand(cli() + " import --quiet " + test::quoted(dir / "attendance.csv") + " -o " + test::quoted(graph));
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return graph;
}

// Case 13: 12,000 attendees made `rank --met` abort ("terminate called
// without an active exception"); 8,000 took 66 s and 2.5 GB. Now the
// quadratic projection is refused up front against a memory budget (how
// fast: bench/scaling_bench, met-refused).
TEST(BoundedWork, AHugeEventIsRefusedAgainstTheMemoryBudget)
{
    fs::path dir = test::scratchDir("bounded-met");
    fs::path graph = bigEventGraph(dir, 12'000);
    for (const std::string &command : {"rank " + test::quoted(graph) + " --met", "communities " + test::quoted(graph) + " --met",
                                       "rank " + test::quoted(graph) + " --met --memory-budget 500"}) {
        auto r = test::runCommand(cli() + " " + command);
        EXPECT_EQ(r.exitCode, 1) << command << "\n" << r.err;
        EXPECT_NE(r.err.find("over the memory budget"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("the 12000 persons at event:summit"), std::string::npos) << r.err;
    }
    // `met` for one person is linear in the event's size: it answers.
    auto met = test::runCommand(cli() + " met " + test::quoted(graph) + " person:p1 --json");
    EXPECT_EQ(met.exitCode, 0) << met.err;
    // Within the budget it is computed as before.
    fs::path smallDir = dir / "small";
    fs::create_directory(smallDir);
    fs::path smallGraph = bigEventGraph(smallDir, 300);
    auto small = test::runCommand(cli() + " rank " + test::quoted(smallGraph) + " --met --memory-budget 20 --top 1");
    EXPECT_EQ(small.exitCode, 0) << small.err;
    EXPECT_NE(small.out.find("by degree on 300 entities"), std::string::npos) << small.out;
}

// Case 13: an allocation that fails on a worker thread of the projection ends
// in a clear message, not std::terminate (abort, exit 134).
TEST(BoundedWork, OutOfMemoryInWhoMetIsAMessageNotAnAbort)
{
    if (test::kSanitized) GTEST_SKIP() << "AddressSanitizer reserves more address space than ulimit -v allows";
    fs::path dir = test::scratchDir("bounded-oom");
    fs::path graph = bigEventGraph(dir, 12'000);
    auto r = test::runCommand("ulimit -v 400000; " + cli() + " rank " + test::quoted(graph) + " --met --memory-budget 100000");
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_NE(r.err.find("out of memory"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("terminate called"), std::string::npos) << r.err;
}

// Case 2: under memory pressure an import either imports everything or
// fails with "out of memory after N records" and leaves the target as it
// was; it never exits 0 having kept part of the file.
TEST(BoundedWork, ImportUnderAMemoryLimitIsAllOrNothing)
{
    if (test::kSanitized) GTEST_SKIP() << "AddressSanitizer reserves more address space than ulimit -v allows";
    fs::path dir = test::scratchDir("bounded-import");
    constexpr std::size_t kRelations = 100'000;
    GraphStore big;
    for (std::size_t i = 0; i < 2000; ++i) {
        Entity e;
        e.id = "person:p" + std::to_string(i);
        e.name = "Person " + std::to_string(i);
        big.addEntity(std::move(e));
    }
    for (std::size_t r = 0; r < kRelations; ++r) {
        Relation rel;
        rel.kind = "met";
        rel.from = "person:p" + std::to_string(r % 2000);
        rel.to = "person:p" + std::to_string((r * 7 + 1) % 2000);
        rel.evidence.push_back({"s", static_cast<int>(r + 1), "", "quote number " + std::to_string(r), -1, {}});
        big.addRelation(std::move(rel));
    }
    saveLiaisonJsonFile(big, (dir / "big.json").string());
    GraphStore base;
    Entity e;
    e.id = "person:base";
    base.addEntity(std::move(e));
    saveLiaisonJsonFile(base, (dir / "base.json").string());
    const std::string before = readWholeFile((dir / "base.json").string());

    int refused = 0, imported = 0;
    for (int limit : {150'000, 200'000, 1'500'000}) {
        fs::copy_file(dir / "base.json", dir / "target.json", fs::copy_options::overwrite_existing);
        auto r = test::runCommand("ulimit -v " + std::to_string(limit) + "; " + cli() + " import --quiet " +
                                  test::quoted(dir / "big.json") + " --into " + test::quoted(dir / "target.json") + " -o " +
                                  test::quoted(dir / "target.json"));
        EXPECT_EQ(r.err.find("terminate called"), std::string::npos) << r.err;
        if (r.exitCode == 0) {
            ++imported;
            GraphStore after = readLiaisonJsonFile((dir / "target.json").string());
            EXPECT_EQ(after.relationCount(), kRelations) << "exit 0 with part of the file at ulimit -v " << limit;
            continue;
        }
        EXPECT_EQ(readWholeFile((dir / "target.json").string()), before) << "limit " << limit;
        if (r.err.find("out of memory") != std::string::npos) ++refused;
    }
    EXPECT_GT(refused, 0) << "no limit was tight enough to test anything";
    EXPECT_GT(imported, 0) << "no limit was loose enough to import";
}

// Case 15: every option value is checked, with a usage error naming the option.
TEST(BoundedWork, OptionValuesAreValidatedWithUsageErrors)
{
    fs::path graph = test::iacDataset();
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"export " + test::quoted(graph) + " --focus 莊明芬 --depth abc -o /dev/null --format dot", "--depth expects a whole number"},
        {"export " + test::quoted(graph) + " --focus 莊明芬 --depth -1 -o /dev/null --format dot", "--depth expects a whole number"},
        {"export " + test::quoted(graph) + " --time-limit abc -o x.svg", "--time-limit expects a number"},
        {"export " + test::quoted(graph) + " --time-limit 0.0001 -o x.svg", "--time-limit expects a number"},
        {"export " + test::quoted(graph) + " --time-limit -5 -o x.svg", "--time-limit expects a number"},
        {"export " + test::quoted(graph) + " --time-limit nan -o x.svg", "--time-limit expects a number"},
        {"export " + test::quoted(graph) + " --time-limit 1e9 -o x.svg", "--time-limit expects a number"},
        {"search " + test::quoted(graph) + " 莊 --from abc", "--from: 'abc' is not an ISO date"},
        {"search " + test::quoted(graph) + " 莊 --from 2017/09/28", "--from: '2017/09/28' is not an ISO date"},
        {"met " + test::quoted(graph) + " 莊明芬 --to 2017-02-30", "--to: '2017-02-30' is not a day of 2017-02"},
        {"met " + test::quoted(graph) + " 莊明芬 --from 2018 --to 2017-12", "--from 2018 is after --to 2017-12"},
        {"rank " + test::quoted(graph) + " --top x", "--top expects a whole number"},
        {"rank " + test::quoted(graph) + " --by betweenness --threads -1", "--threads expects a whole number"},
        {"communities " + test::quoted(graph) + " --resolution nan", "--resolution expects a number"},
        {"path " + test::quoted(graph) + " 莊明芬 莊明芬 --k 0", "--k expects a whole number from 1"},
        {"rank " + test::quoted(graph) + " --met --memory-budget lots", "--memory-budget expects a whole number"},
    };
    for (const auto &[command, message] : cases) {
        auto r = test::runCommand(cli() + " " + command);
        EXPECT_EQ(r.exitCode, 1) << command << "\n" << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << command << "\n" << r.err;
        EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
    }
    auto ok = test::runCommand(cli() + " met " + test::quoted(graph) + " 莊明芬 --from 2017-09 --to 2017-09-30");
    EXPECT_EQ(ok.exitCode, 0) << ok.err;
}

} // namespace
} // namespace liaison
