// The one filter parser of the CLI and the viewer: what a user typed for
// --kinds, --relation-kinds, --source, --country, --from, --to and
// --hide-isolated, checked against a graph and turned into a ViewFilter.
// A value that matches nothing known is refused (UserError) with the close
// candidates, never silently dropped: a filter must not show a graph that
// looks filtered but is not.
#pragma once

#include "liaison/graph_store.hpp"
#include "liaison/view.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace liaison {

// What the user typed, one entry per listed value, before any check.
struct FilterSpec {
    std::vector<std::string> kinds;          // entity kinds
    std::vector<std::string> relationKinds;  // relation kinds
    std::vector<std::string> sources;        // source ids, titles or paths
    std::vector<std::string> countries;      // ids, names in any language, ISO 3166 codes
    std::optional<std::string> from, to;     // YYYY[-MM[-DD]]
    bool hideIsolated = false;
};

// Splits "a,b,c" (an option's list) into its non-empty parts.
std::vector<std::string> splitList(std::string_view text);

// Checks every value against `store` and returns the filter. Throws UserError
// naming the option, the value and the close candidates for: a kind neither
// in the graph nor first-class, a relation kind neither in the graph nor in
// the vocabulary, a source that is no source of the graph, a country that
// names no country entity of the graph, an invalid date, a window whose
// --from is after its --to, or (when `store` holds any entity) a window that
// holds no dated fact of the graph (checkDateWindow).
ViewFilter resolveFilter(const GraphStore &store, const FilterSpec &spec);

// The kind as known (the graph's kinds and the first-class kinds), or a
// UserError naming `option` with close candidates. Shared by --kinds and the
// viewer's --hide-kind.
std::string resolveKind(const GraphStore &store, std::string_view typed, std::string_view option);

// The country entity named by `typed`: its id, a name or alias in any
// language the graph holds, an ISO 3166 alpha-2 or alpha-3 code ("tw", "TWN")
// or a country's name in another language ("Тайвань"), both read through
// ICU's region names and then through the graph's own names. Throws UserError
// (with the graph's closest countries) when it names no country of the graph.
EntityIndex resolveCountry(const GraphStore &store, std::string_view typed);

// Checks an ISO date (YYYY, YYYY-MM or YYYY-MM-DD, a real calendar day) and
// returns it; UserError naming `option` otherwise.
std::string checkIsoDate(std::string_view typed, std::string_view option);

// The first and last dates (ISO text, as stored) of the graph's dated facts:
// events' start and end, relations' date.
struct DateSpan {
    std::string first, last;
};
std::optional<DateSpan> datedSpan(const GraphStore &store);

// Throws UserError when `filter` has a date window (--from / --to) that no
// dated event or relation of `store` falls in, naming the graph's datedSpan
// (or saying it has no dated fact at all). Other filters are not considered.
void checkDateWindow(const GraphStore &store, const ViewFilter &filter);

} // namespace liaison
