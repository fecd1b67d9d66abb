// A file's bytes for reading once: mapped read-only when it is a regular,
// non-empty file (no copy of a 170 MB document), else read whole
// (readWholeFile). Pages already parsed can be given back (doneBefore), so
// the file does not add its size to the reader's peak memory. Liaison's own saves replace a file by rename, so a mapped
// file is never truncated under a reader by Liaison itself.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace liaison {

class FileBytes {
public:
    // Throws IoError naming the path (as readWholeFile).
    explicit FileBytes(const std::string &path);
    ~FileBytes();
    FileBytes(const FileBytes &) = delete;
    FileBytes &operator=(const FileBytes &) = delete;

    std::string_view view() const { return m_map ? std::string_view(m_map, m_size) : std::string_view(m_copy); }
    // The bytes before `offset` will not be needed soon: a mapping gives
    // their pages back (they are read again from the file if they are
    // needed after all). Nothing for a copy.
    void doneBefore(std::size_t offset);

private:
    const char *m_map = nullptr;
    std::size_t m_size = 0;
    std::size_t m_given = 0; // bytes of the mapping given back
    std::string m_copy;
};

} // namespace liaison
