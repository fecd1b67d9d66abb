// Legend: each kind's colour and shape (core's styleOfKind, as in exports)
// with how many of its entities are shown.
#include "panels.hpp"

#include <imgui.h>

#include <map>

namespace liaison::viewer {

void drawLegendPanel(AppState &app) {
    std::map<std::string, std::size_t> shown;
    if (app.doc.store)
        for (EntityIndex e : app.view.entities)
            ++shown[app.doc.store->entity(e).kind];
    std::vector<std::string> kinds = app.kinds;
    if (kinds.empty())
        for (std::string_view k : firstClassKinds())
            kinds.emplace_back(k);
    ImDrawList *dl = ImGui::GetWindowDrawList();
    const float h = ImGui::GetTextLineHeight();
    for (const std::string &kind : kinds) {
        KindStyle style = styleOfKind(kind);
        ImVec2 p = ImGui::GetCursorScreenPos();
        const UnitShape &shape = unitShape(style.shape);
        ImVec2 c(p.x + h, p.y + h * 0.5f);
        float w = h * 1.8f, hh = h * 0.9f;
        for (Vec2 q : shape.points)
            dl->PathLineTo(ImVec2(c.x + q.x * w, c.y + q.y * hh));
        if (shape.kind == ShapeKind::Box)
            dl->AddRectFilled(ImVec2(c.x - w / 2, c.y - hh / 2), ImVec2(c.x + w / 2, c.y + hh / 2),
                              parseColour(style.fill), 2);
        else
            dl->PathFillConvex(parseColour(style.fill));
        dl->PathClear();
        ImGui::Dummy(ImVec2(h * 2.2f, h));
        ImGui::SameLine();
        std::string label(style.label.empty() ? std::string_view(kind) : style.label);
        ImGui::Text("%s  (%s, %zu shown)", label.c_str(), std::string(style.shape).c_str(), shown[kind]);
    }
    ImGui::Separator();
    ImGui::TextWrapped("Edges follow the layout's splines; arrows point from subject to object "
                       "(person -> attended -> event). Red: the path found. Orange ring: the selection. "
                       "Black dot: pinned.");
    ImGui::TextWrapped("Drag to pan, wheel to zoom, F to fit, click to select, double-click to expand, "
                       "right-click for more. Ctrl+Z / Ctrl+Shift+Z undo and redo.");
}

} // namespace liaison::viewer
