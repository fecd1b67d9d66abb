#include "layout_job.hpp"

#include <exception>

namespace liaison::viewer {

LayoutJobs::~LayoutJobs() {
    cancel();
    // Job destructors join their threads.
}

void LayoutJobs::request(std::shared_ptr<const GraphStore> store, View view, LayoutOptions options,
                         std::shared_ptr<const Positions> seed) {
    cancel();
    auto job = std::make_shared<Job>();
    job->started = std::chrono::steady_clock::now();
    // Small views are laid out right here on the worker thread: they take well
    // under a second, and the bounded path forks a child from this
    // multi-threaded process, which can wait forever on a lock another thread
    // held at the fork. Larger views keep the bounded, cancellable child.
    constexpr std::size_t kInProcessLayoutLimit = 500;
    if (view.entities.size() < kInProcessLayoutLimit)
        options.timeLimit = std::chrono::milliseconds{0};
    else
        options.cancel = &job->cancel;
    job->limit = options.timeLimit;
    job->nodeCount = view.entities.size();
    Job *raw = job.get();
    job->thread = std::jthread([raw, store = std::move(store), view = std::move(view), options,
                                seed = std::move(seed)]() mutable {
        options.seed = seed.get();
        LayoutOutcome outcome;
        try {
            LayoutResult result = layoutView(*store, view, options);
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

std::chrono::milliseconds LayoutJobs::timeLimit() const {
    return m_current ? m_current->limit : std::chrono::milliseconds{0};
}

} // namespace liaison::viewer
