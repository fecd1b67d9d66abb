// Whole-file reads and atomic writes: temp file beside the target (symlinks
// followed), fsync, rename, fsync of the directory, under the target's update
// lock, keeping the old file's mode. A crash at any point leaves either the
// old file or the new one, never a mix.
#include "files/temp_files.hpp"
#include "json/atomic_write.hpp"
#include "liaison/file_lock.hpp"
#include "liaison/json_io.hpp"

#include <cerrno>
#include <csignal>
#include <optional>
#include <pthread.h>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace liaison {

static std::string osError(const std::string &what, const std::string &path)
{
    return "cannot " + what + " '" + path + "': " + std::strerror(errno);
}

std::string readWholeFile(const std::string &path)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw IoError(osError("open", path));
    struct stat info {};
    if (::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {
        ::close(fd);
        throw IoError("cannot read '" + path + "': it is a directory");
    }
    std::string text;
    if (info.st_size > 0) text.reserve(static_cast<std::size_t>(info.st_size));
    char buffer[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            ::close(fd);
            throw IoError(osError("read", path));
        }
        if (n == 0) break;
        text.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return text;
}

static void writeAll(int fd, std::string_view bytes, const std::string &path)
{
    while (!bytes.empty()) {
        ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw IoError(osError("write", path));
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

namespace {

// Where a save really goes: symlinks followed to the file they name (also a
// dangling one, which the save then creates), so the link stays a link.
std::string resolveSymlinks(const std::string &path)
{
    namespace fs = std::filesystem;
    fs::path current(path);
    for (int hops = 0; hops < 40; ++hops) {
        struct stat info {};
        if (::lstat(current.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) return current.string();
        std::error_code ec;
        fs::path next = fs::read_symlink(current, ec);
        if (ec) throw IoError("cannot follow the symbolic link '" + current.string() + "': " + ec.message());
        current = next.is_absolute() ? next : current.parent_path() / next;
    }
    throw IoError("cannot save to '" + path + "': too many levels of symbolic links");
}

const char *fileTypeName(mode_t mode)
{
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

mode_t currentUmask()
{
    // Read without changing it (umask(2) would, racing other threads' creations).
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
    return 022;
}

// The mode the saved file gets: the old file's, else what a new file would
// get from the umask (mkstemp's 0600 is not what the user asked for).
struct TargetState {
    bool exists = false;
    struct stat info {};
};

TargetState inspectTarget(const std::string &path, const std::string &shownPath)
{
    TargetState state;
    if (::stat(path.c_str(), &state.info) != 0) {
        if (errno != ENOENT) throw IoError(osError("inspect", shownPath));
        return state;
    }
    state.exists = true;
    if (!S_ISREG(state.info.st_mode))
        throw IoError("refusing to save to '" + shownPath + "': it is " + fileTypeName(state.info.st_mode) +
                      ", not a regular file");
    if (state.info.st_nlink > 1)
        throw IoError("refusing to save to '" + shownPath + "': it has " + std::to_string(state.info.st_nlink) +
                      " hard links, which replacing it would split (save to another path, or remove the other links)");
    return state;
}

} // namespace

void writeFileAtomicallyFrom(const std::string &path, const std::function<void(const ByteSink &)> &produce)
{
    namespace fs = std::filesystem;
    const std::string real = resolveSymlinks(path);
    UpdateLock lock(real); // no-op when this process holds it already (import --into)
    const TargetState target = inspectTarget(real, path);
    fs::path realPath(real);
    std::string directory = realPath.has_parent_path() ? realPath.parent_path().string() : std::string(".");
    std::string fileName = realPath.filename().string();
    detail::removeStaleTemps(directory, fileName);
    std::string temp = detail::tempTemplateFor(directory, fileName);
    // No SIGINT/SIGTERM/SIGHUP between creating the temp and registering it
    // for removal: one landing there would leave it behind.
    sigset_t interrupting, previous;
    sigemptyset(&interrupting);
    for (int signal : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&interrupting, signal);
    pthread_sigmask(SIG_BLOCK, &interrupting, &previous);
    int fd = ::mkstemp(temp.data());
    std::optional<detail::TempFileGuard> removeOnSignal;
    if (fd >= 0) removeOnSignal.emplace(temp);
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    if (fd < 0) throw IoError(osError("create a temporary file beside", path));
    try {
        produce([fd, &temp](std::string_view bytes) { writeAll(fd, bytes, temp); });
        mode_t mode = target.exists ? (target.info.st_mode & 07777) : (0666 & ~currentUmask());
        if (target.exists) (void)!::fchown(fd, target.info.st_uid, target.info.st_gid); // best effort
        if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) throw IoError(osError("sync", temp));
        if (::close(fd) != 0) {
            fd = -1;
            throw IoError(osError("close", temp));
        }
        fd = -1;
        if (::rename(temp.c_str(), real.c_str()) != 0) throw IoError(osError("replace", path));
    } catch (...) {
        if (fd >= 0) ::close(fd);
        ::unlink(temp.c_str());
        throw;
    }
    // Make the rename itself durable.
    int dirFd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
}

void writeFileAtomically(const std::string &path, std::string_view bytes)
{
    writeFileAtomicallyFrom(path, [bytes](const ByteSink &sink) { sink(bytes); });
}

} // namespace liaison
