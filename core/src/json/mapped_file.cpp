#include "json/mapped_file.hpp"

#include "liaison/json_io.hpp"

#include <algorithm>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace liaison {

FileBytes::FileBytes(const std::string &path)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        struct stat info {};
        if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
            auto size = static_cast<std::size_t>(info.st_size);
            void *map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
            if (map != MAP_FAILED) {
                ::madvise(map, size, MADV_SEQUENTIAL);
                m_map = static_cast<const char *>(map);
                m_size = size;
            }
        }
        ::close(fd);
    }
    // Anything else (a directory, a pipe, an empty file, no such file) gets
    // readWholeFile's reading and its errors.
    if (!m_map) m_copy = readWholeFile(path);
}

void FileBytes::doneBefore(std::size_t offset)
{
    if (!m_map) return;
    static const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    std::size_t end = std::min(offset, m_size) / page * page;
    if (end <= m_given) return;
    ::madvise(const_cast<char *>(m_map) + m_given, end - m_given, MADV_DONTNEED);
    m_given = end;
}

FileBytes::~FileBytes()
{
    if (m_map) ::munmap(const_cast<char *>(m_map), m_size);
}

} // namespace liaison
