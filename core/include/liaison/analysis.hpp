// Graph analyses on the store's Boost graph: who met whom, ego networks,
// shortest paths and degree. All read-only; safe to call concurrently.
#pragma once

#include "liaison/view.hpp"

#include <string>
#include <vector>

namespace liaison {

// One shared event (or explicit `met` relation) behind a who-met-whom link.
struct SharedOccasion {
    EntityIndex event = kNoEntity;   // the shared event; kNoEntity for a `met` relation
    std::string date;                // the event's start (or the relation's date), may be empty
    std::vector<RelationIndex> relations; // the participation (or met) relations of both persons
};

struct MetLink {
    EntityIndex person = kNoEntity;  // the other person
    std::vector<SharedOccasion> occasions; // sorted by date then event id
    std::size_t weight() const { return occasions.size(); }
};

// Everyone `person` met: persons who took part (attended, spoke_at, chaired,
// hosted, organised...) in the same event, or in events related by part_of
// (a session and its conference count as the same occasion, reported as the
// most specific shared event), or who are linked by an explicit `met`
// relation. Sorted by weight descending, then name.
std::vector<MetLink> whoMet(const GraphStore &store, EntityIndex person,
                            const ViewFilter &filter = {});

struct MetPair {
    EntityIndex a = kNoEntity, b = kNoEntity; // a < b
    std::size_t weight = 0;                   // number of shared occasions
};
// The whole person-person projection (every pair that met), for ranking,
// exports and benchmarks. Its size grows with the square of an event's
// attendance (8,000 attendees: 32 million pairs). Before building anything
// it bounds the memory the pairs and a graph of them (metGraph) will take;
// past `memoryBudget` bytes it throws ResourceError naming the largest event,
// its attendance and the estimate, and allocates nothing big.
inline constexpr std::size_t kNoMemoryBudget = ~std::size_t{0};
std::vector<MetPair> metProjection(const GraphStore &store, const ViewFilter &filter = {},
                                   std::size_t memoryBudget = kNoMemoryBudget);
// Bytes per met pair that metProjection + metGraph hold at their peak.
inline constexpr std::size_t kBytesPerMetPair = 80;

// The ego network of `centre` to `depth` hops (either direction), walking
// only along relations that pass `filter` (passesRelationFilter: relation
// kinds, sources, dates) and only through entities that pass it
// (passesEntityFilter: kinds, sources, countries, dates; the centre is always
// kept). The view holds the entities reached and the relations among them
// that pass the filter; filter.hideIsolated is not applied.
View egoNetwork(const GraphStore &store, EntityIndex centre, int depth,
                const ViewFilter &filter = {});

struct PathStep {
    EntityIndex from = kNoEntity, to = kNoEntity;
    RelationIndex relation = 0;
    bool forward = true; // true when the relation points from -> to
};
// A shortest chain of relations between two entities, ignoring direction.
// Empty when a == b or when they are not connected.
std::vector<PathStep> shortestPath(const GraphStore &store, EntityIndex a, EntityIndex b,
                                   const ViewFilter &filter = {});

struct DegreeEntry {
    EntityIndex entity = kNoEntity;
    std::size_t in = 0, out = 0;
    std::size_t total() const { return in + out; }
};
// Degrees of every entity of the view, sorted by total degree descending.
std::vector<DegreeEntry> degrees(const GraphStore &store, const View &view);

} // namespace liaison
