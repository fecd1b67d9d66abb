// layout_bench: Liaison's Graphviz layout (layoutView, renderDiagram: the
// graph built in-process, laid out in liaison-layout-worker) against the
// Graphviz command line on the same graph and engine, in the same run.
//
//   layout_bench [--engines sfdp,neato,dot] [--runs N] FILE...
//
// FILE is Liaison JSON, or anything a built-in loader reads (e.g. a .gv file,
// through the DOT loader). For each file and engine, renderDiagram(Dot) gives
// the DOT text Liaison lays out; it is written to a temporary file and
// `dot -K<engine> -Tsvg` runs on it. Runs alternate in-process and command
// line; times are medians of N runs, wall and CPU (user + system; for the
// command line, of the child process). CPU time is the fairer figure on a
// busy machine. layoutView is shown for reference: it lays out the viewer's
// graph (no title, no legend), not the same DOT.
// "cold" is the first in-process call of the process (it creates the Graphviz
// context, reads the plugin configuration and initialises fontconfig, as every
// command-line run does).
#include "bench_util.hpp"

#include "liaison/import_batch.hpp"
#include "liaison/json_io.hpp"
#include "liaison/layout.hpp"
#include "liaison/plugin_host.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <fcntl.h>
#include <spawn.h>
#include <string>
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

} // namespace

int main(int argc, char **argv)
{
    std::vector<std::string> files, engines{"sfdp", "neato", "dot"};
    int runs = 3;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--engines" && i + 1 < argc)
            engines = split(argv[++i]);
        else if (a == "--runs" && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (a[0] != '-')
            files.push_back(a);
        else
            files.clear(), i = argc;
    }
    if (files.empty()) {
        std::fprintf(stderr, "usage: layout_bench [--engines sfdp,neato,dot] [--runs N] FILE...\n");
        return 1;
    }
    try {
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
