// Layouts off the UI thread. Each request runs core's layoutView on its own
// std::jthread (core serialises Graphviz internally); a newer request cancels
// the older ones, whose results are then dropped.
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

class LayoutJobs {
public:
    LayoutJobs() = default;
    LayoutJobs(const LayoutJobs &) = delete;
    LayoutJobs &operator=(const LayoutJobs &) = delete;
    ~LayoutJobs(); // cancels and joins every worker

    // Starts laying out `view`; cancels any layout still running. `seed`
    // (may be null) becomes options.seed for the worker, which owns a share.
    void request(std::shared_ptr<const GraphStore> store, View view, LayoutOptions options,
                 std::shared_ptr<const Positions> seed = nullptr);
    // The newest request's outcome once, when it has finished; nullopt before.
    std::optional<LayoutOutcome> poll();
    void cancel();

    bool running() const { return m_current != nullptr; }
    // Seconds since the running request started (0 when idle).
    double elapsedSeconds() const;
    std::chrono::milliseconds timeLimit() const;
    std::size_t runningNodeCount() const { return m_current ? m_current->nodeCount : 0; }

private:
    struct Job {
        std::atomic<bool> cancel{false};
        std::atomic<bool> done{false};
        std::mutex mutex;
        LayoutOutcome outcome; // written by the worker before `done`
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
