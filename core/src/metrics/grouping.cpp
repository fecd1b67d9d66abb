// Groups of the aggregated view: countries and organisations through the
// roll-up's memberships (groupsOf), communities through Louvain.
#include "liaison/grouping.hpp"

#include "analysis/event_tree.hpp"
#include "liaison/errors.hpp"
#include "liaison/metrics.hpp"

#include <algorithm>
#include <optional>

namespace liaison {

namespace {

bool isKind(const GraphStore &store, EntityIndex e, KnownKind kind) { return knownKind(store.entity(e).kind) == kind; }

// The first target of a `relationKind` relation from `e` that is of `kind`.
EntityIndex firstTarget(const GraphStore &store, EntityIndex e, std::string_view relationKind, KnownKind kind)
{
    EntityIndex found = kNoEntity;
    for (RelationIndex r : store.outRelations(e))
        if (store.relation(r).kind == relationKind && isKind(store, store.relationTarget(r), kind))
            found = std::min(found, store.relationTarget(r));
    return found;
}

EntityIndex firstOf(const std::vector<EntityIndex> &groups) { return groups.empty() ? kNoEntity : groups.front(); }

// The event's country: where it was held, else where the event it is part
// of was held (up the part_of chain, cycles cut by the depth bound).
EntityIndex countryOfEvent(const GraphStore &store, const EventTree &events, EntityIndex e)
{
    for (int depth = 0; e != kNoEntity && depth < 32; ++depth, e = events.parent(e))
        if (EntityIndex c = firstTarget(store, e, "held_in", KnownKind::Country); c != kNoEntity) return c;
    return kNoEntity;
}

EntityIndex organiserOf(const GraphStore &store, EntityIndex event)
{
    EntityIndex found = kNoEntity;
    for (RelationIndex r : store.inRelations(event)) {
        const std::string &kind = store.relation(r).kind;
        if ((kind == "organised" || kind == "hosted") && isKind(store, store.relationSource(r), KnownKind::Organisation))
            found = std::min(found, store.relationSource(r));
    }
    return found;
}

// The anchor (country or organisation) of each entity of the view, kNoEntity for none.
std::vector<EntityIndex> anchors(const GraphStore &store, const View &view, GroupBy by)
{
    std::vector<EntityIndex> anchor(view.entities.size(), kNoEntity);
    const RollupLevel level = by == GroupBy::Country ? RollupLevel::Country : RollupLevel::Organisation;
    const KnownKind own = by == GroupBy::Country ? KnownKind::Country : KnownKind::Organisation;
    std::optional<EventTree> events;
    if (by == GroupBy::Country) events.emplace(store);
    for (std::size_t i = 0; i < view.entities.size(); ++i) {
        const EntityIndex e = view.entities[i];
        const KnownKind kind = knownKind(store.entity(e).kind);
        if (kind == own)
            anchor[i] = e;
        else if (kind == KnownKind::Person)
            anchor[i] = firstOf(groupsOf(store, e, level));
        else if (kind == KnownKind::Organisation) // at country level
            anchor[i] = firstTarget(store, e, "located_in", KnownKind::Country);
        else if (kind == KnownKind::Event)
            anchor[i] = by == GroupBy::Country ? countryOfEvent(store, *events, e) : organiserOf(store, e);
    }
    return anchor;
}

Grouping groupByAnchor(const GraphStore &store, const View &view, GroupBy by)
{
    Grouping grouping;
    grouping.by = by;
    std::vector<EntityIndex> anchor = anchors(store, view, by);
    std::vector<EntityIndex> distinct = anchor;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    for (EntityIndex a : distinct) {
        EntityGroup group;
        if (a == kNoEntity) {
            group.id = "group:none";
            group.name = by == GroupBy::Country ? "(no country)" : "(no organisation)";
        } else {
            group.id = "group:" + store.entity(a).id;
            group.name = store.entity(a).name;
            group.anchor = a;
        }
        grouping.groups.push_back(std::move(group));
    }
    for (std::size_t i = 0; i < view.entities.size(); ++i) {
        auto at = std::lower_bound(distinct.begin(), distinct.end(), anchor[i]) - distinct.begin();
        grouping.groups[static_cast<std::size_t>(at)].members.push_back(view.entities[i]);
    }
    return grouping;
}

Grouping groupByCommunity(const GraphStore &store, const View &view)
{
    Grouping grouping;
    grouping.by = GroupBy::Community;
    LinkGraph graph = linkGraph(store, view);
    Communities found = louvain(graph);
    std::vector<std::vector<EntityIndex>> members(found.count);
    std::vector<EntityIndex> alone;
    for (std::size_t v = 0; v < graph.nodeCount(); ++v) members[found.community[v]].push_back(graph.nodes[v]);
    // Each community is named after its best-connected member.
    auto degree = [&](EntityIndex e) {
        auto v = std::lower_bound(graph.nodes.begin(), graph.nodes.end(), e) - graph.nodes.begin();
        return graph.offsets[static_cast<std::size_t>(v) + 1] - graph.offsets[static_cast<std::size_t>(v)];
    };
    std::size_t number = 0;
    for (std::vector<EntityIndex> &list : members) {
        if (list.size() < 2) {
            alone.insert(alone.end(), list.begin(), list.end());
            continue;
        }
        EntityIndex hub = *std::max_element(list.begin(), list.end(), [&](EntityIndex a, EntityIndex b) {
            return degree(a) != degree(b) ? degree(a) < degree(b) : a > b;
        });
        ++number;
        EntityGroup group;
        group.id = "group:community-" + std::to_string(number);
        group.name = "Community " + std::to_string(number) + ": " + store.entity(hub).name;
        group.members = std::move(list);
        std::sort(group.members.begin(), group.members.end());
        grouping.groups.push_back(std::move(group));
    }
    if (!alone.empty()) {
        std::sort(alone.begin(), alone.end());
        grouping.groups.push_back({"group:none", "(no community)", kNoEntity, std::move(alone)});
    }
    return grouping;
}

} // namespace

std::string_view groupByName(GroupBy by)
{
    switch (by) {
    case GroupBy::Country: return "country";
    case GroupBy::Organisation: return "organisation";
    case GroupBy::Community: return "community";
    }
    return "country";
}

GroupBy parseGroupBy(std::string_view name)
{
    for (GroupBy by : {GroupBy::Country, GroupBy::Organisation, GroupBy::Community})
        if (name == groupByName(by)) return by;
    if (name == "organization") return GroupBy::Organisation;
    throw UserError("unknown grouping '" + std::string(name) + "' (valid: country, organisation, community)");
}

Grouping groupView(const GraphStore &store, const View &view, GroupBy by)
{
    Grouping grouping = by == GroupBy::Community ? groupByCommunity(store, view) : groupByAnchor(store, view, by);
    // Largest first, ties by id; the no-group group last.
    std::stable_sort(grouping.groups.begin(), grouping.groups.end(), [](const EntityGroup &a, const EntityGroup &b) {
        const bool noneA = a.id == "group:none", noneB = b.id == "group:none";
        if (noneA != noneB) return noneB;
        return a.members.size() != b.members.size() ? a.members.size() > b.members.size() : a.id < b.id;
    });
    grouping.groupOf.assign(store.entityCount(), kNoGroup);
    for (std::uint32_t g = 0; g < grouping.groups.size(); ++g)
        for (EntityIndex e : grouping.groups[g].members) grouping.groupOf[e] = g;
    return grouping;
}

} // namespace liaison
