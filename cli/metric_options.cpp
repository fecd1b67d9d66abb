#include "metric_options.hpp"
#include "query.hpp"

#include "liaison/printable.hpp"

#include "liaison/errors.hpp"
#include "liaison/filter_spec.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace liaison::cli {

const std::set<std::string> &metricOptions()
{
    static const std::set<std::string> options = [] {
        std::set<std::string> o = filterOptions();
        o.insert({"--top", "--only", "--memory-budget"});
        return o;
    }();
    return options;
}

const char *const kMetricHelp =
    "graph:\n"
    "  --met                    run on who-met-whom (persons, weighted by shared occasions)\n"
    "                           instead of the graph of entities and relations\n"
    "  --memory-budget MB       refuse a who-met-whom graph that would need more (default 2048):\n"
    "                           one event of n persons links n(n-1)/2 pairs\n"
    "  --only K1,K2             print only entities of these kinds (computed on all); a kind\n"
    "                           the graph does not know is an error listing close kinds\n"
    "  --top N                  print the first N (0: all)\n";

LinkGraph metricGraph(const GraphStore &store, const Args &args)
{
    ViewFilter filter = filterFromArgs(store, args);
    // --only is checked as --kinds is: a kind that matches nothing known would
    // print an empty ranking that looks like an answer.
    for (const std::string &kind : splitList(args.option("--only", ""))) resolveKind(store, kind, "--only");
    if (args.flag("--met")) {
        auto megabytes = static_cast<std::size_t>(args.integer("--memory-budget", 1, 1 << 24).value_or(2048));
        return metGraph(store, metProjection(store, filter, megabytes << 20));
    }
    return linkGraph(store, applyFilter(store, wholeGraph(store), filter));
}

std::size_t personsLeftOut(const GraphStore &store, const Args &args, const LinkGraph &graph)
{
    if (!args.flag("--met")) return 0;
    ViewFilter filter = filterFromArgs(store, args);
    std::size_t persons = 0;
    for (EntityIndex e : store.entitiesOfKind("person"))
        if (passesEntityFilter(store, e, filter)) ++persons;
    return persons > graph.nodeCount() ? persons - graph.nodeCount() : 0;
}

std::string leftOutText(std::size_t persons)
{
    if (persons == 0) return "";
    return " (" + std::to_string(persons) + (persons == 1 ? " person who met no one" : " persons who met no one") +
           " left out)";
}

std::size_t topOption(const Args &args, std::size_t fallback)
{
    return static_cast<std::size_t>(args.integer("--top", 0, 1'000'000'000).value_or(static_cast<long long>(fallback)));
}

bool shownKind(const Args &args, const std::string &kind)
{
    std::vector<std::string> only = splitList(args.option("--only", ""));
    return only.empty() || std::find(only.begin(), only.end(), kind) != only.end();
}

void printGroups(const Args &args, const GraphStore &store,
                 const std::vector<std::vector<EntityIndex>> &groups, std::size_t shown, std::size_t sample)
{
    for (std::size_t c = 0; c < shown && c < groups.size(); ++c) {
        std::cout << "  #" << c + 1 << "  " << groups[c].size() << " entities";
        std::size_t listed = 0;
        for (EntityIndex e : groups[c]) {
            if (!shownKind(args, store.entity(e).kind)) continue;
            if (!args.flag("--members") && listed == sample) {
                std::cout << ", ...";
                break;
            }
            std::cout << (listed++ ? ", " : ": ") << printableText(store.entity(e).name);
        }
        std::cout << "\n";
    }
}

void writeGroupsJson(JsonOut &out, const Args &args, const GraphStore &store, std::string_view listName,
                     const std::vector<std::vector<EntityIndex>> &groups, std::size_t shown)
{
    auto &w = out.w();
    out.key(listName);
    w.StartArray();
    for (std::size_t c = 0; c < shown && c < groups.size(); ++c) {
        w.StartObject();
        out.key("size"), w.Uint64(groups[c].size());
        out.key("members");
        w.StartArray();
        for (EntityIndex e : groups[c])
            if (shownKind(args, store.entity(e).kind)) out.entity(store, e);
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
}

} // namespace liaison::cli
