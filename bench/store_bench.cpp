// store_bench: times what a user waits for on a big graph — load, who met
// whom for every person (one whoMet call per person, and the whole
// metProjection), and save — and reports peak memory and bytes per relation.
//
//   store_bench FILE.json [--persons N] [--save OUT.json]
//
// --persons N times whoMet on the first N persons only (and extrapolates).
#include "bench_util.hpp"

#include "liaison/analysis.hpp"
#include "liaison/json_io.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

using namespace liaison;
using namespace liaison::bench;

namespace {

double mib(std::size_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

std::size_t g_overallPeak = 0;

double g_cpuMark = 0;

void row(const char *step, double seconds, std::size_t peak, const std::string &note)
{
    g_overallPeak = std::max(g_overallPeak, peak);
    double cpu = cpuSeconds() - g_cpuMark;
    std::printf("%-20s %9.3f s wall %9.3f s cpu   peak %8.1f MiB   %s\n", step, seconds, cpu, mib(peak), note.c_str());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    std::string path, savePath;
    std::size_t personLimit = 0;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--persons" && i + 1 < argc) personLimit = std::strtoull(argv[++i], nullptr, 10);
        else if (a == "--save" && i + 1 < argc) savePath = argv[++i];
        else if (path.empty() && a[0] != '-') path = a;
        else {
            std::fprintf(stderr, "usage: store_bench FILE.json [--persons N] [--save OUT.json]\n");
            return 1;
        }
    }
    if (path.empty()) {
        std::fprintf(stderr, "usage: store_bench FILE.json [--persons N] [--save OUT.json]\n");
        return 1;
    }
    if (savePath.empty()) savePath = (std::filesystem::temp_directory_path() / "store_bench_save.json").string();

    try {
        std::size_t fileBytes = std::filesystem::file_size(path);
        std::size_t before = currentRss();
        resetPeakRss();
        g_cpuMark = cpuSeconds();
        Stopwatch loadClock;
        GraphStore store = readLiaisonJsonFile(path);
        double loadSeconds = loadClock.seconds();
        std::size_t afterLoad = currentRss();
        row("load", loadSeconds, peakRss(),
            std::to_string(store.entityCount()) + " entities, " + std::to_string(store.relationCount()) +
                " relations, " + std::to_string(fileBytes / (1024 * 1024)) + " MiB file");
        double perRelation = static_cast<double>(afterLoad - before) / static_cast<double>(store.relationCount());
        std::printf("%-24s %10.0f bytes/relation (resident after load %.1f MiB)\n", "memory", perRelation,
                    mib(afterLoad - before));

        resetPeakRss();
        g_cpuMark = cpuSeconds();
        Stopwatch projectionClock;
        std::vector<MetPair> pairs = metProjection(store);
        double projectionSeconds = projectionClock.seconds();
        std::size_t weight = 0;
        for (const MetPair &p : pairs) weight += p.weight;
        row("metProjection", projectionSeconds, peakRss(),
            std::to_string(pairs.size()) + " pairs, total weight " + std::to_string(weight));
        pairs = {};
        pairs.shrink_to_fit();

        const std::vector<EntityIndex> &persons = store.entitiesOfKind("person");
        std::size_t count = personLimit ? std::min(personLimit, persons.size()) : persons.size();
        resetPeakRss();
        g_cpuMark = cpuSeconds();
        Stopwatch metClock;
        std::size_t links = 0;
        for (std::size_t i = 0; i < count; ++i) links += whoMet(store, persons[i]).size();
        double metSeconds = metClock.seconds();
        std::string note = std::to_string(count) + " persons, " + std::to_string(links) + " links, " +
                           std::to_string(metSeconds * 1e6 / static_cast<double>(count ? count : 1)) + " us/person";
        if (count < persons.size())
            note += ", all " + std::to_string(persons.size()) + " would take ~" +
                    std::to_string(metSeconds * static_cast<double>(persons.size()) / static_cast<double>(count)) + " s";
        row("whoMet per person", metSeconds, peakRss(), note);

        resetPeakRss();
        g_cpuMark = cpuSeconds();
        Stopwatch saveClock;
        saveLiaisonJsonFile(store, savePath);
        double saveSeconds = saveClock.seconds();
        row("save", saveSeconds, peakRss(),
            std::to_string(std::filesystem::file_size(savePath) / (1024 * 1024)) + " MiB to " + savePath);
        std::printf("%-24s %10.1f MiB (highest of the steps above)\n", "peak memory", mib(g_overallPeak));
    } catch (const std::exception &e) {
        std::fprintf(stderr, "store_bench: %s\n", e.what());
        return 2;
    }
    return 0;
}
