#include "view_model.hpp"

#include "liaison/analysis.hpp"
#include "liaison/errors.hpp"
#include "liaison/filter_spec.hpp"

#include <algorithm>
#include <vector>

namespace liaison::viewer {

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
    f.countries = filters.countries;
    if (dateProblem(filters).empty()) {
        if (!filters.from.empty())
            f.from = filters.from;
        if (!filters.to.empty())
            f.to = filters.to;
    }
    f.hideIsolated = filters.hideIsolated;
    // Every kind hidden must still mean "nothing", not "no restriction".
    if (!filters.hiddenKinds.empty() && f.kinds.empty())
        f.kinds.insert("\x01none");
    if (!filters.hiddenRelationKinds.empty() && f.relationKinds.empty())
        f.relationKinds.insert("\x01none");
    if (!filters.hiddenSources.empty() && f.sources.empty())
        f.sources.insert("\x01none");
    return f;
}

std::string dateProblem(const FilterState &filters) {
    try {
        FilterSpec spec;
        if (!filters.from.empty())
            spec.from = filters.from;
        if (!filters.to.empty())
            spec.to = filters.to;
        static const GraphStore kNoGraph; // dates need no graph
        resolveFilter(kNoGraph, spec);
        return "";
    } catch (const UserError &e) {
        return e.what();
    }
}

FilterState fromViewFilter(const GraphStore &store, const ViewFilter &filter) {
    FilterState state;
    if (!filter.kinds.empty())
        for (const std::string &k : kindsPresent(store))
            if (!filter.kinds.contains(k))
                state.hiddenKinds.insert(k);
    if (!filter.relationKinds.empty())
        for (const std::string &k : relationKindsPresent(store))
            if (!filter.relationKinds.contains(k))
                state.hiddenRelationKinds.insert(k);
    if (!filter.sources.empty())
        for (const Source &s : store.sources())
            if (!filter.sources.contains(s.id))
                state.hiddenSources.insert(s.id);
    state.countries = filter.countries;
    state.from = filter.from.value_or("");
    state.to = filter.to.value_or("");
    state.hideIsolated = filter.hideIsolated;
    return state;
}

View computeView(const GraphStore &store, const ViewEdits &edits, const FilterState &filters) {
    ViewFilter filter = toViewFilter(store, filters);
    View base;
    EntityIndex centre = edits.focus ? store.findById(edits.focus->id) : kNoEntity;
    if (centre != kNoEntity)
        base = egoNetwork(store, centre, edits.focus->depth, filter);
    else
        base = applyFilter(store, wholeGraph(store), filter);

    std::vector<EntityIndex> entities = base.entities;
    for (const std::string &id : edits.expanded) {
        EntityIndex e = store.findById(id);
        if (e == kNoEntity)
            continue;
        entities.push_back(e);
        for (EntityIndex n : store.neighbours(e))
            entities.push_back(n);
    }
    for (const std::string &id : edits.pinned)
        if (EntityIndex e = store.findById(id); e != kNoEntity)
            entities.push_back(e);
    std::erase_if(entities, [&](EntityIndex e) { return edits.hidden.contains(store.entity(e).id); });
    std::sort(entities.begin(), entities.end());
    entities.erase(std::unique(entities.begin(), entities.end()), entities.end());

    View view = induced(store, std::move(entities));
    std::erase_if(view.relations, [&](RelationIndex r) { return !passesRelationFilter(store, r, filter); });
    if (filters.hideIsolated) {
        // What the user asked to see by name (focus, pins) stays even when alone.
        std::vector<EntityIndex> asked{centre};
        for (const std::string &id : edits.pinned)
            asked.push_back(store.findById(id));
        dropIsolated(store, view, asked);
    }
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
