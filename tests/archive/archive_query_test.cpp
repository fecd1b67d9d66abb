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
