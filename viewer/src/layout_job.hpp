// Layouts off the UI thread. Each request runs core's layoutView on its own
// std::jthread, which waits for core's layout worker process; a newer request
// cancels the older ones (their workers are killed), whose results are dropped.
//
// Threading: every member function is called from the UI thread only. The
// worker reads the store through a shared_ptr it holds, so the document may
// change (or close) while it runs.
#pragma once

#include "liaison/layout.hpp"

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace liaison::viewer {

// A finished layout together with what it was computed from.
struct LayoutSnapshot {
    std::shared_ptr<const GraphStore> store;
    View view;
    LayoutResult result;
};

struct LayoutOutcome {
    std::optional<LayoutSnapshot> snapshot; // set on success
    std::string error;                      // set on failure
};

// Graphviz (in core's worker process, bounded, falling back to quickLayout),
// or quickLayout at once: what the viewer opens views too big for Graphviz
// with, so something is on screen within seconds at any size.
enum class LayoutMethod { Graphviz, Quick };

// The status-bar line for a finished layout of `nodes` nodes: the engine
// that laid it out, or why Graphviz was not used and that the nodes were
// placed quickly instead (never silent about a fallback). `chosen` is the
// user's engine, which "Run layout" would try.
std::string layoutStatus(const LayoutResult &result, std::size_t nodes, LayoutEngine chosen);

class LayoutJobs {
public:
    LayoutJobs() = default;
    LayoutJobs(const LayoutJobs &) = delete;
    LayoutJobs &operator=(const LayoutJobs &) = delete;
    ~LayoutJobs(); // cancels and joins every worker

    // Starts laying out `view`; cancels any layout still running. `seed`
    // (may be null) becomes options.seed for the worker, which owns a share.
    void request(std::shared_ptr<const GraphStore> store, View view, LayoutOptions options,
                 LayoutMethod method = LayoutMethod::Graphviz, std::shared_ptr<const Positions> seed = nullptr);
    // The newest request's outcome once, when it has finished; nullopt before.
    std::optional<LayoutOutcome> poll();
    void cancel();

    bool running() const { return m_current != nullptr; }
    // Seconds since the running request started (0 when idle).
    double elapsedSeconds() const;
    std::chrono::milliseconds timeLimit() const;
    std::size_t runningNodeCount() const { return m_current ? m_current->nodeCount : 0; }
    // The running request's latest progress line ("laying out 1200 nodes with sfdp").
    std::string progressLine() const;
    // What the status bar and the Layout tab say while a layout runs:
    // "1200 nodes: laying out 1200 nodes and 3400 edges with sfdp ... 2.1 s
    // of 20 s"; "" when none runs.
    std::string progressText() const;

private:
    struct Job {
        std::atomic<bool> cancel{false};
        std::atomic<bool> done{false};
        std::mutex mutex;
        LayoutOutcome outcome; // written by the worker before `done`
        std::string progress;  // latest progress line, under `mutex`
        std::chrono::steady_clock::time_point started;
        std::chrono::milliseconds limit{0};
        std::size_t nodeCount = 0;
        std::jthread thread; // declared last: joined before the rest is destroyed
    };
    void reap();

    std::shared_ptr<Job> m_current;
    std::vector<std::shared_ptr<Job>> m_stale; // cancelled, still finishing
};

} // namespace liaison::viewer
