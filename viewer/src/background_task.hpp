// One piece of long work (a file load, an export) on a worker thread, polled
// from the UI thread each frame. Exceptions thrown by the work are delivered
// as their what() text.
#pragma once

#include <chrono>
#include <exception>
#include <functional>
#include <future>
#include <optional>
#include <string>

namespace liaison::viewer {

template <class T>
class BackgroundTask {
public:
    struct Outcome {
        std::optional<T> value;
        std::string error;
    };

    // Starts `work` unless a task is already running; false if one is.
    bool start(std::function<T()> work) {
        if (running())
            return false;
        m_started = std::chrono::steady_clock::now();
        m_future = std::async(std::launch::async, std::move(work));
        return true;
    }
    bool running() const { return m_future.valid(); }
    double elapsedSeconds() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
    }
    // The outcome once, when the work has finished.
    std::optional<Outcome> poll() {
        if (!m_future.valid())
            return std::nullopt;
        if (m_future.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            return std::nullopt;
        Outcome outcome;
        try {
            outcome.value = m_future.get();
        } catch (const std::exception &e) {
            outcome.error = e.what();
        }
        return outcome;
    }

private:
    std::future<T> m_future;
    std::chrono::steady_clock::time_point m_started{};
};

} // namespace liaison::viewer
