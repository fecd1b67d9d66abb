// archive_queries URL PERSON TEXT [REPEAT]: the archive's query latency in
// one process (no process start): a depth-2 ego pull, the met slice and a
// name search of `TEXT`, each run once warm and then REPEAT times. Prints
// per step the median wall time, the median CPU time of this client and of
// the server backend serving it (read from /proc/PID/stat when the server
// runs on this machine, else "n/a"), so figures taken on a loaded machine
// can be told apart from the work itself. Used by bench/archive.
#include "bench_util.hpp"

#include "liaison/archive.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using liaison::archive::Archive;

// CPU seconds (user + system) of process `pid`, or -1 when unreadable.
double processCpu(long pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::size_t close = text.rfind(')');
    if (close == std::string::npos) return -1;
    std::istringstream fields(text.substr(close + 2));
    std::string skip;
    for (int i = 3; i < 14; ++i) fields >> skip; // state .. cmajflt
    unsigned long long utime = 0, stime = 0;
    fields >> utime >> stime;
    return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 4) {
        std::cerr << "usage: archive_queries URL PERSON TEXT [REPEAT]\n";
        return 2;
    }
    const std::string url = argv[1], person = argv[2], text = argv[3];
    const int repeat = argc > 4 ? std::max(1, std::atoi(argv[4])) : 9;
    try {
        Archive db(url);
        const long backend = db.backendPid();
        liaison::archive::SliceQuery ego;
        ego.focus = {person};
        ego.depth = 2;
        const std::vector<std::pair<std::string, std::function<std::size_t()>>> steps{
            {"pull depth-2 ego", [&] { return db.pull(ego).entityCount(); }},
            {"met slice", [&] { return db.metSlice(db.resolve(person)).entityCount(); }},
            {"search", [&] { return db.search(text).size(); }},
        };
        std::printf("%-18s %10s %12s %12s %8s\n", "step", "wall ms", "client cpu ms", "server cpu ms", "size");
        for (const auto &[name, run] : steps) {
            std::size_t size = run(); // warm
            std::vector<double> wall, client, server;
            for (int i = 0; i < repeat; ++i) {
                const double server0 = processCpu(backend), client0 = liaison::bench::cpuSeconds();
                liaison::bench::Stopwatch watch;
                size = run();
                wall.push_back(watch.seconds() * 1000);
                client.push_back((liaison::bench::cpuSeconds() - client0) * 1000);
                const double server1 = processCpu(backend);
                server.push_back(server0 < 0 || server1 < 0 ? -1 : (server1 - server0) * 1000);
            }
            const double s = median(server);
            std::printf("%-18s %10.1f %12.1f %12s %8zu\n", name.c_str(), median(wall), median(client),
                        s < 0 ? "n/a" : std::to_string(static_cast<long>(s + 0.5)).c_str(), size);
        }
    } catch (const std::exception &e) {
        std::cerr << "archive_queries: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
