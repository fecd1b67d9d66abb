#include "store_edits.hpp"

#include "liaison/errors.hpp"

namespace liaison::viewer {

namespace {

// Copies sources, document extras and judgements; entities, redirects and
// relations are the caller's.
GraphStore emptyLike(const GraphStore &store) {
    GraphStore out;
    out.reserve(store.entityCount(), store.relationCount());
    for (const Source &s : store.sources())
        out.addSource(s);
    out.documentExtras() = store.documentExtras();
    out.judgements() = store.judgements();
    return out;
}

} // namespace

GraphStore editEntity(const GraphStore &store, EntityIndex target, const Entity &edited) {
    if (store.entity(target).id != edited.id)
        throw UserError("an edit cannot change an entity's id (" + store.entity(target).id + ")");
    GraphStore out = emptyLike(store);
    for (EntityIndex i = 0; i < store.entityCount(); ++i)
        out.addEntity(i == target ? edited : store.entity(i));
    for (const Redirect &r : store.redirects())
        out.addRedirect(r);
    for (const Relation &r : store.relations())
        out.addRelation(r);
    return out;
}

} // namespace liaison::viewer
