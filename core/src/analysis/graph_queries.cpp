// Ego networks, shortest paths and degrees: breadth-first walks over the
// store's Boost graph, ignoring edge direction (a relation links both ways
// for "how is A connected to B").
#include "liaison/analysis.hpp"
#include "store/graph_topology.hpp"

#include <algorithm>
#include <deque>

namespace liaison {

namespace {

// Calls visit(neighbour, relation, forward) for each relation of `e` that passes the filter.
template <typename Visit>
void forEachNeighbour(const GraphStore &store, EntityIndex e, const ViewFilter &filter, Visit visit)
{
    const BoostGraph &g = store.topology().graph;
    for (auto [it, end] = boost::out_edges(e, g); it != end; ++it) {
        RelationIndex r = g[*it];
        if (passesRelationFilter(store, r, filter)) visit(static_cast<EntityIndex>(boost::target(*it, g)), r, true);
    }
    for (auto [it, end] = boost::in_edges(e, g); it != end; ++it) {
        RelationIndex r = g[*it];
        if (passesRelationFilter(store, r, filter)) visit(static_cast<EntityIndex>(boost::source(*it, g)), r, false);
    }
}

} // namespace

View egoNetwork(const GraphStore &store, EntityIndex centre, int depth, const ViewFilter &filter)
{
    std::vector<int> distance(store.entityCount(), -1);
    std::deque<EntityIndex> queue{centre};
    distance[centre] = 0;
    std::vector<EntityIndex> reached{centre};
    while (!queue.empty()) {
        EntityIndex e = queue.front();
        queue.pop_front();
        if (distance[e] >= depth) continue;
        forEachNeighbour(store, e, filter, [&](EntityIndex next, RelationIndex, bool) {
            if (distance[next] >= 0 || !passesEntityFilter(store, next, filter)) return;
            distance[next] = distance[e] + 1;
            reached.push_back(next);
            queue.push_back(next);
        });
    }
    View view = induced(store, std::move(reached));
    std::erase_if(view.relations, [&](RelationIndex r) { return !passesRelationFilter(store, r, filter); });
    return view;
}

std::vector<PathStep> shortestPath(const GraphStore &store, EntityIndex a, EntityIndex b,
                                   const ViewFilter &filter)
{
    if (a == b) return {};
    struct Arrival {
        EntityIndex from = kNoEntity;
        RelationIndex relation = 0;
        bool forward = true;
        bool seen = false;
    };
    std::vector<Arrival> arrival(store.entityCount());
    std::deque<EntityIndex> queue{a};
    arrival[a].seen = true;
    while (!queue.empty() && !arrival[b].seen) {
        EntityIndex e = queue.front();
        queue.pop_front();
        forEachNeighbour(store, e, filter, [&](EntityIndex next, RelationIndex r, bool forward) {
            if (arrival[next].seen) return;
            if (next != b && !passesEntityFilter(store, next, filter)) return;
            arrival[next] = {e, r, forward, true};
            queue.push_back(next);
        });
    }
    if (!arrival[b].seen) return {};
    std::vector<PathStep> steps;
    for (EntityIndex at = b; at != a; at = arrival[at].from)
        steps.push_back({arrival[at].from, at, arrival[at].relation, arrival[at].forward});
    std::reverse(steps.begin(), steps.end());
    return steps;
}

std::vector<DegreeEntry> degrees(const GraphStore &store, const View &view)
{
    std::vector<DegreeEntry> table(store.entityCount());
    for (EntityIndex e : view.entities) table[e].entity = e;
    for (RelationIndex r : view.relations) {
        ++table[store.relationSource(r)].out;
        ++table[store.relationTarget(r)].in;
    }
    std::vector<DegreeEntry> result;
    result.reserve(view.entities.size());
    for (EntityIndex e : view.entities) result.push_back(table[e]);
    std::stable_sort(result.begin(), result.end(),
                     [](const DegreeEntry &x, const DegreeEntry &y) { return x.total() > y.total(); });
    return result;
}

} // namespace liaison
