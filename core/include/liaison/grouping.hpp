// Groups of entities for the aggregated view of a large graph: by country,
// by organisation (the memberships `liaison rollup` lifts people by, see
// groupsOf in metrics.hpp) or by Louvain community (as `liaison
// communities`). Every entity of the view is in exactly one group; those
// that belong to none are counted in one "(no country)" / "(no organisation)"
// / "(no community)" group, never dropped.
//
// Threading: pure functions of their arguments; any thread, concurrently.
#pragma once

#include "liaison/view.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace liaison {

enum class GroupBy { Country, Organisation, Community };
std::string_view groupByName(GroupBy by); // "country", "organisation", "community"
// Parses a name as printed by groupByName ("organization" too); UserError
// listing the valid names otherwise.
GroupBy parseGroupBy(std::string_view name);

inline constexpr std::uint32_t kNoGroup = ~std::uint32_t{0};

struct EntityGroup {
    // "group:" + the country's or organisation's id, "group:community-N", or
    // "group:none" for the entities in no group. Stable for the same graph.
    std::string id;
    std::string name;                 // "Russia", "Community 3: Brazil", "(no country)"
    EntityIndex anchor = kNoEntity;   // the country or organisation itself; kNoEntity otherwise
    std::vector<EntityIndex> members; // ascending
};

struct Grouping {
    GroupBy by = GroupBy::Country;
    // Largest first (ties by id); the no-group group, when there is one, last.
    std::vector<EntityGroup> groups;
    std::vector<std::uint32_t> groupOf; // per entity of the store: index into groups; kNoGroup outside the view
};

// The group of each entity of `view`:
//   country      — a country is its own group; a person goes with the
//                  countries groupsOf gives (represents, else works_for's
//                  located_in); an organisation with the country it is
//                  located_in; an event with the country it is held_in, else
//                  that of the event it is part_of; topics and other kinds:
//                  no country.
//   organisation — an organisation is its own group; a person goes with the
//                  organisations groupsOf gives (works_for, member_of,
//                  represents); an event with the organisation that
//                  organised or hosted it; the rest: no organisation.
//   community    — Louvain (louvain on linkGraph of the view, resolution 1);
//                  a community of one entity is no community.
// An entity with several candidate groups (a person representing two
// countries) goes with the first by store order; the choice is stable.
Grouping groupView(const GraphStore &store, const View &view, GroupBy by);

} // namespace liaison
