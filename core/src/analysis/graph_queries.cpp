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

enum class Walk { Skip, Enter, Stop };

// The one breadth-first walk of this file: from `start`, direction ignored,
// along relations that pass `filter`. Each entity is offered once, when
// first reached: enter(next, from, relation, forward) says whether to skip
// it (it may be offered again through another relation), enter it, or stop
// the whole walk. An entered entity's relations are followed when
// expand(entity) is true.
template <typename Expand, typename Enter>
void breadthFirst(const GraphStore &store, EntityIndex start, const ViewFilter &filter, Expand expand, Enter enter)
{
    std::vector<bool> seen(store.entityCount());
    seen[start] = true;
    std::deque<EntityIndex> queue{start};
    bool stop = false;
    while (!queue.empty() && !stop) {
        EntityIndex e = queue.front();
        queue.pop_front();
        if (!expand(e)) continue;
        forEachNeighbour(store, e, filter, [&](EntityIndex next, RelationIndex r, bool forward) {
            if (stop || seen[next]) return;
            Walk step = enter(next, e, r, forward);
            if (step == Walk::Skip) return;
            seen[next] = true;
            if (step == Walk::Stop) stop = true;
            else queue.push_back(next);
        });
    }
}

} // namespace

View egoNetwork(const GraphStore &store, EntityIndex centre, int depth, const ViewFilter &filter)
{
    std::vector<int> distance(store.entityCount(), -1);
    distance[centre] = 0;
    std::vector<EntityIndex> reached{centre};
    breadthFirst(
        store, centre, filter, [&](EntityIndex e) { return distance[e] < depth; },
        [&](EntityIndex next, EntityIndex from, RelationIndex, bool) {
            if (!passesEntityFilter(store, next, filter)) return Walk::Skip;
            distance[next] = distance[from] + 1;
            reached.push_back(next);
            return Walk::Enter;
        });
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
    arrival[a].seen = true;
    breadthFirst(
        store, a, filter, [](EntityIndex) { return true; },
        [&](EntityIndex next, EntityIndex from, RelationIndex r, bool forward) {
            if (next != b && !passesEntityFilter(store, next, filter)) return Walk::Skip;
            arrival[next] = {from, r, forward, true};
            return next == b ? Walk::Stop : Walk::Enter;
        });
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
