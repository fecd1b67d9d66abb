#include "liaison/view.hpp"

#include <algorithm>

namespace liaison {

View wholeGraph(const GraphStore &store)
{
    View view;
    view.entities.resize(store.entityCount());
    for (EntityIndex i = 0; i < view.entities.size(); ++i) view.entities[i] = i;
    view.relations.resize(store.relationCount());
    for (RelationIndex r = 0; r < view.relations.size(); ++r) view.relations[r] = r;
    return view;
}

static bool cites(const std::vector<Evidence> &evidence, const ViewFilter &filter)
{
    if (filter.sources.empty()) return true;
    return std::any_of(evidence.begin(), evidence.end(),
                       [&](const Evidence &e) { return filter.sources.contains(e.source); });
}

// Dates compare as ISO text: "2017" < "2017-09" < "2017-09-28"; a partial
// date is widened to its whole period.
static bool endsBefore(const std::string &end, const std::string &from)
{
    return end < from.substr(0, end.size());
}
static bool startsAfter(const std::string &start, const std::string &to)
{
    return start.substr(0, std::min(start.size(), to.size())) > to;
}

static bool inWindow(const std::string *start, const std::string *end, const ViewFilter &filter)
{
    if (!start && !end) return true;
    const std::string &first = start ? *start : *end;
    const std::string &last = end ? *end : *start;
    if (filter.from && endsBefore(last, *filter.from)) return false;
    if (filter.to && startsAfter(first, *filter.to)) return false;
    return true;
}

// Most queries run unfiltered; skip the attribute lookups then.
static bool unrestricted(const ViewFilter &filter)
{
    return filter.kinds.empty() && filter.relationKinds.empty() && filter.sources.empty() && !filter.from &&
           !filter.to && filter.countries.empty();
}

static bool inCountries(const GraphStore &store, EntityIndex i, const ViewFilter &filter)
{
    if (filter.countries.empty()) return true;
    const Entity &e = store.entity(i);
    if (knownKind(e.kind) == KnownKind::Country) return filter.countries.contains(e.id);
    bool tied = false;
    auto check = [&](EntityIndex other) {
        const Entity &o = store.entity(other);
        if (knownKind(o.kind) != KnownKind::Country) return false;
        tied = true;
        return filter.countries.contains(o.id);
    };
    for (RelationIndex r : store.outRelations(i))
        if (check(store.relationTarget(r))) return true;
    for (RelationIndex r : store.inRelations(i))
        if (check(store.relationSource(r))) return true;
    return !tied;
}

bool passesEntityFilter(const GraphStore &store, EntityIndex i, const ViewFilter &filter)
{
    if (unrestricted(filter)) return true;
    const Entity &e = store.entity(i);
    if (!filter.kinds.empty() && !filter.kinds.contains(e.kind)) return false;
    if (!cites(e.evidence, filter)) return false;
    if (!inCountries(store, i, filter)) return false;
    if (knownKind(e.kind) == KnownKind::Event && !inWindow(e.attribute("start"), e.attribute("end"), filter))
        return false;
    return true;
}

bool passesRelationFilter(const GraphStore &store, RelationIndex r, const ViewFilter &filter)
{
    if (unrestricted(filter)) return true;
    const Relation &relation = store.relation(r);
    if (!filter.relationKinds.empty() && !filter.relationKinds.contains(relation.kind)) return false;
    if (!cites(relation.evidence, filter)) return false;
    const std::string *date = relation.attribute("date");
    return inWindow(date, date, filter);
}

View applyFilter(const GraphStore &store, const View &view, const ViewFilter &filter)
{
    View kept;
    std::vector<bool> keep(store.entityCount(), false);
    for (EntityIndex i : view.entities) {
        if (!passesEntityFilter(store, i, filter)) continue;
        keep[i] = true;
        kept.entities.push_back(i);
    }
    for (RelationIndex r : view.relations) {
        if (!keep[store.relationSource(r)] || !keep[store.relationTarget(r)]) continue;
        if (passesRelationFilter(store, r, filter)) kept.relations.push_back(r);
    }
    if (filter.hideIsolated) dropIsolated(store, kept);
    return kept;
}

void dropIsolated(const GraphStore &store, View &view, const std::vector<EntityIndex> &keep)
{
    std::vector<bool> linked(store.entityCount(), false);
    for (RelationIndex r : view.relations) linked[store.relationSource(r)] = linked[store.relationTarget(r)] = true;
    for (EntityIndex e : keep)
        if (e < linked.size()) linked[e] = true;
    std::erase_if(view.entities, [&](EntityIndex e) { return !linked[e]; });
}

View induced(const GraphStore &store, std::vector<EntityIndex> entities)
{
    std::sort(entities.begin(), entities.end());
    entities.erase(std::unique(entities.begin(), entities.end()), entities.end());
    std::vector<bool> member(store.entityCount(), false);
    for (EntityIndex i : entities) member[i] = true;
    View view;
    for (EntityIndex i : entities)
        for (RelationIndex r : store.outRelations(i))
            if (member[store.relationTarget(r)]) view.relations.push_back(r);
    std::sort(view.relations.begin(), view.relations.end());
    view.entities = std::move(entities);
    return view;
}

GraphStore extractView(const GraphStore &store, const View &view)
{
    GraphStore part;
    part.reserve(view.entities.size(), view.relations.size());
    for (const Source &source : store.sources()) part.addSource(source);
    part.documentExtras() = store.documentExtras();
    for (EntityIndex e : view.entities) part.addEntity(store.entity(e));
    // The identity record goes with the entities it is about, so a merge in
    // the extract can still be split and a rejected merge is not redone. Only
    // what names an entity the view left out is dropped: that entity is not
    // in the extract, so its judgement or merge could not apply there (an id
    // that names no entity at all is kept, as the store keeps it).
    std::vector<bool> member(store.entityCount(), false);
    for (EntityIndex e : view.entities) member[e] = true;
    auto leftOut = [&](const std::string &id) {
        EntityIndex e = store.findById(id);
        return e != kNoEntity && !member[e];
    };
    for (const Judgement &j : store.judgements())
        if (!leftOut(j.a) && !leftOut(j.b)) part.judgements().push_back(j);
    for (Redirect r : store.redirects()) {
        if (leftOut(r.from)) continue; // its survivor (through chains) is left out
        // What the merged-away entity brought to entities outside the view
        // goes as the survivor's own relations to them do.
        std::erase_if(r.relations, [&](const Relation &brought) { return leftOut(brought.from) || leftOut(brought.to); });
        part.addRedirect(std::move(r));
    }
    for (RelationIndex r : view.relations) part.addRelation(store.relation(r));
    return part;
}

} // namespace liaison
