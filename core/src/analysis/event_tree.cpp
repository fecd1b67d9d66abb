#include "analysis/event_tree.hpp"

namespace liaison {

static bool isEvent(const GraphStore &store, EntityIndex e)
{
    return knownKind(store.entity(e).kind) == KnownKind::Event;
}

EventTree::EventTree(const GraphStore &store)
    : m_parent(store.entityCount(), kNoEntity), m_depth(store.entityCount(), -1)
{
    for (EntityIndex e : store.entitiesOfKind("event")) {
        for (RelationIndex r : store.outRelations(e)) {
            EntityIndex target = store.relationTarget(r);
            if (store.relation(r).kind == "part_of" && target != e && isEvent(store, target)) {
                m_parent[e] = target;
                break;
            }
        }
    }
    // Depths, refusing cycles (a cycle is cut where it closes).
    for (EntityIndex e = 0; e < m_parent.size(); ++e) {
        std::vector<EntityIndex> chain;
        EntityIndex at = e;
        while (at != kNoEntity && m_depth[at] < 0) {
            m_depth[at] = -2; // on the current chain
            chain.push_back(at);
            at = m_parent[at];
        }
        if (at != kNoEntity && m_depth[at] == -2) m_parent[at] = kNoEntity; // cut the cycle
        int depth = (at == kNoEntity || m_depth[at] < 0) ? -1 : m_depth[at];
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            if (m_parent[*it] == kNoEntity) depth = -1;
            m_depth[*it] = ++depth;
        }
    }
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
