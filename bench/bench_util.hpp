// Small helpers shared by the benchmark programs: a wall-clock timer and the
// process's memory figures from /proc/self/status.
#pragma once

#include <chrono>
#include <cstddef>

namespace liaison::bench {

class Stopwatch {
public:
    Stopwatch() : m_start(std::chrono::steady_clock::now()) {}
    // Seconds since construction.
    double seconds() const
    {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    }

private:
    std::chrono::steady_clock::time_point m_start;
};

// CPU seconds (user + system, all threads) used by the process so far.
double cpuSeconds();

// Resident set size now and its high-water mark, in bytes (0 when unknown).
std::size_t currentRss();
std::size_t peakRss();
// Resets the high-water mark to the current RSS (Linux clear_refs 5), so the
// next peakRss() is the peak of what follows. Returns false when refused.
bool resetPeakRss();

} // namespace liaison::bench
