// liaison components FILE: the connected components, largest first.
#include "command.hpp"
#include "metric_options.hpp"
#include "query.hpp"

#include <iostream>

namespace liaison::cli {

static int runComponents(const std::vector<std::string> &words)
{
    Args args(words, withFilterFlags({"--json", "--met", "--members"}), metricOptions());
    GraphStore store = loadGraph(args.positional(0, "FILE"));
    args.expectAtMost(1);
    std::size_t top = topOption(args, 10);
    LinkGraph graph = metricGraph(store, args);
    std::vector<std::vector<EntityIndex>> members = componentMembers(graph);
    std::size_t shown = top > 0 ? std::min(top, members.size()) : members.size();

    if (args.flag("--json")) {
        JsonOut out;
        auto &w = out.w();
        w.StartObject();
        out.key("count"), w.Uint64(members.size());
        writeGroupsJson(out, args, store, "components", members, shown);
        w.EndObject();
        return 0;
    }
    std::cout << members.size() << " connected component" << (members.size() == 1 ? "" : "s") << " over "
              << graph.nodeCount() << " entities\n";
    printGroups(args, store, members, shown, 5);
    return 0;
}

Command componentsCommand()
{
    return {"components", "the connected components of the graph, largest first",
            std::string("usage: liaison components FILE [--top N] [--members] [--only KINDS] [--met] [filters] [--json]\n\n"
                        "Relations link both ways. Prints each component's size and its first members.\n"
                        "  --members   list every member (the JSON output always does)\n"
                        "  --json      machine-readable output\n") +
                kMetricHelp + kFilterHelp,
            runComponents};
}

} // namespace liaison::cli
