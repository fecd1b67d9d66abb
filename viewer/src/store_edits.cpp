#include "store_edits.hpp"

#include "liaison/errors.hpp"

namespace liaison::viewer {

namespace {

// Copies sources and document extras; entities and relations are the caller's.
GraphStore emptyLike(const GraphStore &store) {
    GraphStore out;
    out.reserve(store.entityCount(), store.relationCount());
    for (const Source &s : store.sources())
        out.addSource(s);
    out.documentExtras() = store.documentExtras();
    return out;
}

} // namespace

MergeOutcome mergeEntities(const GraphStore &store, EntityIndex keep, EntityIndex gone) {
    if (keep == gone)
        throw UserError("cannot merge an entity into itself");
    const std::string &keepId = store.entity(keep).id;
    const std::string &goneId = store.entity(gone).id;
    MergeOutcome outcome{emptyLike(store), {}};
    EntityIndex newKeep = kNoEntity;
    for (EntityIndex i = 0; i < store.entityCount(); ++i) {
        if (i == gone)
            continue;
        EntityIndex added = outcome.store.addEntity(store.entity(i));
        if (i == keep)
            newKeep = added;
    }
    outcome.messages = outcome.store.mergeInto(newKeep, store.entity(gone));
    for (const Relation &r : store.relations()) {
        Relation copy = r;
        if (copy.from == goneId)
            copy.from = keepId;
        if (copy.to == goneId)
            copy.to = keepId;
        outcome.store.addRelation(std::move(copy));
    }
    return outcome;
}

GraphStore editEntity(const GraphStore &store, EntityIndex target, const Entity &edited) {
    if (store.entity(target).id != edited.id)
        throw UserError("an edit cannot change an entity's id (" + store.entity(target).id + ")");
    GraphStore out = emptyLike(store);
    for (EntityIndex i = 0; i < store.entityCount(); ++i)
        out.addEntity(i == target ? edited : store.entity(i));
    for (const Relation &r : store.relations())
        out.addRelation(r);
    return out;
}

} // namespace liaison::viewer
