// met, path and search in the server: the file's output and --json; search
// folds case, width and Traditional/Simplified and finds CJK substrings.
#include "archive_cluster.hpp"
#include "test_paths.hpp"

#include "liaison/archive.hpp"
#include "liaison/json_io.hpp"

#include <algorithm>
#include <sstream>

namespace liaison::test {
namespace {

using archive::Archive;

class ArchiveQueries : public ArchiveTest {
protected:
    void SetUp() override
    {
        ArchiveTest::SetUp();
        if (IsSkipped()) return;
        Archive(url()).push(readLiaisonJsonFile(iacDataset().string()), "iac");
    }
    CommandResult cli(const std::string &command, const std::string &where)
    {
        return runCommand(cliPath().string() + " " + command.substr(0, command.find(' ')) + " " + quoted(where) +
                          command.substr(command.find(' ')));
    }
};

std::string sortedLines(const std::string &text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const std::string &l : lines) out += l + "\n";
    return out;
}

TEST_F(ArchiveQueries, MetGivesTheFilesOutputAndJson)
{
    for (std::string command : {"met 莊明芬", "met person:chuang-ming-fen --json", "met 莊明芬 --evidence",
                                       "met 莊明芬 --from 2017-09-28 --to 2017-09-28 --json"}) {
        CommandResult onFile = cli(command, iacDataset().string());
        CommandResult onArchive = cli(command, url());
        ASSERT_EQ(onFile.exitCode, 0) << onFile.err;
        EXPECT_EQ(onArchive.exitCode, 0) << onArchive.err;
        EXPECT_EQ(onArchive.out, onFile.out) << command;
    }
}

TEST_F(ArchiveQueries, PathGivesTheFilesChainAndJson)
{
    for (std::string command :
         {"path 莊明芬 country:russia --json", "path person:chuang-ming-fen event:iac-2017-annual-conference"}) {
        CommandResult onFile = cli(command, iacDataset().string());
        CommandResult onArchive = cli(command, url());
        ASSERT_EQ(onFile.exitCode, 0) << onFile.err;
        EXPECT_EQ(onArchive.exitCode, 0) << onArchive.err;
        EXPECT_EQ(onArchive.out, onFile.out) << command;
    }
    CommandResult none = cli("path 莊明芬 nobody-at-all", url());
    EXPECT_EQ(none.exitCode, 1);
    EXPECT_NE(none.err.find("no entity in the archive"), std::string::npos) << none.err;
}

TEST_F(ArchiveQueries, SearchGivesTheFilesMatchesAndJson)
{
    for (std::string command : {"search itmo", "search 明芬", "search conference --kinds event --json"}) {
        CommandResult onFile = cli(command, iacDataset().string());
        CommandResult onArchive = cli(command, url());
        ASSERT_EQ(onFile.exitCode, 0) << onFile.err;
        EXPECT_EQ(onArchive.exitCode, 0) << onArchive.err;
        EXPECT_EQ(sortedLines(onArchive.out), sortedLines(onFile.out)) << command;
    }
}

// --k and filters on sources, countries and dates: growing corridors of the
// archive give the file's chains.
TEST_F(ArchiveQueries, PathWithKAndEveryFilterGivesTheFilesChains)
{
    for (std::string command :
         {"path 莊明芬 country:russia --k 3 --json", "path person:chuang-ming-fen event:iac-2017-annual-conference --k 2",
          "path 莊明芬 country:russia --country country:taiwan,country:russia --json",
          "path 莊明芬 country:russia --source iac2017-report --from 2017-09-27 --to 2017-09-30",
          "path 莊明芬 country:russia --k 2 --kinds person,event,country --from 2017-09-28"}) {
        CommandResult onFile = cli(command, iacDataset().string());
        CommandResult onArchive = cli(command, url());
        ASSERT_EQ(onFile.exitCode, 0) << command << "\n" << onFile.err;
        EXPECT_EQ(onArchive.exitCode, 0) << command << "\n" << onArchive.err;
        EXPECT_EQ(onArchive.out, onFile.out) << command;
    }
    // A source no evidence cites leaves no chain, on a file as in the archive.
    CommandResult none = cli("path 莊明芬 country:russia --source no-such-report", url());
    EXPECT_EQ(none.exitCode, 1) << none.err;
}

// A chain of 14 steps (p0 ... p14) and a pair connected to nothing: the
// archive searches at most 12 steps, so it must say it stopped, never
// "not connected" while the file finds a chain; a pair the search ran out of
// entities for is "not connected" on both.
TEST_F(ArchiveQueries, PathBeyondTheSearchBoundIsAnErrorNotNotConnected)
{
    std::string entities, relations;
    for (int i = 0; i <= 14; ++i) {
        entities += (i ? ",\n" : "") + std::string("{\"id\": \"person:p") + std::to_string(i) +
                    "\", \"kind\": \"person\", \"name\": \"Chain Person " + std::to_string(i) + "\"}";
        if (i)
            relations += (i > 1 ? ",\n" : "") + std::string("{\"kind\": \"met\", \"from\": \"person:p") +
                         std::to_string(i - 1) + "\", \"to\": \"person:p" + std::to_string(i) + "\"}";
    }
    entities += ",\n{\"id\": \"person:alone\", \"kind\": \"person\", \"name\": \"Alone Person\"}";
    const std::filesystem::path file = scratchDir("archive-long-chain") / "chain.json";
    writeFile(file, "{\"liaison\": 1, \"entities\": [" + entities + "], \"relations\": [" + relations + "]}");
    Archive(url()).push(readLiaisonJsonFile(file.string()), "chain");

    for (std::string command : {"path person:p0 person:p14", "path person:p0 person:p14 --k 2"}) {
        CommandResult onFile = cli(command, file.string());
        CommandResult onArchive = cli(command, url());
        ASSERT_EQ(onFile.exitCode, 0) << command << "\n" << onFile.err;
        EXPECT_NE(onFile.out.find("Chain Person 14"), std::string::npos) << onFile.out;
        EXPECT_EQ(onArchive.exitCode, 1) << command << "\n" << onArchive.out;
        EXPECT_EQ(onArchive.out.find("not connected"), std::string::npos) << command << "\n" << onArchive.out;
        EXPECT_NE(onArchive.err.find("no chain of at most 12 steps"), std::string::npos) << command << "\n"
                                                                                         << onArchive.err;
        EXPECT_NE(onArchive.err.find("archive pull"), std::string::npos) << onArchive.err;
    }
    // Within the bound the archive answers as the file does.
    CommandResult near = cli("path person:p0 person:p12 --k 1 --json", url());
    EXPECT_EQ(near.exitCode, 0) << near.err;
    EXPECT_EQ(near.out, cli("path person:p0 person:p12 --k 1 --json", file.string()).out);
    // Nothing joins them: both say so, with the same words.
    for (std::string command : {"path person:p0 person:alone", "path person:p0 person:alone --k 2"}) {
        CommandResult onFile = cli(command, file.string());
        CommandResult onArchive = cli(command, url());
        EXPECT_EQ(onFile.exitCode, 1) << command;
        EXPECT_EQ(onArchive.exitCode, 1) << command << "\n" << onArchive.err;
        EXPECT_EQ(onArchive.out, onFile.out) << command;
        EXPECT_NE(onArchive.out.find("not connected"), std::string::npos) << onArchive.out << onArchive.err;
    }
}

TEST_F(ArchiveQueries, SearchWithSourceCountryAndDateFiltersGivesTheFilesMatches)
{
    for (std::string command : {"search iac --from 2017-09-28 --to 2017-09-28", "search a --country country:russia",
                                "search 2017 --source iac2017-report --json", "search 明芬 --relation-kinds attended"}) {
        CommandResult onFile = cli(command, iacDataset().string());
        CommandResult onArchive = cli(command, url());
        ASSERT_EQ(onFile.exitCode, 0) << command << "\n" << onFile.err;
        EXPECT_EQ(onArchive.exitCode, 0) << command << "\n" << onArchive.err;
        EXPECT_EQ(sortedLines(onArchive.out), sortedLines(onFile.out)) << command;
        EXPECT_FALSE(onFile.out.empty()) << command;
    }
}

TEST_F(ArchiveQueries, SearchFoldsCaseWidthAndTraditionalSimplifiedAndFindsCjkSubstrings)
{
    Archive db(url());
    std::vector<std::string> traditional = db.search("莊明芬");
    ASSERT_FALSE(traditional.empty());
    EXPECT_EQ(db.search("庄明芬"), traditional) << "Simplified 庄 finds Traditional 莊";
    EXPECT_EQ(db.search("明芬"), traditional) << "a two-character CJK substring";
    std::vector<std::string> itmo = db.search("ITMO");
    ASSERT_FALSE(itmo.empty());
    EXPECT_EQ(db.search("ｉｔｍｏ"), itmo) << "full-width, lower case";
    EXPECT_TRUE(db.search("no such name anywhere").empty());
}

} // namespace
} // namespace liaison::test
