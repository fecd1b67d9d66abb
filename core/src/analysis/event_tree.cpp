#include "analysis/event_tree.hpp"
#include "store/graph_topology.hpp"

#include <algorithm>

namespace liaison {

static bool isEvent(const GraphStore &store, EntityIndex e)
{
    return knownKind(store.entity(e).kind) == KnownKind::Event;
}

EntityIndex rawEventParent(const GraphStore &store, EntityIndex e)
{
    if (store.entity(e).kind != "event") return kNoEntity;
    const BoostGraph &g = store.topology().graph;
    for (auto [it, end] = boost::out_edges(e, g); it != end; ++it) {
        auto target = static_cast<EntityIndex>(boost::target(*it, g));
        if (target != e && store.relation(g[*it]).kind == "part_of" && isEvent(store, target)) return target;
    }
    return kNoEntity;
}

// Depths of a parent forest given as indices into `parent` (kNoEntity for
// roots), visiting nodes in index order and refusing cycles: a cycle is cut
// where the walk from the lowest node that reaches it closes it.
static void resolveForest(std::vector<EntityIndex> &parent, std::vector<int> &depth)
{
    depth.assign(parent.size(), -1);
    std::vector<EntityIndex> chain;
    for (EntityIndex e = 0; e < parent.size(); ++e) {
        for (;;) {
            chain.clear();
            EntityIndex at = e;
            while (at != kNoEntity && depth[at] == -1) {
                depth[at] = -2; // on the current chain
                chain.push_back(at);
                at = parent[at];
            }
            if (at != kNoEntity && depth[at] == -2) {
                // The walk closed a cycle at `at`: cut it there and walk again.
                parent[at] = kNoEntity;
                for (EntityIndex c : chain) depth[c] = -1;
                continue;
            }
            int d = at == kNoEntity ? -1 : depth[at];
            for (auto it = chain.rbegin(); it != chain.rend(); ++it) depth[*it] = ++d;
            break;
        }
    }
}

EventTree::EventTree(const GraphStore &store) : m_parent(store.entityCount(), kNoEntity)
{
    for (EntityIndex e : store.entitiesOfKind("event")) m_parent[e] = rawEventParent(store, e);
    resolveForest(m_parent, m_depth);
}

EntityIndex EventTree::root(EntityIndex e) const
{
    while (m_parent[e] != kNoEntity) e = m_parent[e];
    return e;
}

EntityIndex EventTree::commonEvent(EntityIndex a, EntityIndex b) const
{
    while (a != kNoEntity && b != kNoEntity && a != b) {
        if (m_depth[a] >= m_depth[b])
            a = m_parent[a];
        else
            b = m_parent[b];
    }
    return a == b ? a : kNoEntity;
}

const LazyEventTree::Info &LazyEventTree::info(EntityIndex e)
{
    if (auto it = m_info.find(e); it != m_info.end()) return it->second;
    computeTree(e);
    return m_info.at(e);
}

void LazyEventTree::computeTree(EntityIndex e)
{
    // Climb to the top of e's tree (a root, or the cycle it ends in), then
    // gather everything below it: the whole weakly connected part_of tree.
    std::vector<EntityIndex> top;
    for (EntityIndex at = e; at != kNoEntity;) {
        if (std::find(top.begin(), top.end(), at) != top.end()) {
            top.erase(top.begin(), std::find(top.begin(), top.end(), at)); // keep the cycle
            break;
        }
        top.push_back(at);
        EntityIndex up = rawEventParent(m_store, at);
        if (up == kNoEntity) top = {at};
        at = up;
    }
    std::vector<EntityIndex> members = top;
    const BoostGraph &g = m_store.topology().graph;
    for (std::size_t i = 0; i < members.size(); ++i) {
        EntityIndex y = members[i];
        for (auto [it, end] = boost::in_edges(y, g); it != end; ++it) {
            auto x = static_cast<EntityIndex>(boost::source(*it, g));
            if (m_store.relation(g[*it]).kind != "part_of") continue;
            if (std::find(top.begin(), top.end(), x) != top.end()) continue;
            // Each non-cycle event has one parent, so it is reached once.
            if (rawEventParent(m_store, x) == y) members.push_back(x);
        }
    }
    // Same answer as the whole-store EventTree: resolve in index order.
    std::sort(members.begin(), members.end());
    auto local = [&](EntityIndex x) {
        auto it = std::lower_bound(members.begin(), members.end(), x);
        return it != members.end() && *it == x ? static_cast<EntityIndex>(it - members.begin()) : kNoEntity;
    };
    std::vector<EntityIndex> parent(members.size());
    for (std::size_t i = 0; i < members.size(); ++i) {
        EntityIndex up = rawEventParent(m_store, members[i]);
        parent[i] = up == kNoEntity ? kNoEntity : local(up);
    }
    std::vector<int> depth;
    resolveForest(parent, depth);
    for (std::size_t i = 0; i < members.size(); ++i)
        m_info[members[i]] = {parent[i] == kNoEntity ? kNoEntity : members[parent[i]], depth[i]};
}

EntityIndex LazyEventTree::root(EntityIndex e)
{
    while (parent(e) != kNoEntity) e = parent(e);
    return e;
}

EntityIndex LazyEventTree::commonEvent(EntityIndex a, EntityIndex b)
{
    while (a != kNoEntity && b != kNoEntity && a != b) {
        if (info(a).depth >= info(b).depth)
            a = parent(a);
        else
            b = parent(b);
    }
    return a == b ? a : kNoEntity;
}

std::vector<Participation> participationsOf(const GraphStore &store, EntityIndex person,
                                            const ViewFilter &filter)
{
    std::vector<Participation> found;
    auto consider = [&](RelationIndex r, EntityIndex other) {
        if (!isParticipation(store.relation(r).kind) || !isEvent(store, other)) return;
        if (!passesRelationFilter(store, r, filter) || !passesEntityFilter(store, other, filter)) return;
        found.push_back({other, r});
    };
    for (RelationIndex r : store.outRelations(person)) consider(r, store.relationTarget(r));
    for (RelationIndex r : store.inRelations(person)) consider(r, store.relationSource(r));
    return found;
}

} // namespace liaison
