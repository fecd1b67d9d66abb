#include "view_model.hpp"

#include "liaison/analysis.hpp"

#include <algorithm>
#include <vector>

namespace liaison::viewer {

namespace {

std::vector<EntityIndex> neighbours(const GraphStore &store, EntityIndex e) {
    std::vector<EntityIndex> out;
    for (RelationIndex r : store.outRelations(e))
        out.push_back(store.relationTarget(r));
    for (RelationIndex r : store.inRelations(e))
        out.push_back(store.relationSource(r));
    return out;
}

// Entities within two relations of the chosen countries; the second hop does
// not pass through another country or a topic (everything is "about" a topic).
std::vector<char> nearCountries(const GraphStore &store, const std::set<std::string, std::less<>> &ids) {
    std::vector<char> keep(store.entityCount(), 0);
    std::vector<EntityIndex> frontier;
    for (const std::string &id : ids) {
        EntityIndex c = store.findById(id);
        if (c == kNoEntity)
            continue;
        keep[c] = 1;
        frontier.push_back(c);
    }
    for (int hop = 0; hop < 2; ++hop) {
        std::vector<EntityIndex> next;
        for (EntityIndex e : frontier) {
            for (EntityIndex n : neighbours(store, e)) {
                if (keep[n])
                    continue;
                keep[n] = 1;
                KnownKind k = knownKind(store.entity(n).kind);
                if (k != KnownKind::Country && k != KnownKind::Topic)
                    next.push_back(n);
            }
        }
        frontier = std::move(next);
    }
    return keep;
}

} // namespace

ViewFilter toViewFilter(const GraphStore &store, const FilterState &filters) {
    ViewFilter f;
    if (!filters.hiddenKinds.empty())
        for (const std::string &k : kindsPresent(store))
            if (!filters.hiddenKinds.contains(k))
                f.kinds.insert(k);
    if (!filters.hiddenRelationKinds.empty())
        for (const std::string &k : relationKindsPresent(store))
            if (!filters.hiddenRelationKinds.contains(k))
                f.relationKinds.insert(k);
    if (!filters.hiddenSources.empty())
        for (const Source &s : store.sources())
            if (!filters.hiddenSources.contains(s.id))
                f.sources.insert(s.id);
    if (!filters.from.empty())
        f.from = filters.from;
    if (!filters.to.empty())
        f.to = filters.to;
    // Every kind hidden must still mean "nothing", not "no restriction".
    if (!filters.hiddenKinds.empty() && f.kinds.empty())
        f.kinds.insert("\x01none");
    if (!filters.hiddenRelationKinds.empty() && f.relationKinds.empty())
        f.relationKinds.insert("\x01none");
    if (!filters.hiddenSources.empty() && f.sources.empty())
        f.sources.insert("\x01none");
    return f;
}

View computeView(const GraphStore &store, const ViewEdits &edits, const FilterState &filters) {
    ViewFilter filter = toViewFilter(store, filters);
    View base;
    EntityIndex centre = edits.focus ? store.findById(edits.focus->id) : kNoEntity;
    if (centre != kNoEntity)
        base = egoNetwork(store, centre, edits.focus->depth, filter);
    else
        base = applyFilter(store, wholeGraph(store), filter);

    std::vector<EntityIndex> entities;
    if (!filters.countries.empty()) {
        std::vector<char> near = nearCountries(store, filters.countries);
        for (EntityIndex e : base.entities)
            if (near[e] || e == centre)
                entities.push_back(e);
    } else {
        entities = base.entities;
    }
    for (const std::string &id : edits.expanded) {
        EntityIndex e = store.findById(id);
        if (e == kNoEntity)
            continue;
        entities.push_back(e);
        for (EntityIndex n : neighbours(store, e))
            entities.push_back(n);
    }
    for (const std::string &id : edits.pinned)
        if (EntityIndex e = store.findById(id); e != kNoEntity)
            entities.push_back(e);
    std::erase_if(entities, [&](EntityIndex e) { return edits.hidden.contains(store.entity(e).id); });
    std::sort(entities.begin(), entities.end());
    entities.erase(std::unique(entities.begin(), entities.end()), entities.end());

    View view = induced(store, std::move(entities));
    std::erase_if(view.relations, [&](RelationIndex r) {
        return filters.hiddenRelationKinds.contains(store.relation(r).kind);
    });
    return view;
}

std::vector<std::string> kindsPresent(const GraphStore &store) {
    std::vector<std::string> out;
    for (std::string_view k : firstClassKinds())
        if (!store.entitiesOfKind(k).empty())
            out.emplace_back(k);
    std::set<std::string, std::less<>> others;
    for (const Entity &e : store.entities())
        if (knownKind(e.kind) == KnownKind::Other)
            others.insert(e.kind);
    out.insert(out.end(), others.begin(), others.end());
    return out;
}

std::vector<std::string> relationKindsPresent(const GraphStore &store) {
    std::set<std::string, std::less<>> kinds;
    for (const Relation &r : store.relations())
        kinds.insert(r.kind);
    return {kinds.begin(), kinds.end()};
}

} // namespace liaison::viewer
