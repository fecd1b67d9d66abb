#include "files/temp_files.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <dirent.h>
#include <mutex>
#include <string_view>
#include <unistd.h>

namespace liaison::detail {

std::string tempTemplateFor(const std::string &directory, const std::string &fileName)
{
    return directory + "/." + fileName + ".tmp-" + std::to_string(::getpid()) + "-XXXXXX";
}

void removeStaleTemps(const std::string &directory, const std::string &fileName)
{
    const std::string prefix = "." + fileName + ".tmp-";
    DIR *dir = ::opendir(directory.c_str());
    if (!dir) return;
    while (const dirent *entry = ::readdir(dir)) {
        std::string_view name = entry->d_name;
        if (name.substr(0, prefix.size()) != prefix) continue;
        std::string_view rest = name.substr(prefix.size()); // "<pid>-XXXXXX"
        auto dash = rest.find('-');
        if (dash == std::string_view::npos || dash == 0 || rest.size() - dash - 1 != 6) continue;
        long pid = 0;
        bool digits = true;
        for (char c : rest.substr(0, dash)) {
            digits = digits && c >= '0' && c <= '9';
            pid = pid * 10 + (c - '0');
            if (pid > 1'000'000'000) digits = false;
        }
        if (!digits || pid == ::getpid()) continue;
        if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue; // still running (or not ours to judge)
        ::unlinkat(::dirfd(dir), entry->d_name, 0);
    }
    ::closedir(dir);
}

namespace {

// Async-signal-safe state: fixed slots of NUL-terminated paths.
constexpr int kSlots = 32;
constexpr std::size_t kPathMax = 4096;
char g_paths[kSlots][kPathMax];
volatile std::sig_atomic_t g_used[kSlots];
constexpr std::array<int, 3> kSignals{SIGINT, SIGTERM, SIGHUP};
struct sigaction g_previous[kSignals.size()];
std::mutex g_mutex; // guards slot allocation and handler installation
int g_active = 0;

void onSignal(int signal)
{
    for (int i = 0; i < kSlots; ++i)
        if (g_used[i]) ::unlink(g_paths[i]);
    for (std::size_t i = 0; i < kSignals.size(); ++i)
        if (kSignals[i] == signal) ::sigaction(signal, &g_previous[i], nullptr);
    ::raise(signal);
}

} // namespace

TempFileGuard::TempFileGuard(const std::string &path)
{
    if (path.size() >= kPathMax) return; // cannot be remembered; the stale-temp sweep still gets it
    std::lock_guard lock(g_mutex);
    for (int i = 0; i < kSlots; ++i) {
        if (g_used[i]) continue;
        std::memcpy(g_paths[i], path.c_str(), path.size() + 1);
        g_used[i] = 1;
        m_slot = i;
        break;
    }
    if (m_slot < 0 || g_active++ > 0) return;
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    for (std::size_t i = 0; i < kSignals.size(); ++i) {
        ::sigaction(kSignals[i], nullptr, &g_previous[i]);
        // A signal the process ignores stays ignored (nohup, background jobs).
        if (g_previous[i].sa_handler == SIG_IGN) continue;
        ::sigaction(kSignals[i], &action, nullptr);
    }
}

TempFileGuard::~TempFileGuard()
{
    if (m_slot < 0) return;
    std::lock_guard lock(g_mutex);
    g_used[m_slot] = 0;
    if (--g_active > 0) return;
    for (std::size_t i = 0; i < kSignals.size(); ++i)
        if (g_previous[i].sa_handler != SIG_IGN) ::sigaction(kSignals[i], &g_previous[i], nullptr);
}

} // namespace liaison::detail
