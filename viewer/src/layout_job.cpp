#include "layout_job.hpp"

#include "liaison/errors.hpp"
#include "liaison/quick_layout.hpp"

#include <cstdio>
#include <exception>

namespace liaison::viewer {

std::string layoutStatus(const LayoutResult &result, std::size_t nodes, LayoutEngine chosen) {
    const std::string count = std::to_string(nodes) + " nodes";
    if (result.fromStoredPositions)
        return "Placed " + count + " where they were saved; \"Run layout\" in the Layout tab lays them out afresh";
    if (!result.placedQuickly)
        return "Laid out " + count + " with " + std::string(layoutEngineName(result.engine));
    // quickLayoutInstead: why Graphviz was not used first, its own line last.
    std::string why;
    for (std::size_t i = 0; i + 1 < result.messages.size(); ++i)
        why += (why.empty() ? "" : "; ") + result.messages[i];
    if (!why.empty())
        return why + "; placed " + count + " quickly instead (straight edges)";
    return "Placed " + count + " quickly (straight edges); \"Run layout\" in the Layout tab tries " +
           std::string(layoutEngineName(chosen));
}

LayoutJobs::~LayoutJobs() {
    cancel();
    // Job destructors join their threads.
}

void LayoutJobs::request(std::shared_ptr<const GraphStore> store, View view, LayoutOptions options,
                         LayoutMethod method, std::shared_ptr<const Positions> seed) {
    cancel();
    auto job = std::make_shared<Job>();
    job->started = std::chrono::steady_clock::now();
    // Graphviz runs in core's layout worker process, spawned (never forked)
    // and killed on cancel, so every request is cancellable.
    options.cancel = &job->cancel;
    job->limit = options.timeLimit;
    job->nodeCount = view.entities.size();
    Job *raw = job.get();
    options.progress = [raw](std::string_view line) {
        std::lock_guard lock(raw->mutex);
        raw->progress = line;
    };
    job->thread = std::jthread([raw, store = std::move(store), view = std::move(view), options, method,
                                seed = std::move(seed)]() mutable {
        options.seed = seed.get();
        LayoutOutcome outcome;
        try {
            LayoutResult result;
            try {
                result = method == LayoutMethod::Quick ? quickLayoutInstead(*store, view, options)
                                                       : layoutView(*store, view, options);
            } catch (const LayoutError &e) {
                if (raw->cancel.load())
                    throw; // dropped anyway
                // Never an empty canvas: Graphviz failed (not just slow,
                // which layoutView handles), so place the nodes ourselves
                // and say why in the status bar.
                result = quickLayoutInstead(*store, view, options, {e.what()});
            }
            outcome.snapshot = LayoutSnapshot{store, view, std::move(result)};
        } catch (const std::exception &e) {
            outcome.error = e.what();
        }
        {
            std::lock_guard lock(raw->mutex);
            raw->outcome = std::move(outcome);
        }
        raw->done.store(true, std::memory_order_release);
    });
    m_current = std::move(job);
}

std::optional<LayoutOutcome> LayoutJobs::poll() {
    reap();
    if (!m_current || !m_current->done.load(std::memory_order_acquire))
        return std::nullopt;
    LayoutOutcome outcome;
    {
        std::lock_guard lock(m_current->mutex);
        outcome = std::move(m_current->outcome);
    }
    m_current.reset(); // joins the finished thread
    return outcome;
}

void LayoutJobs::cancel() {
    if (!m_current)
        return;
    m_current->cancel.store(true);
    m_stale.push_back(std::move(m_current));
    m_current.reset();
}

void LayoutJobs::reap() {
    std::erase_if(m_stale, [](const std::shared_ptr<Job> &job) { return job->done.load(); });
}

double LayoutJobs::elapsedSeconds() const {
    if (!m_current)
        return 0;
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_current->started).count();
}

std::string LayoutJobs::progressLine() const {
    if (!m_current)
        return {};
    std::lock_guard lock(m_current->mutex);
    return m_current->progress;
}

std::string LayoutJobs::progressText() const {
    if (!running())
        return {};
    const std::string line = progressLine();
    char time[64];
    const double limit = static_cast<double>(timeLimit().count()) / 1000.0;
    if (limit > 0)
        std::snprintf(time, sizeof time, " ... %.1f s of %.0f s", elapsedSeconds(), limit);
    else
        std::snprintf(time, sizeof time, " ... %.1f s", elapsedSeconds());
    return std::to_string(runningNodeCount()) + " nodes: " + (line.empty() ? "starting the layout worker" : line) +
           time;
}

std::chrono::milliseconds LayoutJobs::timeLimit() const {
    return m_current ? m_current->limit : std::chrono::milliseconds{0};
}

} // namespace liaison::viewer
