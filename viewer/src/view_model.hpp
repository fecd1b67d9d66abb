// What the canvas shows: the store filtered by the filter panel, narrowed to
// the focus's ego network, plus expanded neighbours and pinned entities,
// minus hidden ones. Pure function of its inputs.
#pragma once

#include "doc_state.hpp"

#include "liaison/view.hpp"

#include <set>
#include <string>

namespace liaison::viewer {

// The filter panel's settings. Exclusion sets, so kinds that appear later
// (another file, an import) are shown by default.
struct FilterState {
    std::set<std::string, std::less<>> hiddenKinds;
    std::set<std::string, std::less<>> hiddenRelationKinds;
    std::set<std::string, std::less<>> hiddenSources;
    // When not empty: the CLI's --country (core ViewFilter::countries): these
    // countries, what is tied to them, and what is tied to no country.
    std::set<std::string, std::less<>> countries; // entity ids
    std::string from, to;                         // ISO dates as typed, empty = open
    bool hideIsolated = false;
    bool operator==(const FilterState &) const = default;
};

// The core filter for these settings. A date that is not a valid ISO date is
// left out (the panel shows why, see dateProblem).
ViewFilter toViewFilter(const GraphStore &store, const FilterState &filters);
// Why the typed dates are not applied ("--from: '2017-13' has no month 13 ..."),
// or "" when they are.
std::string dateProblem(const FilterState &filters);
// The panel's settings for a filter the core parser resolved (the CLI's
// options given to the viewer).
FilterState fromViewFilter(const GraphStore &store, const ViewFilter &filter);

View computeView(const GraphStore &store, const ViewEdits &edits, const FilterState &filters);

// Kinds and relation kinds present in the store, sorted (first-class kinds first).
std::vector<std::string> kindsPresent(const GraphStore &store);
std::vector<std::string> relationKindsPresent(const GraphStore &store);

} // namespace liaison::viewer
