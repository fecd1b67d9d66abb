// liaison path FILE A B [--k N]: a shortest chain of relations between two
// entities, or the N shortest loopless chains (Yen's algorithm).
#include "archive_access.hpp"
#include "command.hpp"
#include "query.hpp"

#include "liaison/printable.hpp"

#include "liaison/analysis.hpp"
#include "liaison/errors.hpp"
#include "liaison/metrics.hpp"

#include <cstdlib>
#include <iostream>
#include <optional>

namespace liaison::cli {

namespace {

using Chain = std::vector<PathStep>;

// --k N (N >= 1); nullopt when absent.
std::optional<std::size_t> kOption(const Args &args)
{
    std::optional<long long> k = args.integer("--k", 1, 10'000);
    if (!k) return std::nullopt;
    return static_cast<std::size_t>(*k);
}

void writeSteps(JsonOut &out, const GraphStore &store, const Chain &steps)
{
    auto &w = out.w();
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
}

void printSteps(const GraphStore &store, EntityIndex a, const Chain &steps, const char *indent)
{
    std::cout << indent << describe(store, a) << "\n";
    for (const PathStep &step : steps) {
        const Relation &relation = store.relation(step.relation);
        std::string kind = printableText(relation.kind);
        std::cout << indent << "  " << (step.forward ? "-" + kind + "->" : "<-" + kind + "-") << " "
                  << describe(store, step.to);
        if (!relation.evidence.empty())
            std::cout << "    [" << printableText(relation.evidence.front().source) << ":"
                      << relation.evidence.front().line << "] " << printableText(relation.evidence.front().quote);
        std::cout << "\n";
    }
}

int runPath(const std::vector<std::string> &words)
{
    Args args(words, withFilterFlags({"--json"}), [] {
        std::set<std::string> options = filterOptions();
        options.insert("--k");
        return options;
    }());
    const std::string &where = args.positional(0, "FILE");
    args.expectAtMost(3);
    std::optional<std::size_t> k = kOption(args);
    // The k shortest chains (or the shortest) of `store` under `filter`.
    auto findChains = [&](const GraphStore &store, EntityIndex a, EntityIndex b, const ViewFilter &filter) {
        std::vector<Chain> found;
        if (a == b) {
            found.emplace_back();
        } else if (k) {
            View view = applyFilter(store, wholeGraph(store), filter);
            found = kShortestPaths(store, view, a, b, *k);
        } else if (Chain steps = shortestPath(store, a, b, filter); !steps.empty()) {
            found.push_back(std::move(steps));
        }
        return found;
    };
    GraphStore store;
    EntityIndex a = kNoEntity, b = kNoEntity;
    std::vector<Chain> chains;
    std::optional<std::size_t> unfilteredLength; // when filtered and not connected: 0 = not connected either
    if (isArchive(where)) {
        ViewFilter filter = filterFromArgs(args);
        ArchiveSlice slice;
        if (!k && filter.sources.empty() && filter.countries.empty() && !filter.from && !filter.to) {
            // The server keeps the entities on shortest chains; core picks one as on a file.
            slice = archivePathSlice(where, args.positional(1, "A"), args.positional(2, "B"), filter);
            chains = findChains(slice.store, slice.a, slice.b, filter);
        } else {
            // Growing corridors: every chain of at most `length` steps lies in the
            // corridor of that length, so once the k chains found there are no
            // longer than it, they are the file's.
            const std::size_t wanted = k ? *k : 1;
            slice = archiveCorridorSearch(where, args.positional(1, "A"), args.positional(2, "B"), filter,
                                          [&](const ArchiveSlice &s, int length) {
                                              chains = findChains(s.store, s.a, s.b, filter);
                                              return s.a == s.b || (chains.size() == wanted &&
                                                                    chains.back().size() <= std::size_t(length));
                                          });
        }
        store = std::move(slice.store);
        a = slice.a, b = slice.b;
    } else {
        store = loadGraph(where);
        a = resolveEntity(store, args.positional(1, "A"));
        b = resolveEntity(store, args.positional(2, "B"));
        ViewFilter filter = filterFromArgs(store, args);
        chains = findChains(store, a, b, filter);
        // "Not connected" under a filter must say whether the filter is why.
        if (chains.empty() && anyFilterGiven(args)) unfilteredLength = shortestPath(store, a, b, ViewFilter{}).size();
    }
    const bool connected = !chains.empty();

    if (args.flag("--json")) {
        JsonOut out;
        auto &w = out.w();
        w.StartObject();
        out.key("from"), out.entity(store, a);
        out.key("to"), out.entity(store, b);
        out.key("connected"), w.Bool(connected);
        if (unfilteredLength) out.key("connected_without_filters"), w.Bool(*unfilteredLength > 0);
        if (k) {
            out.key("paths");
            w.StartArray();
            for (const Chain &chain : chains) {
                w.StartObject();
                out.key("length"), w.Uint64(chain.size());
                out.key("steps"), writeSteps(out, store, chain);
                w.EndObject();
            }
            w.EndArray();
        } else {
            out.key("steps"), writeSteps(out, store, connected ? chains.front() : Chain{});
        }
        w.EndObject();
        return connected ? 0 : 1;
    }
    if (!connected) {
        std::cout << describe(store, a) << " and " << describe(store, b) << " are not connected";
        if (anyFilterGiven(args)) std::cout << " within the filters";
        if (unfilteredLength && *unfilteredLength > 0)
            std::cout << "; without them they are, in " << *unfilteredLength
                      << (*unfilteredLength == 1 ? " step" : " steps");
        if (unfilteredLength && *unfilteredLength == 0) std::cout << ", nor without them";
        std::cout << "\n";
        return 1;
    }
    if (!k) {
        printSteps(store, a, chains.front(), "");
        return 0;
    }
    for (std::size_t i = 0; i < chains.size(); ++i) {
        std::cout << (i ? "\n" : "") << "chain " << i + 1 << " (" << chains[i].size()
                  << (chains[i].size() == 1 ? " step" : " steps") << ")\n";
        printSteps(store, a, chains[i], "  ");
    }
    return 0;
}

} // namespace

Command pathCommand()
{
    return {"path", "shortest chains of relations between two entities",
            std::string("usage: liaison path FILE|URL A B [--k N] [filters] [--json]\n\n"
                        "Walks relations in either direction; each step names its relation kind and\n"
                        "direction. Exit code 1 when A and B are not connected; under filters it then\n"
                        "says whether they are connected without them (JSON: \"connected_without_filters\").\n"
                        "  --k N    the N shortest loopless chains (Yen), shortest first\n"
                        "           (JSON: \"paths\": [{\"length\", \"steps\"}] instead of \"steps\")\n"
                        "  --json   machine-readable output\n") + kFilterHelp,
            runPath};
}

} // namespace liaison::cli
