// The layout worker process (issue 14, part 1): Graphviz runs in a spawned
// executable that never outlives its parent, is killed at the time limit,
// and lets several threads lay out at once.
#include "layout_fixture.hpp"
#include "test_paths.hpp"

#include "liaison/errors.hpp"
#include "liaison/json_io.hpp"
#include "liaison/layout.hpp"
#include "liaison/view.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace liaison;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::string_view kWorkerName = "liaison-layout-worker";

// "pid (comm) state ppid ...": the state and the parent, or nullopt when gone.
struct ProcStat {
    char state = '?';
    pid_t parent = 0;
};
std::optional<ProcStat> procStat(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto close = text.rfind(')');
    if (close == std::string::npos)
        return std::nullopt;
    ProcStat stat;
    std::istringstream rest(text.substr(close + 1));
    rest >> stat.state >> stat.parent;
    return stat;
}

bool isWorker(pid_t pid)
{
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/" + std::to_string(pid) + "/exe", ec);
    return !ec && exe.filename() == kWorkerName;
}

// Running (not zombie) layout workers whose parent is `parent`.
std::vector<pid_t> workersOf(pid_t parent)
{
    std::vector<pid_t> found;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator("/proc", ec)) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos)
            continue;
        const pid_t pid = static_cast<pid_t>(std::stol(name));
        auto stat = procStat(pid);
        if (stat && stat->parent == parent && stat->state != 'Z' && isWorker(pid))
            found.push_back(pid);
    }
    return found;
}

// Gone, or a zombie nobody reaped yet (it runs no more code either way).
bool finished(pid_t pid)
{
    auto stat = procStat(pid);
    return !stat || stat->state == 'Z' || stat->state == 'X';
}

// How long a test waits for a process that must leave before calling it a
// failure: a hang guard, not a speed target (it leaves in milliseconds; a
// loaded sanitizer run may still take seconds to schedule the reaper).
constexpr std::chrono::seconds kGone{30};

// True as soon as `predicate` holds; false when `limit` passed first.
template <typename Predicate>
bool waitFor(Predicate predicate, std::chrono::milliseconds limit)
{
    const auto deadline = Clock::now() + limit;
    while (Clock::now() < deadline) {
        if (predicate())
            return true;
        std::this_thread::sleep_for(20ms);
    }
    return predicate();
}

pid_t spawn(const std::vector<std::string> &args, posix_spawn_file_actions_t *actions = nullptr)
{
    std::vector<char *> argv;
    std::vector<std::string> copies = args;
    for (std::string &arg : copies)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    int rc = ::posix_spawn(&pid, argv[0], actions, nullptr, argv.data(), environ);
    EXPECT_EQ(rc, 0) << "cannot start " << args.front();
    return pid;
}

int reap(pid_t pid)
{
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

} // namespace

TEST(LayoutWorker, LayoutRunsInAWorkerProcessThatIsGoneAfterwards)
{
    GraphStore store = test::smallStore();
    std::vector<std::string> lines;
    std::vector<pid_t> workersDuringLayout;
    LayoutOptions options;
    options.progress = [&](std::string_view line) {
        lines.emplace_back(line);
        if (workersDuringLayout.empty())
            workersDuringLayout = workersOf(::getpid());
    };
    LayoutResult result = layoutView(store, wholeGraph(store), options);
    EXPECT_EQ(result.nodes.size(), store.entityCount());
    EXPECT_FALSE(workersDuringLayout.empty()) << "Graphviz ran in this process";
    EXPECT_TRUE(workersOf(::getpid()).empty()) << "a worker was left running";
    ASSERT_FALSE(lines.empty());
    bool sawLayingOut = false;
    for (const std::string &line : lines)
        sawLayingOut |= line.find("laying out " + std::to_string(store.entityCount()) + " nodes") == 0;
    EXPECT_TRUE(sawLayingOut) << "no progress line names the layout";
}

// Each thread's layout must be exactly what the same layout gives alone: no
// cross-talk between workers, no shared Graphviz state (runs under ASan too).
TEST(LayoutWorker, LayoutsFromSeveralThreadsAtOnceAreEachRight)
{
    std::vector<GraphStore> stores;
    for (int i = 0; i < 4; ++i)
        stores.push_back(test::denseStore(20 + 15 * i, 40 + 30 * i));
    std::vector<LayoutResult> alone;
    for (const GraphStore &store : stores)
        alone.push_back(layoutView(store, wholeGraph(store), {}));

    std::vector<std::optional<LayoutResult>> together(stores.size() * 2);
    std::vector<std::string> errors(together.size());
    {
        std::vector<std::jthread> threads;
        for (std::size_t t = 0; t < together.size(); ++t)
            threads.emplace_back([&, t] {
                const GraphStore &store = stores[t % stores.size()];
                try {
                    together[t] = layoutView(store, wholeGraph(store), {});
                } catch (const std::exception &error) {
                    errors[t] = error.what();
                }
            });
    }
    for (std::size_t t = 0; t < together.size(); ++t) {
        ASSERT_TRUE(together[t]) << errors[t];
        const LayoutResult &expected = alone[t % stores.size()];
        ASSERT_EQ(together[t]->nodes.size(), expected.nodes.size());
        for (std::size_t i = 0; i < expected.nodes.size(); ++i) {
            EXPECT_EQ(together[t]->nodes[i].entity, expected.nodes[i].entity);
            // sfdp's last digits vary between processes; a mix-up moves nodes by far more.
            EXPECT_NEAR(together[t]->nodes[i].centre.x, expected.nodes[i].centre.x, 0.5);
            EXPECT_NEAR(together[t]->nodes[i].centre.y, expected.nodes[i].centre.y, 0.5);
        }
    }
}

TEST(LayoutWorker, KilledAtTheTimeLimitThenTheFallbackRuns)
{
    GraphStore store = test::denseStore(150, 600); // dot needs > 20 s
    LayoutOptions options;
    options.engine = LayoutEngine::Dot;
    options.timeLimit = 1s;
    std::vector<pid_t> dotWorkers;
    std::optional<bool> dotGoneWhenSfdpStarted;
    options.progress = [&](std::string_view line) {
        if (line.find("with dot") != std::string_view::npos && dotWorkers.empty())
            dotWorkers = workersOf(::getpid());
        if (line.find("with sfdp") != std::string_view::npos && !dotGoneWhenSfdpStarted)
            dotGoneWhenSfdpStarted = dotWorkers.size() == 1 && finished(dotWorkers.front());
    };
    LayoutResult result = layoutView(store, wholeGraph(store), options);
    EXPECT_EQ(result.engine, LayoutEngine::Sfdp);
    ASSERT_EQ(dotWorkers.size(), 1u);
    ASSERT_TRUE(dotGoneWhenSfdpStarted) << "sfdp never ran";
    // The dot worker was killed and reaped before sfdp's was started (how
    // soon after the limit is bench/'s measure, not a unit test's).
    EXPECT_TRUE(*dotGoneWhenSfdpStarted);
    EXPECT_TRUE(workersOf(::getpid()).empty());
}

TEST(LayoutWorker, CancelKillsTheWorkerAtOnce)
{
    GraphStore store = test::denseStore(150, 600);
    std::atomic<bool> cancel{false};
    LayoutOptions options;
    options.engine = LayoutEngine::Dot;
    options.cancel = &cancel;
    std::vector<pid_t> workers;
    options.progress = [&](std::string_view line) {
        if (line.find("laying out") == 0) {
            workers = workersOf(::getpid());
            cancel = true;
        }
    };
    EXPECT_THROW(layoutView(store, wholeGraph(store), options), LayoutError);
    ASSERT_EQ(workers.size(), 1u);
    EXPECT_TRUE(finished(workers.front()));
}

// The parent died before the worker could ask to die with it.
TEST(LayoutWorker, WorkerOfAnotherParentLeavesAtOnce)
{
    pid_t worker = spawn({LIAISON_LAYOUT_WORKER_PATH, "--parent", "1"});
    const int status = reap(worker);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 65);
}

// Nobody reads the answer any more: the worker leaves even while it waits for
// its request (a parent that vanished in a way PDEATHSIG does not report).
TEST(LayoutWorker, WorkerLeavesWhenItsAnswerPipeIsClosed)
{
    int request[2], answer[2];
    ASSERT_EQ(::pipe2(request, O_CLOEXEC), 0);
    ASSERT_EQ(::pipe2(answer, O_CLOEXEC), 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, request[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, answer[1], STDOUT_FILENO);
    pid_t worker = spawn({LIAISON_LAYOUT_WORKER_PATH, "--parent", std::to_string(::getpid())}, &actions);
    posix_spawn_file_actions_destroy(&actions);
    ::close(request[0]);
    ::close(answer[1]);
    std::this_thread::sleep_for(200ms);
    EXPECT_FALSE(finished(worker)) << "the worker should wait for its request";
    ::close(answer[0]);
    EXPECT_TRUE(waitFor([&] { return finished(worker); }, kGone));
    ::kill(worker, SIGKILL);
    reap(worker);
    ::close(request[1]);
}

// `liaison export` killed mid-layout leaves no Graphviz process behind.
class ExportKilledMidLayout : public ::testing::TestWithParam<int> {};

TEST_P(ExportKilledMidLayout, LeavesNoWorker)
{
    const fs::path dir = test::scratchDir("killed-export");
    const fs::path graph = dir / "dense.json";
    saveLiaisonJsonFile(test::denseStore(150, 600), graph.string());
    pid_t cli = spawn({test::cliPath().string(), "export", graph.string(), "--format", "svg",
                       "--layout", "dot", "-o", (dir / "out.svg").string()});
    std::vector<pid_t> workers;
    const bool started = waitFor([&] { return !(workers = workersOf(cli)).empty(); }, 60s);
    ::kill(cli, GetParam());
    reap(cli);
    ASSERT_TRUE(started) << "the export never started a layout worker";
    ASSERT_EQ(workers.size(), 1u);
    EXPECT_TRUE(waitFor([&] { return finished(workers.front()); }, kGone))
        << "worker " << workers.front() << " outlived its parent";
    ::kill(workers.front(), SIGKILL); // never leave one running, even on failure
    fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Signals, ExportKilledMidLayout, ::testing::Values(SIGKILL, SIGTERM, SIGINT),
                         [](const auto &info) { return std::string(sigabbrev_np(info.param)); });

// Graphviz ran out of time with every engine: the picture is still there,
// placed by quickLayout, and the messages say so.
TEST(LayoutWorker, EnginesOutOfTimeStillGiveAPlacement)
{
    GraphStore store = test::denseStore(150, 600);
    LayoutOptions options;
    options.engine = LayoutEngine::Dot;
    options.timeLimit = 50ms; // less than a worker needs to start Graphviz
    LayoutResult result = layoutView(store, wholeGraph(store), options);
    EXPECT_TRUE(result.placedQuickly);
    ASSERT_EQ(result.nodes.size(), store.entityCount());
    ASSERT_EQ(result.edges.size(), store.relationCount());
    std::string messages;
    for (const std::string &m : result.messages)
        messages += m + "\n";
    EXPECT_NE(messages.find("dot did not finish within 50 ms"), std::string::npos) << messages;
    EXPECT_NE(messages.find("sfdp did not finish"), std::string::npos) << messages;
    EXPECT_NE(messages.find("quick"), std::string::npos) << messages;
    EXPECT_TRUE(workersOf(::getpid()).empty());
}

TEST(LayoutWorker, ExportWithEnginesOutOfTimeDrawsThePlacedNodes)
{
    // Big enough that neither dot nor sfdp finishes in 50 ms on a quiet, fast
    // machine (60 nodes did: dot finished and the test saw no fallback).
    GraphStore store = test::denseStore(150, 600);
    LayoutOptions options;
    options.engine = LayoutEngine::Dot;
    options.timeLimit = 50ms;
    std::vector<std::string> messages;
    options.messages = &messages;
    std::string svg = renderDiagram(store, wholeGraph(store), DiagramFormat::Svg, options);
    std::size_t nodes = 0;
    for (std::size_t at = svg.find("class=\"node\""); at != std::string::npos;
         at = svg.find("class=\"node\"", at + 1))
        ++nodes;
    EXPECT_EQ(nodes, store.entityCount() + 1); // and the legend
    std::string all;
    for (const std::string &m : messages)
        all += m + "\n";
    EXPECT_NE(all.find("quick"), std::string::npos) << all;
}
