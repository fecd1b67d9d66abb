// Atomic file writes fed piece by piece, so a big document never has to be
// held in memory whole. Same guarantees as writeFileAtomically (json_io.hpp).
#pragma once

#include "liaison/json_io.hpp" // ByteSink

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace liaison {

// Calls produce(sink) once; what it passes to sink becomes the file at `path`.
// A symlink at `path` is followed: the file it names
// is replaced and the link stays. The bytes go to a temp file beside that
// file, which gets the old file's mode (a new file: 0666 less the umask), is
// fsynced and renamed over it, then the directory is fsynced; all under the
// file's UpdateLock (file_lock.hpp). A directory, FIFO, device or socket at
// the path, or a file with several hard links, is refused with IoError and
// left alone. If produce or a write throws, or SIGINT/SIGTERM/SIGHUP arrives,
// the temp file is removed and the previous file is intact; temps that a
// killed save left are removed by the next save of the same file.
void writeFileAtomicallyFrom(const std::string &path, const std::function<void(const ByteSink &)> &produce);

// Writes files that belong together (a CSV node table and its edge table) all
// or none, each with the guarantees above: every file is written and synced
// beside its target before any target changes; if a rename then fails, the
// targets already replaced get their previous content back (or are removed
// when they did not exist) and the IoError names the file that failed.
void writeFilesAtomically(const std::vector<std::pair<std::string, std::string>> &files);

} // namespace liaison
