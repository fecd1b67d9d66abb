// liaison_steps: the Liaison side of bench/compare. Runs each step of the
// comparison on one Liaison JSON file and prints one line per run:
//   STEP <name> <wall seconds> <cpu seconds> <peak RSS bytes during the step> <check>
// `check` is a figure the peers must reproduce (pairs and weight, components...).
//
// The `parse` step is the parse floor: the file read into memory and one
// bare RapidJSON SAX pass over it (the flags core's reader uses, handlers that
// only count), the least any load of this design can cost.
//
//   liaison_steps FILE.json [--steps parse,load,project,degree,components,path,betweenness,export]
//                 [--repeat N] [--export OUT.json] [--path FROM_ID,TO_ID] [--threads N]
#include "bench_util.hpp"

#include "liaison/analysis.hpp"
#include "liaison/json_io.hpp"
#include "liaison/metrics.hpp"

#include <rapidjson/reader.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

using namespace liaison;
using namespace liaison::bench;

namespace {

std::vector<std::string> split(const std::string &text)
{
    std::vector<std::string> parts;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, ',');)
        if (!part.empty()) parts.push_back(part);
    return parts;
}

// Runs `step` `repeat` times, printing one STEP line per run.
void measure(const std::string &name, int repeat, const std::function<std::string()> &step)
{
    for (int i = 0; i < repeat; ++i) {
        resetPeakRss();
        double cpu = cpuSeconds();
        Stopwatch clock;
        std::string check = step();
        double wall = clock.seconds();
        std::printf("STEP %s %.6f %.6f %zu %s\n", name.c_str(), wall, cpuSeconds() - cpu, peakRss(), check.c_str());
        std::fflush(stdout);
    }
}

// Counts the SAX events of a document; does nothing else with them.
struct CountingHandler : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, CountingHandler> {
    std::size_t events = 0;
    bool Default()
    {
        ++events;
        return true;
    }
};

std::string parseFloor(const std::string &path)
{
    std::string text = readWholeFile(path);
    rapidjson::Reader reader;
    rapidjson::StringStream stream(text.c_str());
    CountingHandler handler;
    constexpr unsigned flags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag |
                               rapidjson::kParseNumbersAsStringsFlag;
    if (reader.Parse<flags>(stream, handler).IsError()) throw std::runtime_error(path + ": not JSON");
    return std::to_string(handler.events);
}

} // namespace

int main(int argc, char **argv)
{
    std::string path, exportPath = "/tmp/liaison_steps_export.json", pathEnds;
    std::vector<std::string> steps{"parse", "load", "project", "degree", "components", "path", "betweenness", "export"};
    int repeat = 1;
    unsigned threads = 0;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "liaison_steps: %s needs a value\n", a.c_str());
                std::exit(1);
            }
            return argv[++i];
        };
        if (a == "--steps") steps = split(value());
        else if (a == "--repeat") repeat = std::max(1, std::atoi(value().c_str()));
        else if (a == "--export") exportPath = value();
        else if (a == "--path") pathEnds = value();
        else if (a == "--threads") threads = static_cast<unsigned>(std::atoi(value().c_str()));
        else if (path.empty() && a[0] != '-') path = a;
        else {
            std::fprintf(stderr, "usage: liaison_steps FILE.json [--steps a,b] [--repeat N] [--export OUT] "
                                 "[--path FROM,TO] [--threads N]\n");
            return 1;
        }
    }
    if (path.empty()) {
        std::fprintf(stderr, "liaison_steps: no input file\n");
        return 1;
    }
    try {
        GraphStore store;
        auto has = [&](const char *name) { return std::find(steps.begin(), steps.end(), name) != steps.end(); };
        if (has("parse")) measure("parse", repeat, [&] { return parseFloor(path); });
        measure("load", has("load") ? repeat : 1, [&] {
            store = readLiaisonJsonFile(path);
            return std::to_string(store.entityCount()) + "/" + std::to_string(store.relationCount());
        });
        if (has("project"))
            measure("project", repeat, [&] {
                std::vector<MetPair> pairs = metProjection(store);
                std::size_t weight = 0;
                for (const MetPair &p : pairs) weight += p.weight;
                return std::to_string(pairs.size()) + "/" + std::to_string(weight);
            });
        if (has("degree"))
            measure("degree", repeat, [&] {
                std::vector<DegreeEntry> table = degrees(store, wholeGraph(store));
                return std::to_string(table.empty() ? 0 : table.front().total());
            });
        if (has("components"))
            measure("components", repeat, [&] {
                return std::to_string(componentMembers(linkGraph(store, wholeGraph(store))).size());
            });
        if (has("path")) {
            std::vector<std::string> ends = split(pathEnds);
            if (ends.size() != 2) {
                const auto &persons = store.entitiesOfKind("person");
                ends = {store.entity(persons.front()).id, store.entity(persons.back()).id};
            }
            measure("path", repeat, [&] {
                return std::to_string(shortestPath(store, store.findById(ends[0]), store.findById(ends[1])).size());
            });
        }
        if (has("betweenness"))
            measure("betweenness", repeat, [&] {
                std::vector<double> score = betweenness(linkGraph(store, wholeGraph(store)), false, threads);
                char top[32];
                std::snprintf(top, sizeof top, "%.1f", score.empty() ? 0.0 : *std::max_element(score.begin(), score.end()));
                return std::string(top);
            });
        if (has("export"))
            measure("export", repeat, [&] {
                saveLiaisonJsonFile(store, exportPath);
                return std::string("ok");
            });
    } catch (const std::exception &e) {
        std::fprintf(stderr, "liaison_steps: %s\n", e.what());
        return 2;
    }
    return 0;
}
