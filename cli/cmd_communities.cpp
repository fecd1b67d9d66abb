// liaison communities FILE: Louvain communities, largest first.
#include "command.hpp"
#include "metric_options.hpp"
#include "query.hpp"

#include "liaison/errors.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace liaison::cli {

static int runCommunities(const std::vector<std::string> &words)
{
    std::set<std::string> options = metricOptions();
    options.insert("--resolution");
    Args args(words, withFilterFlags({"--json", "--met", "--members"}), options);
    GraphStore store = loadGraph(args.positional(0, "FILE"));
    args.expectAtMost(1);
    std::size_t top = topOption(args, 10);
    double resolution = args.number("--resolution", 1e-6, 1e6).value_or(1);
    LinkGraph graph = metricGraph(store, args);
    const std::size_t leftOut = personsLeftOut(store, args, graph);
    Communities found = louvain(graph, resolution);
    std::vector<std::vector<EntityIndex>> members(found.count);
    for (std::size_t v = 0; v < graph.nodeCount(); ++v) members[found.community[v]].push_back(graph.nodes[v]);
    std::size_t shown = top > 0 ? std::min(top, members.size()) : members.size();

    if (args.flag("--json")) {
        JsonOut out;
        auto &w = out.w();
        w.StartObject();
        out.key("count"), w.Uint64(found.count);
        out.key("modularity"), out.number(found.modularity);
        if (args.flag("--met")) out.key("persons_left_out"), w.Uint64(leftOut);
        writeGroupsJson(out, args, store, "communities", members, shown);
        w.EndObject();
        return 0;
    }
    char q[32];
    std::snprintf(q, sizeof q, "%.4f", found.modularity);
    std::cout << found.count << " communities (Louvain, modularity " << q << ") over " << graph.nodeCount()
              << " entities" << leftOutText(leftOut) << "\n";
    printGroups(args, store, members, shown, 8);
    return 0;
}

Command communitiesCommand()
{
    return {"communities", "communities of densely linked entities (Louvain)",
            std::string("usage: liaison communities FILE [--resolution R] [--top N] [--members] [--only KINDS]\n"
                        "                               [--met] [filters] [--json]\n\n"
                        "Louvain modularity optimisation; parallel relations add weight. With --met,\n"
                        "groups of people who met, weighted by their shared occasions (persons who met\n"
                        "no one are left out, and counted).\n"
                        "  --resolution R   above 1 finds smaller communities, below 1 larger (default 1)\n"
                        "  --members        list every member (the JSON output always does)\n"
                        "  --json           machine-readable output\n") +
                kMetricHelp + kFilterHelp,
            runCommunities};
}

} // namespace liaison::cli
