// Input Liaison cannot take as it is gets a message naming the file and the
// position, never a silent store (known-problems.md, "Input that is stored
// without a warning").
#include "test_paths.hpp"

#include <gtest/gtest.h>

namespace liaison {
namespace {

std::string cli(const std::string &arguments) { return test::quoted(test::cliPath()) + " " + arguments; }

bool has(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

// `liaison import FILE -o DIR/out.json` with `extra` options.
test::CommandResult import(const std::filesystem::path &file, const std::string &extra = "")
{
    return test::runCommand(cli("import " + test::quoted(file) + " " + extra + " -o " +
                                test::quoted(file.parent_path() / "out.json")));
}

TEST(LocatedInput, AFileTheLoaderFindsNothingInIsNamedInAWarning)
{
    auto dir = test::scratchDir("located-empty");
    test::writeFile(dir / "notes.txt", "Nothing here names anyone.\n");
    auto r = import(dir / "notes.txt", "--plugin report");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(has(r.err, "notes.txt: warning: the report loader found no entity in this file")) << r.err;
}

TEST(LocatedInput, ImpossibleDatesInLiaisonJsonAreRefusedWhereTheyStand)
{
    auto dir = test::scratchDir("located-dates");
    const std::string head = "{\"liaison\": 1,\n \"entities\": [{\"id\": \"event:e\", \"kind\": \"event\", \"name\": \"E\",\n";
    test::writeFile(dir / "month.json", head + "  \"attributes\": {\"start\": \"2017-13-01\"}}]}\n");
    auto month = test::runCommand(cli("info " + test::quoted(dir / "month.json")));
    EXPECT_EQ(month.exitCode, 1);
    EXPECT_TRUE(has(month.err, "month.json:3:") && has(month.err, "\"start\": \"2017-13-01\" has no month 13")) << month.err;
    test::writeFile(dir / "day.json", head + "  \"attributes\": {\"end\": \"2017-02-30\"}}]}\n");
    auto day = import(dir / "day.json");
    EXPECT_EQ(day.exitCode, 1);
    EXPECT_TRUE(has(day.err, "day.json:3:") && has(day.err, "\"end\": \"2017-02-30\" is not a day of 2017-02")) << day.err;
    test::writeFile(dir / "leap.json", head + "  \"attributes\": {\"end\": \"2016-02-29\"}}]}\n");
    EXPECT_EQ(test::runCommand(cli("info " + test::quoted(dir / "leap.json"))).exitCode, 0);
}

TEST(LocatedInput, ImpossibleDatesFromOtherFormatsAreRefusedToo)
{
    // Stored, the date would make the saved graph one the next command refuses.
    auto dir = test::scratchDir("located-csv-dates");
    test::writeFile(dir / "events.csv", "id,kind,name,start\ne1,event,E,2017-09-28\ne2,event,F,2017-02-30\n");
    auto r = import(dir / "events.csv");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(has(r.err, "events.csv:3:1: entity e2: attribute \"start\": \"2017-02-30\" is not a day of 2017-02"))
        << r.err;
}

TEST(LocatedInput, UnknownEvidenceSourceInLiaisonJsonIsLocated)
{
    auto dir = test::scratchDir("located-source");
    test::writeFile(dir / "in.json", "{\"liaison\": 1,\n \"entities\": [\n  {\"id\": \"person:a\", \"name\": \"A\",\n"
                                     "   \"evidence\": [{\"source\": \"nowhere\", \"quote\": \"A\"}]}]}\n");
    auto r = import(dir / "in.json");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(has(r.err, "in.json:3:3: warning: entity person:a: evidence names unknown source \"nowhere\"")) << r.err;
}

TEST(LocatedInput, InvalidUtf8InADotEdgeIsLocated)
{
    auto dir = test::scratchDir("located-dot");
    test::writeFile(dir / "bad.dot", "digraph {\n  a;\n  a -> \"b\xff\";\n}\n");
    auto r = import(dir / "bad.dot");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(has(r.err, "bad.dot:3:9: relation: invalid UTF-8 in to")) << r.err;
}

} // namespace
} // namespace liaison
