// The viewer's small test graph opened in an AppState with a layout of the
// test's choosing, so that no layout runs and nodes sit where the test says.
#pragma once

#include "test_paths.hpp"

#include "actions.hpp"

#include "liaison/json_io.hpp"

#include <functional>

namespace liaison::test {

// Opens tests/fixtures/viewer/small.json in `app` (autoLayout off) with every
// entity e of the view at place(e) (layout points), `width` x `height` points;
// the first frame fits it to the canvas.
inline void openSmallGraph(viewer::AppState &app, const std::function<Point(EntityIndex)> &place, double width,
                           double height) {
    auto store = std::make_shared<GraphStore>(
        readLiaisonJsonFile((sourceDir() / "tests/fixtures/viewer/small.json").string()));
    app.autoLayout = false;
    viewer::adoptDocument(app, store, "small.json");
    viewer::updateView(app);
    LayoutResult result;
    for (EntityIndex e : app.view.entities)
        result.nodes.push_back({e, place(e), width, height});
    for (RelationIndex r : app.view.relations)
        result.edges.push_back({r, {}, false, {}});
    app.scene = viewer::buildScene(viewer::LayoutSnapshot{app.doc.store, app.view, result});
    app.layoutEverFinished = true;
    app.fitPending = true;
}

} // namespace liaison::test
