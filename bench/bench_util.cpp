#include "bench_util.hpp"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

namespace liaison::bench {

static std::size_t statusField(const char *name)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    std::size_t length = std::strlen(name);
    while (std::getline(status, line))
        if (line.compare(0, length, name) == 0 && line.size() > length && line[length] == ':')
            return std::stoull(line.substr(length + 1)) * 1024; // reported in kB
    return 0;
}

std::size_t currentRss() { return statusField("VmRSS"); }
std::size_t peakRss() { return statusField("VmHWM"); }

bool resetPeakRss()
{
    std::FILE *f = std::fopen("/proc/self/clear_refs", "w");
    if (!f) return false;
    bool ok = std::fputs("5", f) >= 0;
    return std::fclose(f) == 0 && ok;
}

} // namespace liaison::bench
