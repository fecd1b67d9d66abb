// Whole-file reads and atomic writes: temp file beside the target, fsync,
// rename, fsync of the directory. A crash at any point leaves either the old
// file or the new one, never a mix.
#include "json/atomic_write.hpp"
#include "liaison/json_io.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <sys/stat.h>
#include <unistd.h>

namespace liaison {

static std::string osError(const std::string &what, const std::string &path)
{
    return "cannot " + what + " '" + path + "': " + std::strerror(errno);
}

std::string readWholeFile(const std::string &path)
{
    if (path == "-")
        return {std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
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

void writeFileAtomicallyFrom(const std::string &path, const std::function<void(const ByteSink &)> &produce)
{
    if (path == "-") {
        produce([](std::string_view bytes) {
            std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        });
        std::cout.flush();
        return;
    }
    namespace fs = std::filesystem;
    fs::path target(path);
    fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string temp = (directory / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    int fd = ::mkstemp(temp.data());
    if (fd < 0) throw IoError(osError("create a temporary file beside", path));
    try {
        produce([fd, &temp](std::string_view bytes) { writeAll(fd, bytes, temp); });
        if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) throw IoError(osError("sync", temp));
        if (::close(fd) != 0) {
            fd = -1;
            throw IoError(osError("close", temp));
        }
        fd = -1;
        if (::rename(temp.c_str(), path.c_str()) != 0) throw IoError(osError("replace", path));
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
