// The one way core runs work on several threads (internal). A worker that
// throws (bad_alloc on a large input) or a thread that cannot be started
// never ends in std::terminate: every thread is joined, and the first
// exception is rethrown on the calling thread.
#pragma once

#include <functional>

namespace liaison::detail {

// Calls work(0) ... work(shares - 1), share 0 on the calling thread and the
// others on their own threads (on the calling thread when a thread cannot be
// started). Returns when all are done; rethrows the first exception thrown.
void runShares(unsigned shares, const std::function<void(unsigned share)> &work);

} // namespace liaison::detail
