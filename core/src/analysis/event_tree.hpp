// The part_of forest of events (session -> conference -> series), used to
// decide at which occasion two participants met.
#pragma once

#include "liaison/graph_store.hpp"
#include "liaison/view.hpp"

#include <unordered_map>
#include <vector>

namespace liaison {

class EventTree {
public:
    explicit EventTree(const GraphStore &store);
    // The event `e` is part of, or kNoEntity.
    EntityIndex parent(EntityIndex e) const { return m_parent[e]; }
    // The most specific event both `a` and `b` are (part of), or kNoEntity.
    EntityIndex commonEvent(EntityIndex a, EntityIndex b) const;
    EntityIndex root(EntityIndex e) const;

private:
    std::vector<EntityIndex> m_parent;
    std::vector<int> m_depth;
};

// The same forest as EventTree, computed only for the trees a query touches
// (one tree at a time, memoised), so a per-person query costs the size of
// the person's event trees rather than the size of the store. Gives exactly
// EventTree's answers, cycles included. Not thread-safe (memo); one per query.
class LazyEventTree {
public:
    explicit LazyEventTree(const GraphStore &store) : m_store(store) {}
    EntityIndex parent(EntityIndex e) { return info(e).parent; }
    EntityIndex commonEvent(EntityIndex a, EntityIndex b);
    EntityIndex root(EntityIndex e);

private:
    struct Info {
        EntityIndex parent = kNoEntity;
        int depth = 0;
    };
    const Info &info(EntityIndex e);
    void computeTree(EntityIndex e);

    const GraphStore &m_store;
    std::unordered_map<EntityIndex, Info> m_info;
};

// The event `e` is directly part_of, ignoring cycles: the target of its first
// part_of relation to another event. kNoEntity for non-events and roots.
EntityIndex rawEventParent(const GraphStore &store, EntityIndex e);

// A person's taking part in an event: the event and the relation saying so.
struct Participation {
    EntityIndex event;
    RelationIndex relation;
};
// Participation relations of a person (attended, spoke_at, chaired, hosted,
// organised, in either direction) that pass the filter.
std::vector<Participation> participationsOf(const GraphStore &store, EntityIndex person,
                                            const ViewFilter &filter);

} // namespace liaison
