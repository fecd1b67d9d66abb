#include "util/parallel.hpp"

#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace liaison::detail {

void runShares(unsigned shares, const std::function<void(unsigned share)> &work)
{
    std::exception_ptr first;
    std::mutex firstMutex;
    auto guarded = [&](unsigned share) {
        try {
            work(share);
        } catch (...) {
            std::lock_guard lock(firstMutex);
            if (!first) first = std::current_exception();
        }
    };
    std::vector<unsigned> inline_;
    {
        std::vector<std::jthread> pool; // joined on every way out of this block
        try {
            pool.reserve(shares);
        } catch (...) {
        }
        for (unsigned share = 1; share < shares; ++share) {
            try {
                pool.emplace_back(guarded, share);
            } catch (...) { // no thread (or no memory for one): do it here
                inline_.push_back(share);
            }
        }
        guarded(0);
        for (unsigned share : inline_) guarded(share);
    }
    if (first) std::rethrow_exception(first);
}

} // namespace liaison::detail
