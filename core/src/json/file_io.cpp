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
#include <memory>
#include <optional>
#include <pthread.h>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

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

// One file of an atomic save, written to a temp beside its target and synced
// but not yet renamed over it; the temp is removed unless commit() ran. Holds
// the target's UpdateLock from staging to destruction.
class StagedFile {
public:
    StagedFile(const std::string &path, const std::function<void(const ByteSink &)> &produce)
        : m_path(path), m_real(resolveSymlinks(path)), m_lock(m_real)
    {
        namespace fs = std::filesystem;
        const TargetState target = inspectTarget(m_real, path);
        m_existed = target.exists;
        fs::path realPath(m_real);
        m_directory = realPath.has_parent_path() ? realPath.parent_path().string() : std::string(".");
        m_fileName = realPath.filename().string();
        detail::removeStaleTemps(m_directory, m_fileName);
        m_temp = reserveTemp();
        int fd = -1;
        try {
            fd = ::open(m_temp.c_str(), O_WRONLY | O_CLOEXEC);
            if (fd < 0) throw IoError(osError("open", m_temp));
            produce([fd, this](std::string_view bytes) { writeAll(fd, bytes, m_temp); });
            mode_t mode = target.exists ? (target.info.st_mode & 07777) : (0666 & ~currentUmask());
            if (target.exists) (void)!::fchown(fd, target.info.st_uid, target.info.st_gid); // best effort
            if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) throw IoError(osError("sync", m_temp));
            if (::close(fd) != 0) {
                fd = -1;
                throw IoError(osError("close", m_temp));
            }
        } catch (...) {
            // No destructor runs for a constructor that throws: the temp goes here.
            if (fd >= 0) ::close(fd);
            ::unlink(m_temp.c_str());
            throw;
        }
    }
    ~StagedFile()
    {
        if (!m_temp.empty()) ::unlink(m_temp.c_str());
        if (!m_backup.empty()) ::unlink(m_backup.c_str());
    }
    StagedFile(const StagedFile &) = delete;
    StagedFile &operator=(const StagedFile &) = delete;

    // Keeps the target's current content under a temp name (a hard link), so
    // undo() can put it back after commit().
    void keepPrevious()
    {
        if (!m_existed) return;
        m_backup = reserveTemp();
        ::unlink(m_backup.c_str()); // link() wants a free name; ours by the pid in it
        if (::link(m_real.c_str(), m_backup.c_str()) != 0) {
            m_backup.clear();
            throw IoError(osError("keep the previous content of", m_path));
        }
    }
    void commit()
    {
        if (::rename(m_temp.c_str(), m_real.c_str()) != 0) throw IoError(osError("replace", m_path));
        m_temp.clear();
    }
    // After commit(): the previous content back (keepPrevious), or no file
    // if there was none. Best effort: it runs while another error unwinds.
    void undo()
    {
        if (!m_existed) {
            ::unlink(m_real.c_str());
        } else if (!m_backup.empty() && ::rename(m_backup.c_str(), m_real.c_str()) == 0) {
            m_backup.clear();
        }
        syncDirectory();
    }
    // Makes the renames durable.
    void syncDirectory() const
    {
        int dirFd = ::open(m_directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dirFd >= 0) {
            ::fsync(dirFd);
            ::close(dirFd);
        }
    }

private:
    // A fresh temp name beside the target, created empty and registered for
    // removal on SIGINT/SIGTERM/SIGHUP (stale ones go with removeStaleTemps).
    std::string reserveTemp()
    {
        std::string temp = detail::tempTemplateFor(m_directory, m_fileName);
        // No signal between creating the temp and registering it for removal:
        // one landing there would leave it behind.
        sigset_t interrupting, previous;
        sigemptyset(&interrupting);
        for (int signal : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&interrupting, signal);
        pthread_sigmask(SIG_BLOCK, &interrupting, &previous);
        int fd = ::mkstemp(temp.data());
        if (fd >= 0) m_guards.emplace_back(std::make_unique<detail::TempFileGuard>(temp));
        pthread_sigmask(SIG_SETMASK, &previous, nullptr);
        if (fd < 0) throw IoError(osError("create a temporary file beside", m_path));
        ::close(fd);
        return temp;
    }

    std::string m_path, m_real;
    UpdateLock m_lock; // no-op when this process holds it already (import --into)
    bool m_existed = false;
    std::string m_directory, m_fileName, m_temp, m_backup;
    std::vector<std::unique_ptr<detail::TempFileGuard>> m_guards;
};

} // namespace

void writeFileAtomicallyFrom(const std::string &path, const std::function<void(const ByteSink &)> &produce)
{
    StagedFile file(path, produce);
    file.commit();
    file.syncDirectory();
}

void writeFilesAtomically(const std::vector<std::pair<std::string, std::string>> &files)
{
    // Every file is written and synced before any target changes, so a write
    // error leaves them all as they were.
    std::vector<std::unique_ptr<StagedFile>> staged;
    // (A plain pair, not a structured binding: clang cannot capture those.)
    for (const std::pair<std::string, std::string> &file : files) {
        const std::string &bytes = file.second;
        staged.push_back(std::make_unique<StagedFile>(file.first, [&bytes](const ByteSink &sink) { sink(bytes); }));
    }
    std::size_t committed = 0;
    try {
        for (; committed < staged.size(); ++committed) {
            if (committed + 1 < staged.size()) staged[committed]->keepPrevious(); // the last needs no undo
            staged[committed]->commit();
        }
    } catch (...) {
        // A rename failed: the targets already replaced get their old content back.
        while (committed > 0) staged[--committed]->undo();
        throw;
    }
    for (const auto &file : staged) file->syncDirectory();
}

void writeFileAtomically(const std::string &path, std::string_view bytes)
{
    writeFileAtomicallyFrom(path, [bytes](const ByteSink &sink) { sink(bytes); });
}

} // namespace liaison
