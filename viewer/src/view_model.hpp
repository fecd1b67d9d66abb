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
    // When not empty: keep the selected countries and what lies within two
    // relations of one of them (an event held there and its participants, an
    // organisation located there and its people).
    std::set<std::string, std::less<>> countries; // entity ids
    std::string from, to;                         // ISO dates, empty = open
    bool operator==(const FilterState &) const = default;
};

// The core filter for these settings (countries are applied by computeView).
ViewFilter toViewFilter(const GraphStore &store, const FilterState &filters);

View computeView(const GraphStore &store, const ViewEdits &edits, const FilterState &filters);

// Kinds and relation kinds present in the store, sorted (first-class kinds first).
std::vector<std::string> kindsPresent(const GraphStore &store);
std::vector<std::string> relationKindsPresent(const GraphStore &store);

} // namespace liaison::viewer
