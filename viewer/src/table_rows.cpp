#include "table_rows.hpp"

#include "liaison/normalize.hpp"

#include <algorithm>
#include <string>
#include <tuple>

namespace liaison::viewer {

namespace {

// One row's keys, computed once per sort: foldText per comparison would
// run ICU n log n times.
struct Keyed {
    std::size_t at = 0;          // index into the rows being sorted
    std::string text;            // the sorted column, folded (text columns)
    std::size_t count = 0;       // the sorted column (count columns)
    std::string tie1, tie2;      // folded names that order equal keys
};

// Orders `keyed` by text or count (direction applied), then the ties A to Z.
void sortKeyed(std::vector<Keyed> &keyed, bool byCount, bool descending) {
    std::sort(keyed.begin(), keyed.end(), [&](const Keyed &a, const Keyed &b) {
        const int primary = byCount ? (a.count < b.count ? -1 : a.count > b.count)
                                    : a.text.compare(b.text);
        if (primary != 0)
            return descending ? primary > 0 : primary < 0;
        return std::tie(a.tie1, a.tie2, a.at) < std::tie(b.tie1, b.tie2, b.at);
    });
}

template <typename Index>
std::vector<Index> reordered(const std::vector<Index> &rows, const std::vector<Keyed> &keyed) {
    std::vector<Index> out;
    out.reserve(keyed.size());
    for (const Keyed &k : keyed)
        out.push_back(rows[k.at]);
    return out;
}

} // namespace

std::vector<EntityIndex> entityRows(const GraphStore &store, const View &view, EntityColumn column,
                                    bool descending) {
    std::vector<std::size_t> degree;
    if (column == EntityColumn::Degree) {
        degree.assign(store.entityCount(), 0);
        for (RelationIndex r : view.relations)
            ++degree[store.relationSource(r)], ++degree[store.relationTarget(r)];
    }
    std::vector<Keyed> keyed(view.entities.size());
    for (std::size_t i = 0; i < keyed.size(); ++i) {
        const Entity &e = store.entity(view.entities[i]);
        Keyed &k = keyed[i];
        k.at = i;
        k.tie1 = foldText(e.name);
        k.tie2 = e.id;
        if (column == EntityColumn::Kind)
            k.text = e.kind;
        else if (column == EntityColumn::Id)
            k.text = e.id;
        else if (column == EntityColumn::Name)
            k.text = k.tie1;
        else
            k.count = degree[view.entities[i]];
    }
    sortKeyed(keyed, column == EntityColumn::Degree, descending);
    return reordered(view.entities, keyed);
}

std::vector<RelationIndex> relationRows(const GraphStore &store, const View &view, RelationColumn column,
                                        bool descending) {
    std::vector<Keyed> keyed(view.relations.size());
    for (std::size_t i = 0; i < keyed.size(); ++i) {
        const RelationIndex r = view.relations[i];
        Keyed &k = keyed[i];
        k.at = i;
        k.tie1 = foldText(store.entity(store.relationSource(r)).name);
        k.tie2 = foldText(store.entity(store.relationTarget(r)).name);
        if (column == RelationColumn::Kind)
            k.text = store.relation(r).kind;
        else if (column == RelationColumn::From)
            k.text = k.tie1;
        else if (column == RelationColumn::To)
            k.text = k.tie2;
        else
            k.count = store.relation(r).evidence.size();
    }
    sortKeyed(keyed, column == RelationColumn::Evidence, descending);
    return reordered(view.relations, keyed);
}

} // namespace liaison::viewer
