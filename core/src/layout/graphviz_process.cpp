#include "layout/graphviz_process.hpp"

#include "layout/worker_protocol.hpp"
#include "liaison/errors.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <optional>

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace liaison::graphviz {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

bool cancelled(const LayoutOptions &options)
{
    return options.cancel && options.cancel->load(std::memory_order_relaxed);
}

std::string errorText(const std::string &what) { return what + ": " + std::strerror(errno); }

fs::path executableDir()
{
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

// Writing to a worker that died must be an EPIPE, not a SIGPIPE that ends
// this process. Blocks SIGPIPE on this thread while alive and discards one
// that became pending meanwhile (the usual way for pipes, which have no
// MSG_NOSIGNAL).
class SigpipeBlocked {
public:
    SigpipeBlocked()
    {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        sigset_t pending;
        sigpending(&pending);
        m_wasPending = sigismember(&pending, SIGPIPE) == 1;
        pthread_sigmask(SIG_BLOCK, &m_pipe, &m_old);
    }
    ~SigpipeBlocked()
    {
        sigset_t pending;
        sigpending(&pending);
        if (!m_wasPending && sigismember(&pending, SIGPIPE) == 1) {
            timespec now{0, 0};
            while (sigtimedwait(&m_pipe, nullptr, &now) < 0 && errno == EINTR) {
            }
        }
        pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
    }
    SigpipeBlocked(const SigpipeBlocked &) = delete;
    SigpipeBlocked &operator=(const SigpipeBlocked &) = delete;

private:
    sigset_t m_pipe{}, m_old{};
    bool m_wasPending = false;
};

class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd() { reset(); }
    Fd(Fd &&other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    Fd &operator=(Fd &&other) noexcept
    {
        reset();
        m_fd = std::exchange(other.m_fd, -1);
        return *this;
    }
    int get() const { return m_fd; }
    void reset()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

private:
    int m_fd = -1;
};

// Both ends close-on-exec, so no other child spawned meanwhile inherits them
// (an inherited write end would hide the worker's end of file).
std::pair<Fd, Fd> makePipe()
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        throw LayoutError(errorText("cannot create a pipe for the layout worker"));
    return {Fd(fds[0]), Fd(fds[1])};
}

// One running worker. The destructor kills its process group and reaps it,
// so no path out of runOnce (exception included) leaves a process behind.
class WorkerProcess {
public:
    explicit WorkerProcess(const fs::path &program)
    {
        auto [requestRead, requestWrite] = makePipe();
        auto [answerRead, answerWrite] = makePipe();
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        // dup2 clears close-on-exec on the copies the worker keeps.
        posix_spawn_file_actions_adddup2(&actions, requestRead.get(), STDIN_FILENO);
        posix_spawn_file_actions_adddup2(&actions, answerWrite.get(), STDOUT_FILENO);
        posix_spawnattr_t attributes;
        posix_spawnattr_init(&attributes);
        sigset_t none, defaults;
        sigemptyset(&none);
        sigemptyset(&defaults);
        for (int signal : {SIGPIPE, SIGINT, SIGTERM, SIGHUP})
            sigaddset(&defaults, signal);
        posix_spawnattr_setsigmask(&attributes, &none);
        posix_spawnattr_setsigdefault(&attributes, &defaults);
        posix_spawnattr_setpgroup(&attributes, 0); // a group of its own
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
                                                  POSIX_SPAWN_SETSIGDEF);
        std::string path = program.string();
        std::string parentOption(worker::kParentOption);
        std::string parent = std::to_string(::getpid());
        char *argv[] = {path.data(), parentOption.data(), parent.data(), nullptr};
        int rc = ::posix_spawn(&m_pid, path.c_str(), &actions, &attributes, argv, environ);
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attributes);
        if (rc != 0)
            throw LayoutError("cannot start the layout worker " + path + ": " + std::strerror(rc));
        m_toWorker = std::move(requestWrite);
        m_fromWorker = std::move(answerRead);
        ::fcntl(m_toWorker.get(), F_SETFL, O_NONBLOCK);
    }
    ~WorkerProcess()
    {
        m_toWorker.reset();
        m_fromWorker.reset();
        if (!m_reaped) {
            ::kill(-m_pid, SIGKILL);
            wait();
        }
    }
    WorkerProcess(const WorkerProcess &) = delete;
    WorkerProcess &operator=(const WorkerProcess &) = delete;

    int toWorker() const { return m_toWorker.get(); }
    int fromWorker() const { return m_fromWorker.get(); }
    void closeToWorker() { m_toWorker.reset(); }

    // Waits for the worker to exit; its wait status.
    int wait()
    {
        int status = 0;
        while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
        }
        m_reaped = true;
        return status;
    }

private:
    pid_t m_pid = -1;
    bool m_reaped = false;
    Fd m_toWorker, m_fromWorker;
};

std::string exitDescription(int status)
{
    if (WIFSIGNALED(status))
        return "was killed by signal " + std::to_string(WTERMSIG(status)) + " (" +
               strsignal(WTERMSIG(status)) + ")";
    return "exited with status " + std::to_string(WEXITSTATUS(status));
}

// Reads the worker's lines and framed blocks as they arrive.
class AnswerParser {
public:
    enum class State { Reading, Result, Error, Malformed };

    void feed(const char *data, std::size_t size, const LayoutOptions &options)
    {
        m_buffer.append(data, size);
        while (m_state == State::Reading) {
            std::size_t end = m_buffer.find('\n', m_consumed);
            if (end == std::string::npos)
                return;
            std::string_view line(m_buffer.data() + m_consumed, end - m_consumed);
            m_consumed = end + 1;
            if (line.starts_with(worker::kProgress)) {
                if (options.progress)
                    options.progress(line.substr(worker::kProgress.size()));
            } else if (line.starts_with(worker::kResult)) {
                frame(line.substr(worker::kResult.size()), State::Result);
            } else if (line.starts_with(worker::kError)) {
                frame(line.substr(worker::kError.size()), State::Error);
            } else {
                m_state = State::Malformed;
            }
        }
    }
    // True once a whole result or error block arrived.
    bool complete() const
    {
        return (m_state == State::Result || m_state == State::Error) &&
               m_buffer.size() - m_consumed >= m_length;
    }
    State state() const { return m_state; }
    std::string body() const { return m_buffer.substr(m_consumed, m_length); }

private:
    void frame(std::string_view length, State state)
    {
        char *end = nullptr;
        std::string digits(length);
        unsigned long long n = std::strtoull(digits.c_str(), &end, 10);
        if (digits.empty() || *end != '\0') {
            m_state = State::Malformed;
            return;
        }
        m_length = static_cast<std::size_t>(n);
        m_state = state;
    }

    std::string m_buffer;
    std::size_t m_consumed = 0;
    std::size_t m_length = 0;
    State m_state = State::Reading;
};

enum class Outcome { Finished, TimedOut, Cancelled };

std::string engineText(LayoutEngine engine) { return std::string(layoutEngineName(engine)); }

// One engine in one worker. On Finished, `payload` holds the result bytes.
Outcome runOnce(const LayoutOptions &options, LayoutEngine engine, const std::string &request,
                std::string &payload)
{
    SigpipeBlocked noSigpipe;
    WorkerProcess worker(layoutWorkerPath());
    const bool bounded = options.timeLimit.count() > 0;
    const auto deadline = Clock::now() + options.timeLimit;
    std::size_t written = 0;
    AnswerParser answer;
    bool endOfAnswer = false;
    char buffer[1 << 16];
    while (!answer.complete() && !endOfAnswer) {
        if (cancelled(options))
            return Outcome::Cancelled; // ~WorkerProcess kills it
        auto wait = std::chrono::milliseconds(50);
        if (bounded) {
            auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
            if (left.count() <= 0)
                return Outcome::TimedOut;
            wait = std::min(wait, left);
        }
        pollfd fds[2] = {{worker.fromWorker(), POLLIN, 0}, {worker.toWorker(), POLLOUT, 0}};
        const nfds_t count = worker.toWorker() >= 0 ? 2 : 1;
        int ready = ::poll(fds, count, static_cast<int>(wait.count()));
        if (ready < 0 && errno != EINTR)
            throw LayoutError(errorText("waiting for the layout worker"));
        if (ready <= 0)
            continue;
        if (count == 2 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
            ssize_t n = ::write(worker.toWorker(), request.data() + written, request.size() - written);
            if (n > 0)
                written += static_cast<std::size_t>(n);
            if ((n < 0 && errno != EINTR && errno != EAGAIN) || written == request.size())
                worker.closeToWorker(); // all sent, or the worker stopped reading
        }
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            ssize_t n = ::read(worker.fromWorker(), buffer, sizeof buffer);
            if (n < 0 && (errno == EINTR || errno == EAGAIN))
                continue;
            if (n <= 0)
                endOfAnswer = true;
            else
                answer.feed(buffer, static_cast<std::size_t>(n), options);
        }
        if (answer.state() == AnswerParser::State::Malformed)
            throw LayoutError("the layout worker (" + engineText(engine) + ") sent something unexpected");
    }
    if (!answer.complete()) {
        int status = worker.wait();
        throw LayoutError("the layout worker (" + engineText(engine) + ") " + exitDescription(status) +
                          " before it answered");
    }
    // The answer is all we need: the destructor kills and reaps the worker
    // rather than waiting for its exit handlers, which run without a limit.
    if (answer.state() == AnswerParser::State::Error)
        throw LayoutError(answer.body());
    payload = answer.body();
    return Outcome::Finished;
}

void throwIfCancelled(const LayoutOptions &options)
{
    if (cancelled(options))
        throw LayoutError("layout (" + engineText(options.engine) + ") cancelled");
}

std::string seconds(std::chrono::milliseconds ms)
{
    if (ms.count() % 1000 == 0)
        return std::to_string(ms.count() / 1000) + " s";
    return std::to_string(ms.count()) + " ms";
}

} // namespace

fs::path layoutWorkerPath()
{
    std::vector<fs::path> tried;
    if (const char *env = std::getenv("LIAISON_LAYOUT_WORKER"); env && *env)
        tried.emplace_back(env);
    if (fs::path dir = executableDir(); !dir.empty())
        tried.push_back(dir.parent_path() / "libexec" / "liaison" / "liaison-layout-worker");
#ifdef LIAISON_LAYOUT_WORKER_BUILD_PATH
    tried.emplace_back(LIAISON_LAYOUT_WORKER_BUILD_PATH);
#endif
    for (const fs::path &path : tried)
        if (::access(path.c_str(), X_OK) == 0)
            return path;
    std::string places;
    for (const fs::path &path : tried)
        places += (places.empty() ? "" : ", ") + path.string();
    throw LayoutError("the layout worker liaison-layout-worker is not installed (looked at: " +
                      places + ")");
}


WorkerRun runInWorker(const LayoutOptions &options, const RequestFor &requestFor)
{
    throwIfCancelled(options);
    std::vector<LayoutEngine> engines{options.engine};
    if (options.engine != LayoutEngine::Sfdp && options.timeLimit.count() > 0)
        engines.push_back(LayoutEngine::Sfdp);
    WorkerRun run;
    for (std::size_t i = 0; i < engines.size(); ++i) {
        const LayoutEngine engine = engines[i];
        const std::string request = requestFor(engine);
        switch (runOnce(options, engine, request, run.payload)) {
        case Outcome::Finished:
            run.engine = engine;
            return run;
        case Outcome::Cancelled:
            throw LayoutError("layout (" + engineText(engine) + ") cancelled");
        case Outcome::TimedOut:
            break;
        }
        std::string notice = engineText(engine) + " did not finish within " + seconds(options.timeLimit);
        if (i + 1 < engines.size())
            notice += "; fell back to " + engineText(engines[i + 1]);
        run.notices.push_back(std::move(notice));
    }
    std::string all;
    for (const std::string &notice : run.notices)
        all += (all.empty() ? "" : "; ") + notice;
    throw EnginesTimedOut("layout gave up: " + all, std::move(run.notices));
}

} // namespace liaison::graphviz
