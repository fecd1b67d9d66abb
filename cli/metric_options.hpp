// Options shared by the metric commands (rank, communities, components):
// the graph they run on and how much they print.
#pragma once

#include "args.hpp"
#include "query.hpp"

#include "liaison/metrics.hpp"

#include <set>
#include <string>

namespace liaison::cli {

// Options every metric command takes, on top of the filters.
const std::set<std::string> &metricOptions();
extern const char *const kMetricHelp;

// The filtered view's link graph, or with --met the who-met-whom projection
// of the filtered store (persons weighted by shared occasions).
LinkGraph metricGraph(const GraphStore &store, const Args &args);
// With --met: how many persons of the filtered store are not in `graph`
// (they met no one), which the commands must say they left out; else 0.
std::size_t personsLeftOut(const GraphStore &store, const Args &args, const LinkGraph &graph);
// " (N persons who met no one left out)" when N > 0, else "".
std::string leftOutText(std::size_t persons);
// --top N (0 = all), default `fallback`.
std::size_t topOption(const Args &args, std::size_t fallback);
// --only K1,K2: kinds to print (empty = all).
bool shownKind(const Args &args, const std::string &kind);

// Prints the first `shown` groups as "  #i  N entities: a, b, c, ...", the
// names limited to `sample` unless --members, and only of the --only kinds.
void printGroups(const Args &args, const GraphStore &store,
                 const std::vector<std::vector<EntityIndex>> &groups, std::size_t shown, std::size_t sample);
// --json: writes "<listName>": [{"size": N, "members": [entity...]}...] for
// the first `shown` groups, members only of the --only kinds, into the open
// object of `out`.
void writeGroupsJson(JsonOut &out, const Args &args, const GraphStore &store, std::string_view listName,
                     const std::vector<std::vector<EntityIndex>> &groups, std::size_t shown);

} // namespace liaison::cli
