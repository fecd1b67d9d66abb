// layout_bench: Liaison's Graphviz layout (layoutView, renderDiagram: the
// graph built in-process, laid out in liaison-layout-worker) against the
// Graphviz command line on the same graph and engine, in the same run.
//
//   layout_bench [--engines sfdp,neato,dot] [--runs N] FILE...
//   layout_bench --kill-limit SECONDS [--runs N] FILE...
//
// FILE is Liaison JSON, or anything a built-in loader reads (e.g. a .gv file,
// through the DOT loader). For each file and engine, renderDiagram(Dot) gives
// the DOT text Liaison lays out; it is written to a temporary file and
// `dot -K<engine> -Tsvg` runs on it. Runs alternate in-process and command
// line; times are medians of N runs, wall and CPU (user + system; for the
// command line, of the child process). CPU time is the fairer figure on a
// busy machine. layoutView is shown for reference: it lays out the viewer's
// graph (no title, no legend), not the same DOT.
// --kill-limit: lays FILE out with dot (which does not finish on a few
// thousand nodes) under a time limit of SECONDS, and measures when the dot
// worker process is gone (polled every 2 ms), counted from the layoutView call:
// how far past the limit the worker is killed (an upper bound: it includes
// building the graph and starting the worker, before the limit's clock starts).
// "cold" is the first in-process call of the process (it creates the Graphviz
// context, reads the plugin configuration and initialises fontconfig, as every
// command-line run does).
#include "bench_util.hpp"

#include "liaison/import_batch.hpp"
#include "liaison/json_io.hpp"
#include "liaison/layout.hpp"
#include "liaison/plugin_host.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <fcntl.h>
#include <spawn.h>
#include <string>
#include <thread>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <vector>

extern char **environ;

using namespace liaison;
using namespace liaison::bench;

namespace {

GraphStore loadAny(const std::string &path)
{
    if (path.size() > 5 && path.ends_with(".json"))
        return readLiaisonJsonFile(path);
    PluginHost host;
    ImportBatch batch = host.loadFile(path);
    GraphStore store;
    ImportOptions options;
    options.lenient = true;
    commitBatch(store, batch, options);
    return store;
}

struct Timing {
    double wall = -1, cpu = -1; // seconds; -1 when the run failed
};

double cpuOf(const rusage &usage)
{
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Runs argv with stdout and stderr to /dev/null.
Timing timeCommand(const std::vector<std::string> &argv)
{
    std::vector<char *> args;
    for (const std::string &a : argv)
        args.push_back(const_cast<char *>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    Stopwatch clock;
    pid_t pid = 0;
    int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        return {};
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0) {
    }
    Timing timing{clock.seconds(), cpuOf(usage)};
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? timing : Timing{};
}

// CPU of this process and of the layout workers it reaped (Graphviz runs in
// liaison-layout-worker since issue 14).
double cpuWithWorkers()
{
    rusage self{}, children{};
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &children);
    return cpuOf(self) + cpuOf(children);
}

Timing timeCall(const std::function<void()> &call)
{
    double cpu = cpuWithWorkers();
    Stopwatch clock;
    call();
    return {clock.seconds(), cpuWithWorkers() - cpu};
}

double median(const std::vector<Timing> &timings, double Timing::*field)
{
    std::vector<double> values;
    for (const Timing &t : timings)
        values.push_back(t.*field);
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

std::string formatSeconds(double s)
{
    char text[32];
    if (s < 0)
        return "failed";
    if (s < 1)
        std::snprintf(text, sizeof text, "%.1fms", s * 1000);
    else
        std::snprintf(text, sizeof text, "%.2fs", s);
    return text;
}

std::vector<std::string> split(const std::string &text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string::npos)
            comma = text.size();
        if (comma > start)
            out.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

bool g_cold = true;

void benchOne(const std::string &path, const GraphStore &store, LayoutEngine engine, int runs)
{
    const View view = wholeGraph(store);
    LayoutOptions options;
    options.engine = engine;
    // Building the styled graph without layout: the in-process share that the
    // command line replaces by parsing the DOT file.
    std::string dot;
    const Timing build = timeCall([&] { dot = renderDiagram(store, view, DiagramFormat::Dot, options); });
    const std::string dotFile =
        (std::filesystem::temp_directory_path() / ("layout_bench_" + std::to_string(::getpid()) + ".dot")).string();
    std::ofstream(dotFile, std::ios::binary) << dot;
    const std::string k = "-K" + std::string(layoutEngineName(engine));

    Timing cold;
    std::vector<Timing> render, layout, cli;
    for (int i = 0; i < runs; ++i) {
        Timing t = timeCall([&] { renderDiagram(store, view, DiagramFormat::Svg, options); });
        if (g_cold) {
            cold = t;
            g_cold = false;
        }
        render.push_back(t);
        cli.push_back(timeCommand({"dot", k, "-Tsvg", dotFile, "-o", "/dev/null"}));
        layout.push_back(timeCall([&] { layoutView(store, view, options); }));
    }
    std::filesystem::remove(dotFile);

    const double rw = median(render, &Timing::wall), rc = median(render, &Timing::cpu);
    const double cw = median(cli, &Timing::wall), cc = median(cli, &Timing::cpu);
    std::string note = cold.wall >= 0 ? " cold render " + formatSeconds(cold.wall) + " wall" : "";
    std::printf("| %s | %zu/%zu | %s | %s | %s | %.2fx | %s | %s | %.2fx | %s | %s |%s\n",
                std::filesystem::path(path).filename().c_str(), view.entities.size(), view.relations.size(),
                std::string(layoutEngineName(engine)).c_str(), formatSeconds(rw).c_str(), formatSeconds(cw).c_str(),
                cw > 0 ? rw / cw : 0.0, formatSeconds(rc).c_str(), formatSeconds(cc).c_str(), cc > 0 ? rc / cc : 0.0,
                formatSeconds(median(layout, &Timing::wall)).c_str(), formatSeconds(build.cpu).c_str(), note.c_str());
    std::fflush(stdout);
}

// The running liaison-layout-worker children of this process.
std::vector<pid_t> layoutWorkers()
{
    std::vector<pid_t> found;
    std::error_code ec;
    for (const auto &entry : std::filesystem::directory_iterator("/proc", ec)) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos)
            continue;
        std::ifstream in(entry.path() / "stat");
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        auto close = text.rfind(')');
        if (close == std::string::npos || text.find("(liaison-layout-") == std::string::npos)
            continue;
        char state = '?';
        long parent = 0;
        std::sscanf(text.c_str() + close + 1, " %c %ld", &state, &parent);
        if (parent == ::getpid() && state != 'Z' && state != 'X')
            found.push_back(static_cast<pid_t>(std::stol(name)));
    }
    return found;
}

bool running(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto close = text.rfind(')');
    return close != std::string::npos && text[close + 2] != 'Z' && text[close + 2] != 'X';
}

// Seconds past `limit` at which the dot worker was gone, one line per run.
int benchKill(const std::vector<std::string> &files, double limit, int runs)
{
    using Clock = std::chrono::steady_clock;
    std::printf("| graph | nodes/edges | limit | worker gone after (s, per run) | past the limit, max |\n|---|---|---|---|---|\n");
    for (const std::string &file : files) {
        GraphStore store = loadAny(file);
        const View view = wholeGraph(store);
        std::vector<double> gone;
        for (int run = 0; run < runs; ++run) {
            std::atomic<bool> cancel{false};
            std::atomic<double> goneAt{-1};
            std::atomic<bool> watching{true};
            const auto start = Clock::now();
            // Finds the dot worker, then waits for it to be gone; cancels the
            // fallback so the run ends there.
            std::thread watcher([&] {
                std::vector<pid_t> workers;
                while (watching && workers.empty()) {
                    workers = layoutWorkers();
                    std::this_thread::sleep_for(std::chrono::milliseconds(2));
                }
                while (watching && !workers.empty() && running(workers.front()))
                    std::this_thread::sleep_for(std::chrono::milliseconds(2));
                if (!workers.empty())
                    goneAt = std::chrono::duration<double>(Clock::now() - start).count();
                cancel = true;
            });
            LayoutOptions options;
            options.engine = LayoutEngine::Dot;
            options.timeLimit = std::chrono::milliseconds(static_cast<long>(limit * 1000));
            options.cancel = &cancel;
            try {
                layoutView(store, view, options);
            } catch (const std::exception &) {
                // cancelled once the dot worker was gone
            }
            watching = false;
            watcher.join();
            gone.push_back(goneAt);
        }
        std::string list;
        double worst = 0;
        for (double g : gone) {
            char text[32];
            std::snprintf(text, sizeof text, "%s%.3f", list.empty() ? "" : ", ", g);
            list += text;
            worst = std::max(worst, g - limit);
        }
        std::printf("| %s | %zu/%zu | %.1f s | %s | %.3f s |\n", std::filesystem::path(file).filename().c_str(),
                    store.entityCount(), store.relationCount(), limit, list.c_str(), worst);
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<std::string> files, engines{"sfdp", "neato", "dot"};
    int runs = 3;
    double killLimit = 0;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--kill-limit" && i + 1 < argc)
            killLimit = std::atof(argv[++i]);
        else if (a == "--engines" && i + 1 < argc)
            engines = split(argv[++i]);
        else if (a == "--runs" && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (a[0] != '-')
            files.push_back(a);
        else
            files.clear(), i = argc;
    }
    if (files.empty()) {
        std::fprintf(stderr, "usage: layout_bench [--engines sfdp,neato,dot] [--runs N] FILE...\n"
                             "       layout_bench --kill-limit SECONDS [--runs N] FILE...\n");
        return 1;
    }
    try {
        if (killLimit > 0)
            return benchKill(files, killLimit, runs);
        std::printf("| graph | nodes/edges | engine | renderDiagram wall | dot -Tsvg wall | ratio | renderDiagram cpu | "
                    "dot -Tsvg cpu | ratio | layoutView wall | build+DOT cpu |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (const std::string &file : files) {
            GraphStore store = loadAny(file);
            for (const std::string &engine : engines)
                benchOne(file, store, parseLayoutEngine(engine), runs);
        }
    } catch (const std::exception &error) {
        std::fprintf(stderr, "layout_bench: %s\n", error.what());
        return 1;
    }
    return 0;
}
