// liaison path FILE A B: a shortest chain of relations between two entities.
#include "command.hpp"
#include "query.hpp"

#include "liaison/analysis.hpp"

#include <iostream>

namespace liaison::cli {

static int runPath(const std::vector<std::string> &words)
{
    Args args(words, {"--json"}, filterOptions());
    GraphStore store = loadGraph(args.positional(0, "FILE"));
    EntityIndex a = resolveEntity(store, args.positional(1, "A"));
    EntityIndex b = resolveEntity(store, args.positional(2, "B"));
    args.expectAtMost(3);
    std::vector<PathStep> steps = shortestPath(store, a, b, filterFromArgs(args));
    bool connected = !steps.empty() || a == b;

    if (args.flag("--json")) {
        JsonOut out;
        auto &w = out.w();
        w.StartObject();
        out.key("from"), out.entity(store, a);
        out.key("to"), out.entity(store, b);
        out.key("connected"), w.Bool(connected);
        out.key("steps");
        w.StartArray();
        for (const PathStep &step : steps) {
            const Relation &relation = store.relation(step.relation);
            w.StartObject();
            out.key("from"), out.entity(store, step.from);
            out.key("to"), out.entity(store, step.to);
            out.key("relation"), out.string(relation.kind);
            out.key("forward"), w.Bool(step.forward);
            out.key("evidence"), out.evidence(relation.evidence);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        return connected ? 0 : 1;
    }
    if (!connected) {
        std::cout << describe(store, a) << " and " << describe(store, b) << " are not connected\n";
        return 1;
    }
    std::cout << describe(store, a) << "\n";
    for (const PathStep &step : steps) {
        const Relation &relation = store.relation(step.relation);
        std::cout << "  " << (step.forward ? "-" + relation.kind + "->" : "<-" + relation.kind + "-") << " "
                  << describe(store, step.to);
        if (!relation.evidence.empty())
            std::cout << "    [" << relation.evidence.front().source << ":" << relation.evidence.front().line << "] "
                      << relation.evidence.front().quote;
        std::cout << "\n";
    }
    return 0;
}

Command pathCommand()
{
    return {"path", "a shortest chain of relations between two entities",
            std::string("usage: liaison path FILE A B [filters] [--json]\n\n"
                        "Walks relations in either direction; each step names its relation kind and\n"
                        "direction. Exit code 1 when A and B are not connected.\n"
                        "  --json   machine-readable output\n") + kFilterHelp,
            runPath};
}

} // namespace liaison::cli
