// How work grows with the input where it once grew with its square (issue
// 10, cases 13 and 14). Each step runs at doubling sizes and prints the time
// and the slope log(t2/t1)/log(n2/n1): ~1 is linear, ~2 quadratic.
//   reimport-hub   commitBatch of N relations out of one hub that the graph
//                  already holds (duplicate detection scanned the hub per relation)
//   met-refused    rank --met's projection of one event of N attendees, refused
//                  against a 1 GiB memory budget before anything quadratic
//   who-met-one    whoMet of one attendee of an event of N
//   met-projection the projection itself, within budget (its output has
//                  N(N-1)/2 pairs: quadratic by nature)
// Usage: scaling_bench [--quick]
#include "bench_util.hpp"

#include "liaison/analysis.hpp"
#include "liaison/errors.hpp"
#include "liaison/import_batch.hpp"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

using namespace liaison;
using namespace liaison::bench;

namespace {

GraphStore hubGraph(std::size_t n, ImportBatch &again)
{
    GraphStore store;
    store.reserve(n + 1, n);
    Entity hub;
    hub.id = "organisation:hub";
    store.addEntity(std::move(hub));
    for (std::size_t i = 0; i < n; ++i) {
        Entity e;
        e.id = "person:p" + std::to_string(i);
        store.addEntity(std::move(e));
        Relation r;
        r.kind = "employs";
        r.from = "organisation:hub";
        r.to = "person:p" + std::to_string(i);
        again.addRelation(r, {"again.csv", static_cast<int>(i + 2), 1});
        store.addRelation(std::move(r));
    }
    return store;
}

GraphStore eventGraph(std::size_t attendees)
{
    GraphStore store;
    store.reserve(attendees + 1, attendees);
    Entity event;
    event.id = "event:summit";
    store.addEntity(std::move(event));
    for (std::size_t i = 0; i < attendees; ++i) {
        Entity e;
        e.id = "person:p" + std::to_string(i);
        store.addEntity(std::move(e));
        Relation r;
        r.kind = "attended";
        r.from = "person:p" + std::to_string(i);
        r.to = "event:summit";
        store.addRelation(std::move(r));
    }
    return store;
}

struct Row {
    std::size_t n;
    double seconds;
    std::size_t peak;
};

void table(const char *step, const std::vector<std::size_t> &sizes, const std::function<double(std::size_t)> &run)
{
    std::vector<Row> rows;
    for (std::size_t n : sizes) {
        resetPeakRss();
        double seconds = run(n);
        rows.push_back({n, seconds, peakRss()});
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::string slope = "";
        if (i > 0 && rows[i - 1].seconds > 0 && rows[i].seconds > 0)
            slope = std::to_string(std::log(rows[i].seconds / rows[i - 1].seconds) /
                                   std::log(static_cast<double>(rows[i].n) / static_cast<double>(rows[i - 1].n)))
                        .substr(0, 4);
        std::printf("| %-14s | %8zu | %9.4f s | %8.1f MiB | %5s |\n", step, rows[i].n, rows[i].seconds,
                    static_cast<double>(rows[i].peak) / (1 << 20), slope.c_str());
    }
}

} // namespace

int main(int argc, char **argv)
{
    bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    std::printf("| step           |        n |      time |    peak RSS | slope |\n");
    std::printf("|---|---|---|---|---|\n");
    std::vector<std::size_t> hubSizes = quick ? std::vector<std::size_t>{10'000, 20'000}
                                              : std::vector<std::size_t>{10'000, 20'000, 40'000, 80'000};
    table("reimport-hub", hubSizes, [](std::size_t n) {
        ImportBatch again;
        GraphStore store = hubGraph(n, again);
        Stopwatch clock;
        ImportReport report = commitBatch(store, again);
        double seconds = clock.seconds();
        if (report.duplicateRelations != n) std::fprintf(stderr, "reimport-hub: expected %zu duplicates\n", n);
        return seconds;
    });
    std::vector<std::size_t> bigEvents = quick ? std::vector<std::size_t>{8'000, 16'000}
                                               : std::vector<std::size_t>{8'000, 16'000, 32'000, 64'000};
    table("met-refused", bigEvents, [](std::size_t n) {
        GraphStore store = eventGraph(n);
        Stopwatch clock;
        try {
            metProjection(store, {}, std::size_t(1) << 30);
            std::fprintf(stderr, "met-refused: %zu attendees were not refused\n", n);
        } catch (const ResourceError &) {
        }
        return clock.seconds();
    });
    table("who-met-one", bigEvents, [](std::size_t n) {
        GraphStore store = eventGraph(n);
        Stopwatch clock;
        std::size_t met = whoMet(store, store.findById("person:p1")).size();
        if (met != n - 1) std::fprintf(stderr, "who-met-one: met %zu\n", met);
        return clock.seconds();
    });
    std::vector<std::size_t> smallEvents = quick ? std::vector<std::size_t>{500, 1'000}
                                                 : std::vector<std::size_t>{500, 1'000, 2'000, 4'000};
    table("met-projection", smallEvents, [](std::size_t n) {
        GraphStore store = eventGraph(n);
        Stopwatch clock;
        std::size_t pairs = metProjection(store).size();
        if (pairs != n * (n - 1) / 2) std::fprintf(stderr, "met-projection: %zu pairs\n", pairs);
        return clock.seconds();
    });
    return 0;
}
