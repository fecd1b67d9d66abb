// Undoable changes to the document: view edits, merges, entity edits.
#include "actions.hpp"

#include "store_edits.hpp"

#include "liaison/identity.hpp"

#include <algorithm>

namespace liaison::viewer {

namespace {

const std::string &nameOf(const AppState &app, const std::string &id) {
    EntityIndex e = app.doc.store->findById(id);
    return e == kNoEntity ? id : app.doc.store->entity(e).name;
}

} // namespace

void changeEdits(AppState &app, std::string label, ViewEdits edits) {
    if (edits == app.doc.edits)
        return;
    app.history.apply(app.doc, std::move(label), DocState{app.doc.store, std::move(edits)});
    markViewStale(app);
}

void changeStore(AppState &app, std::string label, std::shared_ptr<const GraphStore> store) {
    app.history.apply(app.doc, std::move(label), DocState{std::move(store), app.doc.edits});
    app.dirty = true;
    app.kinds = kindsPresent(*app.doc.store);
    app.relationKinds = relationKindsPresent(*app.doc.store);
    app.fontsStale = true;
    markViewStale(app);
}

void undo(AppState &app) {
    std::string label = app.history.undoLabel();
    const GraphStore *before = app.doc.store.get();
    if (!app.history.undo(app.doc))
        return;
    if (app.doc.store.get() != before) {
        app.dirty = true;
        app.kinds = kindsPresent(*app.doc.store);
        app.relationKinds = relationKindsPresent(*app.doc.store);
    }
    app.status = "Undid " + label;
    markViewStale(app);
}

void redo(AppState &app) {
    std::string label = app.history.redoLabel();
    const GraphStore *before = app.doc.store.get();
    if (!app.history.redo(app.doc))
        return;
    if (app.doc.store.get() != before) {
        app.dirty = true;
        app.kinds = kindsPresent(*app.doc.store);
        app.relationKinds = relationKindsPresent(*app.doc.store);
    }
    app.status = "Redid " + label;
    markViewStale(app);
}

void hideEntity(AppState &app, const std::string &id) {
    ViewEdits edits = app.doc.edits;
    edits.hidden.insert(id);
    edits.expanded.erase(id);
    edits.pinned.erase(id);
    changeEdits(app, "hide " + nameOf(app, id), std::move(edits));
}

void hideNeighbours(AppState &app, const std::string &id) {
    EntityIndex e = app.doc.store->findById(id);
    if (e == kNoEntity)
        return;
    ViewEdits edits = app.doc.edits;
    edits.expanded.erase(id);
    for (EntityIndex n : app.doc.store->neighbours(e))
        if (n != e)
            edits.hidden.insert(app.doc.store->entity(n).id);
    changeEdits(app, "hide the neighbours of " + nameOf(app, id), std::move(edits));
}

void expandNeighbours(AppState &app, const std::string &id) {
    EntityIndex e = app.doc.store->findById(id);
    if (e == kNoEntity)
        return;
    ViewEdits edits = app.doc.edits;
    edits.expanded.insert(id);
    edits.hidden.erase(id);
    for (EntityIndex n : app.doc.store->neighbours(e))
        edits.hidden.erase(app.doc.store->entity(n).id);
    changeEdits(app, "expand " + nameOf(app, id), std::move(edits));
}

void focusOn(AppState &app, const std::string &id, int depth) {
    ViewEdits edits = app.doc.edits;
    edits.focus = Focus{id, std::max(depth, 0)};
    edits.hidden.erase(id);
    app.fitPending = true;
    changeEdits(app, "focus on " + nameOf(app, id) + " (depth " + std::to_string(depth) + ")", std::move(edits));
}

void clearFocus(AppState &app) {
    ViewEdits edits = app.doc.edits;
    edits.focus.reset();
    app.fitPending = true;
    changeEdits(app, "clear the focus", std::move(edits));
}

void togglePin(AppState &app, const std::string &id) {
    ViewEdits edits = app.doc.edits;
    bool pinned = edits.pinned.contains(id);
    if (pinned) {
        edits.pinned.erase(id);
    } else {
        edits.pinned.insert(id);
        edits.hidden.erase(id);
    }
    changeEdits(app, (pinned ? "unpin " : "pin ") + nameOf(app, id), std::move(edits));
}

void showAllHidden(AppState &app) {
    ViewEdits edits = app.doc.edits;
    edits.hidden.clear();
    changeEdits(app, "show hidden entities", std::move(edits));
}

void mergeEntityInto(AppState &app, const std::string &keepId, const std::string &goneId,
                     const std::string &reason) {
    const GraphStore &store = *app.doc.store;
    EntityIndex keep = store.findById(keepId), gone = store.findById(goneId);
    if (keep == kNoEntity || gone == kNoEntity || keep == gone) {
        reportError(app, "Merge needs two different entities (" + keepId + ", " + goneId + ")");
        return;
    }
    try {
        std::string label = "merge " + store.entity(gone).name + " into " + store.entity(keep).name;
        MergeResult outcome = mergeEntities(store, keep, gone, reason.empty() ? "merged in the viewer" : reason);
        changeStore(app, label, std::make_shared<const GraphStore>(std::move(outcome.store)));
        app.status = label;
        for (const std::string &m : outcome.conflicts)
            app.status += "; " + m;
    } catch (const std::exception &e) {
        reportError(app, std::string("Merge failed: ") + e.what());
    }
}

void judgeDifferent(AppState &app, const std::string &aId, const std::string &bId) {
    const GraphStore &store = *app.doc.store;
    EntityIndex a = store.findById(aId), b = store.findById(bId);
    if (a == kNoEntity || b == kNoEntity || a == b)
        return;
    try {
        std::string label = "judge " + store.entity(a).name + " and " + store.entity(b).name + " different";
        changeStore(app, label,
                    std::make_shared<const GraphStore>(judge(store, a, b, Verdict::Different, "judged in the viewer")));
        app.status = label;
    } catch (const std::exception &e) {
        reportError(app, std::string("Judgement failed: ") + e.what());
    }
}

void applyEntityEdit(AppState &app, const Entity &edited) {
    EntityIndex target = app.doc.store->findById(edited.id);
    if (target == kNoEntity)
        return;
    try {
        GraphStore next = editEntity(*app.doc.store, target, edited);
        changeStore(app, "edit " + edited.name, std::make_shared<const GraphStore>(std::move(next)));
    } catch (const std::exception &e) {
        reportError(app, std::string("Edit failed: ") + e.what());
    }
}

} // namespace liaison::viewer
