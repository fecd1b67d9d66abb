// Atomic file writes fed piece by piece, so a big document never has to be
// held in memory whole. Same guarantees as writeFileAtomically (json_io.hpp).
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace liaison {

// Receives the next bytes of the file; throws IoError when they cannot be written.
using ByteSink = std::function<void(std::string_view)>;

// Calls produce(sink) once; what it passes to sink becomes the file at `path`
// ("-": standard output). The bytes go to a temp file beside `path`, which is
// fsynced and renamed over it, then the directory is fsynced. If produce or a
// write throws, the temp file is removed, the previous file is intact and the
// exception propagates.
void writeFileAtomicallyFrom(const std::string &path, const std::function<void(const ByteSink &)> &produce);

} // namespace liaison
