// liaison rank FILE: entities ranked by degree or betweenness centrality.
#include "command.hpp"
#include "metric_options.hpp"
#include "query.hpp"

#include "liaison/errors.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <numeric>

namespace liaison::cli {

static int runRank(const std::vector<std::string> &words)
{
    std::set<std::string> options = metricOptions();
    options.insert({"--by", "--threads"});
    Args args(words, withFilterFlags({"--json", "--met", "--normalized"}), options);
    GraphStore store = loadGraph(args.positional(0, "FILE"));
    args.expectAtMost(1);
    std::string by = args.option("--by", "degree");
    if (by != "degree" && by != "betweenness") throw UserError("--by expects degree or betweenness, not '" + by + "'");
    std::size_t top = topOption(args, 20);
    LinkGraph graph = metricGraph(store, args);
    const std::size_t leftOut = personsLeftOut(store, args, graph);

    std::vector<double> score(graph.nodeCount(), 0);
    if (by == "betweenness") {
        auto threads = static_cast<unsigned>(args.integer("--threads", 0, 1024).value_or(0));
        score = betweenness(graph, args.flag("--normalized"), threads);
    } else {
        // Degree counts relations (link weights), as `liaison info` and networkx's MultiGraph do;
        // on --met it is the number of people met.
        for (std::size_t v = 0; v < graph.nodeCount(); ++v)
            score[v] = args.flag("--met") ? static_cast<double>(graph.offsets[v + 1] - graph.offsets[v])
                                          : std::accumulate(graph.weights.begin() + static_cast<std::ptrdiff_t>(graph.offsets[v]),
                                                            graph.weights.begin() + static_cast<std::ptrdiff_t>(graph.offsets[v + 1]), 0.0);
    }
    std::vector<std::size_t> order;
    for (std::size_t v = 0; v < graph.nodeCount(); ++v)
        if (shownKind(args, store.entity(graph.nodes[v]).kind)) order.push_back(v);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return score[x] > score[y]; });
    if (top > 0 && order.size() > top) order.resize(top);

    if (args.flag("--json")) {
        JsonOut out;
        auto &w = out.w();
        w.StartObject();
        out.key("by"), out.string(by);
        out.key("nodes"), w.Uint64(graph.nodeCount());
        out.key("links"), w.Uint64(graph.linkCount());
        if (args.flag("--met")) out.key("persons_left_out"), w.Uint64(leftOut);
        out.key("ranking");
        w.StartArray();
        for (std::size_t rank = 0; rank < order.size(); ++rank) {
            w.StartObject();
            out.key("rank"), w.Uint64(rank + 1);
            out.key("entity"), out.entity(store, graph.nodes[order[rank]]);
            out.key("score"), out.number(score[order[rank]]);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        return 0;
    }
    std::cout << "by " << by << " on " << graph.nodeCount() << " entities, " << graph.linkCount() << " links" << leftOutText(leftOut) << "\n";
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
        char value[32];
        std::snprintf(value, sizeof value, by == "degree" ? "%.0f" : "%.4f", score[order[rank]]);
        std::cout << "  " << rank + 1 << ". " << value << "  " << describe(store, graph.nodes[order[rank]]) << "\n";
    }
    return 0;
}

Command rankCommand()
{
    return {"rank", "entities ranked by degree or betweenness centrality",
            std::string("usage: liaison rank FILE [--by degree|betweenness] [--top N] [--only KINDS] [--met]\n"
                        "                         [--normalized] [--threads N] [filters] [--json]\n\n"
                        "Relations count as links both ways. Degree is the number of relations of an\n"
                        "entity (with --met: the number of people met; persons who met no one are left\n"
                        "out, and counted). Betweenness is exact (Brandes),\n"
                        "on the simple graph (parallel relations once), for each pair the share of\n"
                        "shortest paths through the entity; computed on every core.\n"
                        "  --by degree|betweenness   what to rank by (default degree)\n"
                        "  --normalized              divide betweenness by (n-1)(n-2)/2\n"
                        "  --threads N               threads for betweenness (default: one per core)\n"
                        "  --json                    machine-readable output\n") +
                kMetricHelp + kFilterHelp,
            runRank};
}

} // namespace liaison::cli
