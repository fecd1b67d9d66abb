// liaison rollup FILE --level country|organisation: who met whom, rolled up.
#include "command.hpp"
#include "metric_options.hpp"
#include "query.hpp"

#include "liaison/errors.hpp"

#include <iostream>

namespace liaison::cli {

static void printRelation(const GraphStore &store, RelationIndex r)
{
    const Relation &relation = store.relation(r);
    std::cout << "      " << describe(store, store.relationSource(r)) << " -" << relation.kind << "-> "
              << describe(store, store.relationTarget(r));
    if (!relation.evidence.empty())
        std::cout << "  [" << relation.evidence.front().source << ":" << relation.evidence.front().line << "]";
    std::cout << "\n";
}

static int runRollup(const std::vector<std::string> &words)
{
    std::set<std::string> options = filterOptions();
    options.insert({"--level", "--top", "--expand"});
    Args args(words, withFilterFlags({"--json"}), options);
    GraphStore store = loadGraph(args.positional(0, "FILE"));
    args.expectAtMost(1);
    std::string levelName = args.option("--level", "country");
    RollupLevel level;
    if (levelName == "country") level = RollupLevel::Country;
    else if (levelName == "organisation" || levelName == "organization") level = RollupLevel::Organisation;
    else throw UserError("--level expects country or organisation, not '" + levelName + "'");
    std::size_t top = topOption(args, 20);
    // --expand A,B: only the edge between these two groups, with every relation beneath it.
    EntityIndex expandA = kNoEntity, expandB = kNoEntity;
    if (std::optional<std::string> expand = args.option("--expand")) {
        std::vector<std::string> ends = splitList(*expand);
        if (ends.size() != 2) throw UserError("--expand expects two groups, A,B");
        expandA = resolveEntity(store, ends[0]);
        expandB = resolveEntity(store, ends[1]);
        if (expandA > expandB) std::swap(expandA, expandB);
    }
    Rollup result = rollup(store, level, filterFromArgs(store, args));
    std::vector<const RollupEdge *> edges;
    for (const RollupEdge &edge : result.edges)
        if (expandA == kNoEntity || (edge.a == expandA && edge.b == expandB)) edges.push_back(&edge);
    if (expandA == kNoEntity && top > 0 && edges.size() > top) edges.resize(top);
    bool withRelations = args.flag("--json") || expandA != kNoEntity;

    if (args.flag("--json")) {
        JsonOut out;
        auto &w = out.w();
        w.StartObject();
        out.key("level"), out.string(level == RollupLevel::Country ? "country" : "organisation");
        out.key("groups"), w.Uint64(result.groups.size());
        out.key("edges"), w.Uint64(result.edges.size());
        out.key("links");
        w.StartArray();
        for (const RollupEdge *edge : edges) {
            w.StartObject();
            out.key("a"), out.entity(store, edge->a);
            out.key("b"), out.entity(store, edge->b);
            out.key("personPairs"), w.Uint64(edge->personPairs);
            out.key("occasions"), w.Uint64(edge->occasions);
            out.key("relationCount"), w.Uint64(edge->relations.size());
            if (withRelations) {
                out.key("relations");
                w.StartArray();
                for (RelationIndex r : edge->relations) out.relation(store, r);
                w.EndArray();
            }
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        return 0;
    }
    std::string groupWord = level == RollupLevel::Country ? (result.groups.size() == 1 ? "country" : "countries")
                                                          : (result.groups.size() == 1 ? "organisation" : "organisations");
    std::cout << result.groups.size() << " " << groupWord << " with people, "
              << result.edges.size() << " rolled-up links\n";
    if (expandA != kNoEntity && edges.empty())
        std::cout << "  no person of " << describe(store, expandA) << " met one of " << describe(store, expandB) << "\n";
    for (const RollupEdge *edge : edges) {
        std::cout << "  " << describe(store, edge->a) << " -- " << describe(store, edge->b) << "  "
                  << edge->personPairs << " pairs of people, " << edge->occasions << " occasions, "
                  << edge->relations.size() << " relations\n";
        if (withRelations)
            for (RelationIndex r : edge->relations) printRelation(store, r);
    }
    return 0;
}

Command rollupCommand()
{
    return {"rollup", "who met whom rolled up to countries or organisations",
            std::string("usage: liaison rollup FILE [--level country|organisation] [--top N] [--expand A,B]\n"
                        "                          [filters] [--json]\n\n"
                        "Two countries (organisations) are linked when a person of one met a person of\n"
                        "the other (see `liaison met`). A person's countries are those they represent,\n"
                        "else those of the organisations they work for; their organisations are those\n"
                        "they work for, are members of or represent. Each link counts the pairs of\n"
                        "people, their shared occasions and the relations beneath.\n"
                        "  --level L      country (default) or organisation\n"
                        "  --top N        print the N strongest links (default 20, 0: all)\n"
                        "  --expand A,B   the link between A and B with every relation beneath it\n"
                        "  --json         machine-readable output, relations included\n") +
                kFilterHelp,
            runRollup};
}

} // namespace liaison::cli
