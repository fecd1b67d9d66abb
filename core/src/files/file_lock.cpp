// UpdateLock: flock on the target's inode, re-taken when a save by another
// process renamed a new file over the path while this one waited.
#include "liaison/file_lock.hpp"

#include "liaison/errors.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <set>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace liaison {

namespace {

using FileId = std::pair<dev_t, ino_t>;

// The inodes this process holds an UpdateLock on: a save of one of them
// must not try to lock it again (flock would wait for itself).
std::mutex g_heldMutex;
std::set<FileId> g_held;

FileId idOf(const struct stat &info) { return {info.st_dev, info.st_ino}; }

} // namespace

UpdateLock::UpdateLock(const std::string &path)
{
    for (;;) {
        int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0) {
            if (errno == ENOENT) return;
            throw IoError("cannot open '" + path + "' to lock it: " + std::strerror(errno));
        }
        struct stat locked {};
        if (::fstat(fd, &locked) != 0 || !S_ISREG(locked.st_mode)) {
            ::close(fd); // not a regular file: the save refuses it with its own message
            return;
        }
        {
            std::lock_guard guard(g_heldMutex);
            if (g_held.count(idOf(locked))) { // this process holds it already
                ::close(fd);
                return;
            }
        }
        int rc;
        do rc = ::flock(fd, LOCK_EX);
        while (rc != 0 && errno == EINTR);
        if (rc != 0) {
            int error = errno;
            ::close(fd);
            throw IoError("cannot lock '" + path + "': " + std::strerror(error));
        }
        struct stat now {};
        if (::stat(path.c_str(), &now) == 0 && idOf(now) == idOf(locked)) {
            std::lock_guard guard(g_heldMutex);
            g_held.insert(idOf(locked));
            m_fd = fd;
            return;
        }
        ::close(fd); // replaced (or removed) while we waited: lock what is there now
    }
}

UpdateLock::~UpdateLock()
{
    if (m_fd < 0) return;
    struct stat info {};
    if (::fstat(m_fd, &info) == 0) {
        std::lock_guard guard(g_heldMutex);
        g_held.erase(idOf(info));
    }
    ::close(m_fd); // releases the flock
}

bool sameFile(const std::string &a, const std::string &b)
{
    struct stat x {}, y {};
    return ::stat(a.c_str(), &x) == 0 && ::stat(b.c_str(), &y) == 0 && idOf(x) == idOf(y);
}

} // namespace liaison
