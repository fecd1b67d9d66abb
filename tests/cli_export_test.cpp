// `liaison export` as a briefing tool (issue 13 part 5): titles built from
// the focus, filters and window; --page, --highlight; --met in every format.
#include "liaison/json_io.hpp"

#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace liaison;
using test::runCommand;

namespace {

std::string exportIac(const std::string &arguments)
{
    return "'" + test::cliPath().string() + "' export '" + test::iacDataset().string() + "' " + arguments;
}

bool has(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

} // namespace

TEST(CliExport, TheTitleNamesTheFocusFiltersAndWindow)
{
    auto focused = runCommand(exportIac("--focus 莊明芬 --depth 1 --country tw --from 2017-09-28 --format svg -o -"));
    ASSERT_EQ(focused.exitCode, 0) << focused.err;
    // A long title is wrapped onto lines: look for its parts.
    EXPECT_TRUE(has(focused.out, ">Ego network of 莊明芬 (1 hop) · countries: Taiwan")) << focused.out.substr(0, 3000);
    EXPECT_TRUE(has(focused.out, "from 2017&#45;09&#45;28<")) << focused.out.substr(0, 3000);
    auto whole = runCommand(exportIac("--format svg -o -"));
    ASSERT_EQ(whole.exitCode, 0) << whole.err;
    EXPECT_TRUE(has(whole.out, "參加2017年國際資訊長協會")) << "the report's title for the whole graph";
    auto given = runCommand(exportIac("--focus 莊明芬 --title 'Briefing' --format svg -o -"));
    EXPECT_TRUE(has(given.out, ">Briefing<"));
    EXPECT_FALSE(has(given.out, "Ego network of"));
}

TEST(CliExport, TheFocusAndHighlightsAreMarked)
{
    auto run = runCommand(exportIac("--focus 莊明芬 --highlight 'Andrei CHUGUNOV' --format svg -o -"));
    ASSERT_EQ(run.exitCode, 0) << run.err;
    std::size_t marks = 0;
    for (std::size_t at = run.out.find("stroke=\"#8b0000\""); at != std::string::npos;
         at = run.out.find("stroke=\"#8b0000\"", at + 1))
        ++marks;
    EXPECT_EQ(marks, 2u);
    auto unknown = runCommand(exportIac("--highlight 'Nobody At All' --format svg -o -"));
    EXPECT_EQ(unknown.exitCode, 1);
}

TEST(CliExport, PageA4GivesOneA4Page)
{
    auto dir = test::scratchDir("cli_export_page");
    auto run = runCommand(exportIac("--page A4 -o '" + (dir / "briefing.pdf").string() + "'"));
    ASSERT_EQ(run.exitCode, 0) << run.err;
    std::string pdf = readWholeFile((dir / "briefing.pdf").string());
    EXPECT_TRUE(has(pdf, "/MediaBox [ 0 0 595 842 ]")) << pdf.substr(0, 1500);
    auto bad = runCommand(exportIac("--page A5 -o '" + (dir / "x.pdf").string() + "'"));
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_TRUE(has(bad.err, "A4, A3, letter"));
}

TEST(CliExport, MetExportsThePeopleNetworkInEveryFormat)
{
    auto dir = test::scratchDir("cli_export_met");
    auto json = runCommand(exportIac("--met -o '" + (dir / "met.json").string() + "'"));
    ASSERT_EQ(json.exitCode, 0) << json.err;
    GraphStore people = readLiaisonJsonFile((dir / "met.json").string());
    for (const Entity &e : people.entities()) EXPECT_EQ(e.kind, "person") << e.id;
    ASSERT_GT(people.relationCount(), 0u);
    EntityIndex chuang = people.findById("person:chuang-ming-fen");
    ASSERT_NE(chuang, kNoEntity);
    std::size_t met = people.outRelations(chuang).size() + people.inRelations(chuang).size();
    EXPECT_EQ(met, 41u) << "as `liaison met` says: 41 people";
    for (const Relation &r : people.relations()) {
        EXPECT_EQ(r.kind, "met");
        ASSERT_NE(r.attribute("weight"), nullptr);
        EXPECT_NE(r.attribute("occasions"), nullptr);
        EXPECT_FALSE(r.evidence.empty()) << r.from << " " << r.to;
    }
    for (const char *file : {"met.svg", "met.pdf", "met.png", "met.dot", "met.graphml", "met.gexf", "met.csv"}) {
        auto run = runCommand(exportIac("--met -o '" + (dir / file).string() + "'"));
        EXPECT_EQ(run.exitCode, 0) << file << ": " << run.err;
        EXPECT_GT(std::filesystem::file_size(dir / file), 100u) << file;
    }
    auto focused = runCommand(exportIac("--met --focus 莊明芬 --format svg -o -"));
    ASSERT_EQ(focused.exitCode, 0) << focused.err;
    EXPECT_TRUE(has(focused.out, "People 莊明芬 met (1 hop)"));
    EXPECT_FALSE(has(focused.out, "<title>event:"));
}
