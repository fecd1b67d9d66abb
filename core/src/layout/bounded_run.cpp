#include "layout/bounded_run.hpp"

#include "liaison/errors.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>

#include <csignal>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace liaison::graphviz {

namespace {

using Clock = std::chrono::steady_clock;

enum class ChildStatus { Finished, TimedOut, Cancelled };

bool cancelled(const LayoutOptions &options)
{
    return options.cancel && options.cancel->load(std::memory_order_relaxed);
}

// Only async-signal-safe calls between fork and _exit besides the work itself.
bool writeAll(int fd, const std::string &bytes)
{
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

[[noreturn]] void childMain(int fd, LayoutEngine engine, const EngineWork &work)
{
    std::string reply;
    try {
        reply = 'R' + work(engine);
    } catch (const std::exception &error) {
        reply = std::string("E") + error.what();
    }
    ::_exit(writeAll(fd, reply) ? 0 : 3);
}

std::string exitDescription(int status)
{
    if (WIFSIGNALED(status))
        return "was killed by signal " + std::to_string(WTERMSIG(status)) + " (" +
               strsignal(WTERMSIG(status)) + ")";
    return "exited with status " + std::to_string(WEXITSTATUS(status));
}

// Runs work(engine) in a child; the reply ('R' payload / 'E' message) in `reply`.
ChildStatus runChild(const LayoutOptions &options, LayoutEngine engine, const EngineWork &work,
                     std::string &reply)
{
    int fds[2];
    if (::pipe(fds) != 0)
        throw LayoutError(std::string("cannot create a pipe for Graphviz: ") + std::strerror(errno));
    pid_t pid = ::fork();
    if (pid < 0) {
        int error = errno;
        ::close(fds[0]);
        ::close(fds[1]);
        throw LayoutError(std::string("cannot start a Graphviz process: ") + std::strerror(error));
    }
    if (pid == 0) {
        ::close(fds[0]);
        childMain(fds[1], engine, work);
    }
    ::close(fds[1]);

    const bool bounded = options.timeLimit.count() > 0;
    const auto deadline = Clock::now() + options.timeLimit;
    std::optional<ChildStatus> stopped;
    char buffer[1 << 16];
    for (;;) {
        if (cancelled(options)) {
            stopped = ChildStatus::Cancelled;
            break;
        }
        auto wait = std::chrono::milliseconds(50);
        if (bounded) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            if (left.count() <= 0) {
                stopped = ChildStatus::TimedOut;
                break;
            }
            wait = std::min(wait, left);
        }
        pollfd p{fds[0], POLLIN, 0};
        int ready = ::poll(&p, 1, static_cast<int>(wait.count()));
        if (ready < 0 && errno != EINTR)
            break;
        if (ready <= 0)
            continue;
        ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break; // EOF: the child is done
        reply.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    if (stopped)
        ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (stopped)
        return *stopped;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || reply.empty())
        throw LayoutError("Graphviz (" + std::string(layoutEngineName(engine)) + ") " +
                          exitDescription(status));
    return ChildStatus::Finished;
}

std::string unwrap(const std::string &reply)
{
    if (reply.front() == 'E')
        throw LayoutError(reply.substr(1));
    return reply.substr(1);
}

std::string milliseconds(std::chrono::milliseconds ms) { return std::to_string(ms.count()) + " ms"; }

} // namespace

void throwIfCancelled(const LayoutOptions &options)
{
    if (cancelled(options))
        throw LayoutError("layout (" + std::string(layoutEngineName(options.engine)) +
                          ") cancelled");
}

BoundedResult runBounded(const Lock &lock, const LayoutOptions &options, const EngineWork &work)
{
    throwIfCancelled(options);
    BoundedResult result;
    result.engine = options.engine;
    if (options.timeLimit.count() <= 0 && !options.cancel) {
        result.payload = work(options.engine);
        return result;
    }
    // Created here so every child inherits it instead of re-reading config6a.
    context(lock);
    std::vector<LayoutEngine> engines{options.engine};
    if (options.engine != LayoutEngine::Sfdp)
        engines.push_back(LayoutEngine::Sfdp);
    std::string timedOut;
    for (std::size_t i = 0; i < engines.size(); ++i) {
        const LayoutEngine engine = engines[i];
        std::string reply;
        switch (runChild(options, engine, work, reply)) {
        case ChildStatus::Finished:
            result.payload = unwrap(reply);
            result.engine = engine;
            return result;
        case ChildStatus::Cancelled:
            throw LayoutError("layout (" + std::string(layoutEngineName(engine)) + ") cancelled");
        case ChildStatus::TimedOut:
            break;
        }
        std::string notice = std::string(layoutEngineName(engine)) + " did not finish within " +
                             milliseconds(options.timeLimit);
        if (i + 1 < engines.size())
            notice += "; fell back to " + std::string(layoutEngineName(engines.back()));
        result.notices.push_back(notice);
        timedOut += (timedOut.empty() ? "" : "; ") + notice;
    }
    throw LayoutError("layout gave up: " + timedOut);
}

} // namespace liaison::graphviz
