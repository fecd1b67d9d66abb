#include "canvas.hpp"

#include "actions.hpp"
#include "canvas_links.hpp"
#include "canvas_passes.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace liaison::viewer {

using namespace passes;

namespace {


// Dragging a node moves it and fixes its place (pinned in app.placed, saved
// with the graph); incremental layouts then leave it there. Its edges are
// drawn straight from then on.
void dragNode(AppState &app, bool hovered) {
    ImGuiIO &io = ImGui::GetIO();
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && app.hovered != kNoEntity)
        app.draggedSlot = app.scene.slotOf(app.hovered);
    if (app.draggedSlot >= app.scene.nodes.size() || !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        if (app.draggedSlot != Scene::kNoSlot)
            markSceneChanged(app.scene, true); // picking finds the node where it was dropped
        app.draggedSlot = Scene::kNoSlot;
        return;
    }
    if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left) || (io.MouseDelta.x == 0 && io.MouseDelta.y == 0))
        return;
    SceneNode &node = app.scene.nodes[app.draggedSlot];
    node.x += io.MouseDelta.x / static_cast<float>(app.camera.zoom);
    node.y += io.MouseDelta.y / static_cast<float>(app.camera.zoom);
    for (std::uint32_t i = app.scene.adjacencyStart[app.draggedSlot]; i < app.scene.adjacencyStart[app.draggedSlot + 1];
         ++i) {
        SceneEdge &edge = app.scene.edges[app.scene.adjacency[i]];
        const SceneNode &a = app.scene.nodes[edge.from], &b = app.scene.nodes[edge.to];
        edge.spline = {{a.x, a.y}, {a.x, a.y}, {b.x, b.y}, {b.x, b.y}};
        edge.arrow = false;
        edge.minX = std::min(a.x, b.x), edge.maxX = std::max(a.x, b.x);
        edge.minY = std::min(a.y, b.y), edge.maxY = std::max(a.y, b.y);
    }
    EntityPosition &place = app.places().entities[app.scene.store->entity(node.entity).id];
    place = {node.x, -node.y, true};
    app.dirty = true;
    markSceneChanged(app.scene); // the GPU path draws it where it is now
}

void panAndZoom(AppState &app, const Frame &f, bool hovered, bool active) {
    ImGuiIO &io = ImGui::GetIO();
    if (app.draggedSlot == Scene::kNoSlot && active && (ImGui::IsMouseDragging(ImGuiMouseButton_Left) || ImGui::IsMouseDragging(ImGuiMouseButton_Right) ||
                   ImGui::IsMouseDragging(ImGuiMouseButton_Middle))) {
        app.camera.centreX -= io.MouseDelta.x / app.camera.zoom;
        app.camera.centreY -= io.MouseDelta.y / app.camera.zoom;
    }
    if (hovered && io.MouseWheel != 0)
        zoomAround(app.camera, {io.MousePos.x, io.MousePos.y}, std::pow(1.2, io.MouseWheel), f.origin, f.size);
}

// A group node of the aggregated view: a click selects it, a double-click
// expands it into its members (or collapses it again). True when handled.
bool handleGroupClicks(AppState &app, bool clicked) {
    if (!app.aggregate || app.hovered == kNoEntity || app.scene.store.get() != &app.aggregate->store ||
        app.aggregate->groupOfNode[app.hovered] == kNoGroup)
        return false;
    const std::string id = app.aggregate->store.entity(app.hovered).id;
    if (clicked) {
        app.selectedId = id;
        app.linkFrom.clear(), app.linkTo.clear();
    }
    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        if (app.doc.edits.expandedGroups.contains(id))
            collapseGroup(app, id);
        else
            expandGroup(app, id);
    }
    return true;
}

void handleClicks(AppState &app, bool hovered, RelationIndex hoveredLink) {
    ImGuiIO &io = ImGui::GetIO();
    if (!hovered)
        return;
    const float clickSlop = 16.f; // squared pixels a click may move and still be a click
    const bool clicked = ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < clickSlop;
    if (handleGroupClicks(app, clicked))
        return;
    if (clicked && hoveredLink != kNoLink) {
        const Relation &link = app.scene.store->relation(hoveredLink);
        selectLink(app, link.from, link.to);
        return;
    }
    std::uint32_t slot = app.hovered == kNoEntity ? Scene::kNoSlot : app.scene.slotOf(app.hovered);
    EntityIndex inDoc = slot == Scene::kNoSlot ? kNoEntity : app.doc.store->findById(app.scene.store->entity(app.hovered).id);
    if (clicked)
        select(app, inDoc);
    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && inDoc != kNoEntity)
        expandNeighbours(app, app.doc.store->entity(inDoc).id);
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Right) && io.MouseDragMaxDistanceSqr[1] < clickSlop && inDoc != kNoEntity) {
        app.contextId = app.doc.store->entity(inDoc).id;
        ImGui::OpenPopup("##node-menu");
    }
}

void drawNodeMenu(AppState &app) {
    if (!ImGui::BeginPopup("##node-menu"))
        return;
    const std::string id = app.contextId;
    EntityIndex e = app.doc.store ? app.doc.store->findById(id) : kNoEntity;
    if (e == kNoEntity) {
        ImGui::EndPopup();
        return;
    }
    ImGui::TextUnformatted(app.doc.store->entity(e).name.c_str());
    ImGui::Separator();
    if (ImGui::MenuItem("Select"))
        select(app, e);
    if (ImGui::MenuItem("Focus here (depth 1)"))
        focusOn(app, id, 1);
    if (ImGui::MenuItem("Focus here (depth 2)"))
        focusOn(app, id, 2);
    if (ImGui::MenuItem("Expand neighbours"))
        expandNeighbours(app, id);
    if (ImGui::MenuItem("Hide"))
        hideEntity(app, id);
    if (ImGui::MenuItem("Hide neighbours"))
        hideNeighbours(app, id);
    if (ImGui::MenuItem(app.doc.edits.pinned.contains(id) ? "Unpin" : "Pin"))
        togglePin(app, id);
    if (auto place = app.places().entities.find(id); place != app.places().entities.end() && place->second.pinned)
        if (ImGui::MenuItem("Release its place (a fresh layout may move it)"))
            place->second.pinned = false;
    if (ImGui::MenuItem("Path from here"))
        app.pathFinder.fromText = id;
    if (ImGui::MenuItem("Path to here"))
        app.pathFinder.toText = id;
    EntityIndex sel = selectedEntity(app);
    if (sel != kNoEntity && sel != e) {
        std::string label = "Merge into " + app.doc.store->entity(sel).name;
        if (ImGui::MenuItem(label.c_str()))
            mergeEntityInto(app, app.selectedId, id);
    }
    ImGui::EndPopup();
}

} // namespace

void drawCanvas(AppState &app) {
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImVec2 size(std::max(avail.x, 50.f), std::max(avail.y, 50.f));
    ImGui::InvisibleButton("##canvas", size,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    ImDrawList *dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), kCanvasBackground);
    app.canvas.origin = {origin.x, origin.y};
    app.canvas.size = {size.x, size.y};
    app.hovered = kNoEntity;
    app.canvas.linkTooltip.clear();
    if (app.scene.empty() || !app.doc.store) {
        app.canvas.drawn.clear();
        const char *text = app.doc.store ? "Laying out ..." : "Open a Liaison JSON file (File > Open)";
        dl->AddText(ImVec2(origin.x + 20, origin.y + 20), 0xFF606060u, text);
        return;
    }
    if (app.fitPending && !app.layouts.running())
        fitToView(app);

    Frame f{app.canvas.origin, app.canvas.size, &app.camera};
    panAndZoom(app, f, hovered, active); // not while a node is dragged
    dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
    // Few nodes on screen: the draw list draws everything (exact shapes,
    // splines). Many: the GPU draws from buffers built once per layout into
    // a picture that panning only shifts, and the draw list adds only
    // emphasis and labels (see app_state.hpp).
    const std::size_t onScreen = findOnScreen(app, f);
    const bool gpu = onScreen > app.canvas.gpuAbove && onScreen <= app.canvas.gpuUpTo;
    app.canvas.gpuDrawn = gpu;
    cullNodes(app, f);
    std::uint32_t hoverSlot = hovered && !ImGui::IsMouseDragging(ImGuiMouseButton_Left)
                                  ? hitTest(app, f, ImGui::GetIO().MousePos)
                                  : Scene::kNoSlot;
    if (hoverSlot != Scene::kNoSlot)
        app.hovered = app.scene.nodes[hoverSlot].entity;
    dragNode(app, hovered);
    Emphasis em = buildEmphasis(app);
    // Hovering a node, or else selecting one, dims all but its neighbourhood.
    const std::uint32_t litSlot = hoverSlot != Scene::kNoSlot ? hoverSlot : em.selected;
    markNeighbourhood(app, litSlot);
    em.hovered = litSlot;
    const bool hoverActive = litSlot != Scene::kNoSlot;
    // Off the nodes, a rolled-up link of the aggregated view, or a link of
    // the people network, under the mouse.
    const RelationIndex hoveredLink =
        hovered && hoverSlot == Scene::kNoSlot ? linkUnderMouse(app, f, ImGui::GetIO().MousePos) : kNoLink;
    handleClicks(app, hovered, hoveredLink);
    if (gpu) {
        GpuFrame &g = app.canvas.gpu;
        g.scene = &app.scene;
        g.centreX = app.camera.centreX, g.centreY = app.camera.centreY, g.zoom = app.camera.zoom;
        g.origin = f.origin, g.size = f.size;
        g.cached = app.canvas.gpuCache;
        g.background = kCanvasBackground;
        addGpuDraw(dl, g);
        if (hoverActive) // dims all but the emphasis drawn next (the cached picture stays as it is)
            dl->AddRectFilled(ImVec2(f.origin.x, f.origin.y), ImVec2(f.origin.x + f.size.x, f.origin.y + f.size.y),
                              withAlpha(kCanvasBackground, 0.7f));
        drawEmphasisedEdges(app, f, em, dl, hoverActive);
        app.canvas.drawnEdges = g.edgesDrawn; // in the last picture the GPU drew (thinned when zoomed out)
    } else {
        drawEdges(app, f, em, dl, hoverActive);
    }
    drawSelectedLink(app, f, dl);
    drawNodes(app, em, dl, hoverActive, gpu);
    dl->PopClipRect();
    drawNodeMenu(app);
    if (hoverSlot != Scene::kNoSlot) {
        const Entity &e = app.scene.store->entity(app.scene.nodes[hoverSlot].entity);
        if (e.kind == kGroupKind)
            ImGui::SetTooltip("%s\n%s relations inside\ndouble-click to %s", e.name.c_str(),
                              e.attribute("internal_relations") ? e.attribute("internal_relations")->c_str() : "0",
                              app.doc.edits.expandedGroups.contains(e.id) ? "collapse" : "expand into its members");
        else
            ImGui::SetTooltip("%s\n%s", e.name.c_str(), e.id.c_str());
    } else if (hoveredLink != kNoLink) {
        app.canvas.linkTooltip = linkTooltip(app, hoveredLink);
        ImGui::SetTooltip("%s", app.canvas.linkTooltip.c_str());
    }
}

} // namespace liaison::viewer
