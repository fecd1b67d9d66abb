// The part_of forest of events (session -> conference -> series), used to
// decide at which occasion two participants met.
#pragma once

#include "liaison/graph_store.hpp"
#include "liaison/view.hpp"

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
