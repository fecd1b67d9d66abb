// Issue 10, cases 3, 4, 5, 8 and 16: saves that follow symlinks, keep the
// mode, refuse what is not a regular file, never replace an input, clean up
// after signals and serialise concurrent updates. Run with real processes
// where the case involves processes.
#include "test_paths.hpp"

#include "liaison/json_io.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <random>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace liaison {
namespace {

std::string cli() { return test::cliPath().string(); }

GraphStore graphOf(std::size_t people, const std::string &tag)
{
    GraphStore store;
    for (std::size_t i = 0; i < people; ++i) {
        Entity e;
        e.id = "person:p" + std::to_string(i);
        e.name = tag + " " + std::to_string(i);
        store.addEntity(std::move(e));
    }
    return store;
}

mode_t modeOf(const fs::path &p)
{
    struct stat info {};
    EXPECT_EQ(::stat(p.c_str(), &info), 0);
    return info.st_mode & 07777;
}

std::size_t tempsIn(const fs::path &dir)
{
    std::size_t n = 0;
    for (const auto &entry : fs::directory_iterator(dir))
        if (entry.path().filename().string().find(".tmp-") != std::string::npos) ++n;
    return n;
}

// Case 4: a symlinked graph stays a symlink and its target is updated.
TEST(SafeSave, SymlinkIsFollowedAndStaysALink)
{
    fs::path dir = test::scratchDir("save-symlink");
    fs::create_directory(dir / "real");
    saveLiaisonJsonFile(graphOf(1, "old"), (dir / "real/graph.json").string());
    fs::create_symlink("real/graph.json", dir / "G.json");
    fs::create_symlink("real/missing.json", dir / "dangling.json");
    saveLiaisonJsonFile(graphOf(2, "new"), (dir / "G.json").string());
    saveLiaisonJsonFile(graphOf(3, "new"), (dir / "dangling.json").string());
    EXPECT_TRUE(fs::is_symlink(dir / "G.json"));
    EXPECT_EQ(readLiaisonJsonFile((dir / "real/graph.json").string()).entityCount(), 2u);
    EXPECT_TRUE(fs::is_symlink(dir / "dangling.json"));
    EXPECT_EQ(readLiaisonJsonFile((dir / "real/missing.json").string()).entityCount(), 3u);
    EXPECT_EQ(tempsIn(dir), 0u);
    EXPECT_EQ(tempsIn(dir / "real"), 0u);
}

// Case 4: a FIFO, a device, a directory or a hard-linked file at the output
// path is refused with a clear error and left as it was.
TEST(SafeSave, NonRegularTargetsAndHardLinksAreRefusedUntouched)
{
    fs::path dir = test::scratchDir("save-nonregular");
    ASSERT_EQ(::mkfifo((dir / "fifo.json").c_str(), 0600), 0);
    fs::create_directory(dir / "folder.json");
    saveLiaisonJsonFile(graphOf(1, "linked"), (dir / "linked.json").string());
    fs::create_hard_link(dir / "linked.json", dir / "other-name.json");
    std::string before = readWholeFile((dir / "linked.json").string());
    auto refused = [&](const std::string &path, const std::string &why) {
        try {
            saveLiaisonJsonFile(graphOf(2, "new"), path);
            ADD_FAILURE() << path << " was replaced";
        } catch (const IoError &e) {
            EXPECT_NE(std::string(e.what()).find(why), std::string::npos) << e.what();
        }
    };
    refused((dir / "fifo.json").string(), "it is a FIFO, not a regular file");
    refused((dir / "folder.json").string(), "it is a directory, not a regular file");
    refused("/dev/null", "it is a device, not a regular file");
    refused((dir / "linked.json").string(), "it has 2 hard links");
    EXPECT_TRUE(fs::is_fifo(dir / "fifo.json"));
    EXPECT_TRUE(fs::is_directory(dir / "folder.json"));
    EXPECT_TRUE(fs::is_character_file("/dev/null"));
    EXPECT_EQ(readWholeFile((dir / "other-name.json").string()), before);
    EXPECT_EQ(fs::hard_link_count(dir / "linked.json"), 2u);
    EXPECT_EQ(tempsIn(dir), 0u);
}

// Case 4: a 0600 graph stays 0600; a new file follows the umask (it was
// always 0644).
TEST(SafeSave, ModeOfTheOldFileIsKeptAndNewFilesFollowTheUmask)
{
    fs::path dir = test::scratchDir("save-mode");
    fs::path secret = dir / "secret.json";
    saveLiaisonJsonFile(graphOf(1, "a"), secret.string());
    ASSERT_EQ(::chmod(secret.c_str(), 0600), 0);
    saveLiaisonJsonFile(graphOf(2, "b"), secret.string());
    EXPECT_EQ(modeOf(secret), 0600u);

    fs::path input = test::sourceDir() / "schema/samples/valid/small.json";
    auto r = test::runCommand("umask 027; " + cli() + " import " + test::quoted(input) + " -o " + test::quoted(dir / "new.json"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(modeOf(dir / "new.json"), 0640u);
    r = test::runCommand("umask 077; " + cli() + " import " + test::quoted(input) + " -o " + test::quoted(dir / "private.json"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(modeOf(dir / "private.json"), 0600u);
}

// Case 5: -o naming an input is refused, except the graph imported --into.
TEST(SafeSave, OutputNamingAnInputIsRefusedUnlessItIsTheIntoGraph)
{
    fs::path dir = test::scratchDir("save-input");
    const std::string csv = "id,kind,name\nperson:a,person,A\n";
    test::writeFile(dir / "data.csv", csv);
    auto r = test::runCommand(cli() + " import " + test::quoted(dir / "data.csv") + " -o " + test::quoted(dir / "data.csv"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("it is the input"), std::string::npos) << r.err;
    EXPECT_EQ(readWholeFile((dir / "data.csv").string()), csv);

    ASSERT_EQ(test::runCommand(cli() + " import " + test::quoted(dir / "data.csv") + " -o " + test::quoted(dir / "G.json")).exitCode, 0);
    fs::create_symlink("G.json", dir / "alias.json");
    std::string graph = readWholeFile((dir / "G.json").string());
    for (const char *out : {"G.json", "alias.json"}) {
        r = test::runCommand(cli() + " export " + test::quoted(dir / "G.json") + " --focus person:a -o " + test::quoted(dir / out) +
                             " --format json");
        EXPECT_EQ(r.exitCode, 1) << out;
        EXPECT_NE(r.err.find("it is the input"), std::string::npos) << r.err;
    }
    EXPECT_EQ(readWholeFile((dir / "G.json").string()), graph);

    test::writeFile(dir / "more.csv", "id,kind,name\nperson:b,person,B\n");
    r = test::runCommand(cli() + " import " + test::quoted(dir / "more.csv") + " --into " + test::quoted(dir / "G.json") + " -o " +
                         test::quoted(dir / "alias.json"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(readLiaisonJsonFile((dir / "G.json").string()).entityCount(), 2u);
    EXPECT_TRUE(fs::is_symlink(dir / "alias.json"));
}

// Case 16: "imported ..." is printed only once the graph is saved.
TEST(SafeSave, SuccessIsReportedOnlyAfterTheSave)
{
    fs::path dir = test::scratchDir("save-report");
    test::writeFile(dir / "data.csv", "id,kind,name\nperson:a,person,A\n");
    auto r = test::runCommand(cli() + " import " + test::quoted(dir / "data.csv") + " -o " + test::quoted(dir / "no-such-dir/out.json"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.err.find("imported"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("no-such-dir/out.json"), std::string::npos) << r.err;
}

// Case 8: SIGTERM or SIGINT in the middle of a save removes the temp file;
// the old graph stays.
TEST(SafeSave, SigtermDuringASaveLeavesNoTempFile)
{
    fs::path dir = test::scratchDir("save-sigterm");
    const std::string path = (dir / "graph.json").string();
    GraphStore big = graphOf(test::kSanitized ? 100'000 : 300'000, "big");
    std::mt19937 random(10);
    int interrupted = 0;
    for (int round = 0; round < 6; ++round) {
        pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            try {
                for (;;) saveLiaisonJsonFile(big, path);
            } catch (...) {
            }
            ::_exit(3);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(20, 200)(random)));
        int signal = round % 2 ? SIGINT : SIGTERM;
        ::kill(child, signal);
        int status = 0;
        ASSERT_EQ(::waitpid(child, &status, 0), child);
        ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == signal) << "round " << round;
        ++interrupted;
        EXPECT_EQ(tempsIn(dir), 0u) << "round " << round;
    }
    EXPECT_EQ(interrupted, 6);
}

// Case 8: a temp that a killed save left (its process is gone) is removed by
// the next save of the same file; a running save's temp is not touched.
TEST(SafeSave, NextSaveRemovesStaleTempsOfDeadProcesses)
{
    fs::path dir = test::scratchDir("save-stale");
    pid_t gone = ::fork();
    if (gone == 0) ::_exit(0);
    ASSERT_EQ(::waitpid(gone, nullptr, 0), gone);
    const std::string stale = ".graph.json.tmp-" + std::to_string(gone) + "-AbC123";
    const std::string live = ".graph.json.tmp-" + std::to_string(::getppid()) + "-XyZ789";
    const std::string otherFile = ".other.json.tmp-" + std::to_string(gone) + "-AbC123";
    for (const std::string &name : {stale, live, otherFile}) test::writeFile(dir / name, "{\"liaison\": 1,");
    saveLiaisonJsonFile(graphOf(1, "a"), (dir / "graph.json").string());
    EXPECT_FALSE(fs::exists(dir / stale));
    EXPECT_TRUE(fs::exists(dir / live));
    EXPECT_TRUE(fs::exists(dir / otherFile));
}

// Case 3: concurrent imports into one graph file serialise; no update is lost.
TEST(SafeSave, ConcurrentImportsIntoOneGraphKeepEveryUpdate)
{
    fs::path dir = test::scratchDir("save-concurrent");
    fs::path graph = dir / "G.json";
    // Big enough that reading and saving it takes a while, so the imports overlap.
    saveLiaisonJsonFile(graphOf(test::kSanitized ? 5'000 : 20'000, "base"), graph.string());
    constexpr int kWriters = 4;
    std::string script;
    for (int i = 0; i < kWriters; ++i) {
        fs::path csv = dir / ("add" + std::to_string(i) + ".csv");
        test::writeFile(csv, "id,kind,name\nperson:new" + std::to_string(i) + ",person,New " + std::to_string(i) + "\n");
        script += cli() + " import --quiet " + test::quoted(csv) + " --into " + test::quoted(graph) + " -o " + test::quoted(graph) + " & ";
    }
    script += "fail=0; for j in $(jobs -p); do wait $j || fail=1; done; exit $fail\n";
    test::writeFile(dir / "run.sh", script);
    auto r = test::runCommand("bash " + test::quoted(dir / "run.sh"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    GraphStore after = readLiaisonJsonFile(graph.string());
    for (int i = 0; i < kWriters; ++i)
        EXPECT_NE(after.findById("person:new" + std::to_string(i)), kNoEntity) << "the update of import " << i << " was lost";
    EXPECT_EQ(tempsIn(dir), 0u);
}

} // namespace
} // namespace liaison
