// Encoding and legend: how nodes are sized and coloured, how edges are
// coloured, how many labels always show — and a legend of exactly what is in
// use (shapes of the kinds shown, the fills' meanings, the size measure and
// the edge colours).
#include "actions.hpp"
#include "panels.hpp"

#include <imgui.h>

#include <map>

namespace liaison::viewer {

namespace {

void swatch(std::uint32_t colour, bool line) {
    ImDrawList *dl = ImGui::GetWindowDrawList();
    const float h = ImGui::GetTextLineHeight();
    ImVec2 p = ImGui::GetCursorScreenPos();
    if (line)
        dl->AddLine(ImVec2(p.x + 2, p.y + h / 2), ImVec2(p.x + h * 2, p.y + h / 2), colour, 3.f);
    else
        dl->AddRectFilled(ImVec2(p.x + 2, p.y + 2), ImVec2(p.x + h * 2, p.y + h - 2), colour, 3.f);
    ImGui::Dummy(ImVec2(h * 2.2f, h));
    ImGui::SameLine();
}

void shapeSwatch(const KindStyle &style) {
    ImDrawList *dl = ImGui::GetWindowDrawList();
    const float h = ImGui::GetTextLineHeight();
    ImVec2 p = ImGui::GetCursorScreenPos();
    const UnitShape &shape = unitShape(style.shape);
    ImVec2 c(p.x + h, p.y + h * 0.5f);
    float w = h * 1.8f, hh = h * 0.9f;
    if (shape.kind == ShapeKind::Box) {
        dl->AddRect(ImVec2(c.x - w / 2, c.y - hh / 2), ImVec2(c.x + w / 2, c.y + hh / 2), 0xFF404040u, 2);
    } else {
        for (Vec2 q : shape.points)
            dl->PathLineTo(ImVec2(c.x + q.x * w, c.y + q.y * hh));
        dl->PathStroke(0xFF404040u, ImDrawFlags_Closed, 1.5f);
    }
    ImGui::Dummy(ImVec2(h * 2.2f, h));
    ImGui::SameLine();
}

bool encodingControls(AppState &app, EncodingState &e) {
    bool changed = false;
    bool people = app.peopleNetwork;
    if (ImGui::Checkbox("People network (who met whom)", &people))
        setPeopleNetwork(app, people);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Persons only; a link per pair that met, as thick as the occasions they shared");
    ImGui::SetNextItemWidth(-100);
    if (ImGui::BeginCombo("size by", sizeByName(e.size))) {
        for (SizeBy by : {SizeBy::Layout, SizeBy::Degree, SizeBy::Betweenness, SizeBy::MetCount})
            if (ImGui::Selectable(sizeByName(by), by == e.size) && by != e.size)
                e.size = by, changed = true;
        ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(-100);
    if (ImGui::BeginCombo("colour by", colourByName(e.colour))) {
        for (ColourBy by : {ColourBy::Kind, ColourBy::Community, ColourBy::Country, ColourBy::Source})
            if (ImGui::Selectable(colourByName(by), by == e.colour) && by != e.colour)
                e.colour = by, changed = true;
        ImGui::EndCombo();
    }
    changed |= ImGui::Checkbox("Edge colour by relation kind", &e.edgeColourByRelation);
    int top = static_cast<int>(e.alwaysLabelled);
    ImGui::SetNextItemWidth(-100);
    if (ImGui::SliderInt("always labelled", &top, 0, 100)) {
        e.alwaysLabelled = static_cast<std::size_t>(top);
        changed = true;
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("The N largest nodes by the size measure keep their labels at any zoom");
    return changed;
}

} // namespace

void drawLegendPanel(AppState &app) {
    if (encodingControls(app, app.encoding))
        app.encodingStale = true;
    ImGui::Separator();
    ImGui::TextDisabled("In use:");
    std::map<std::string, std::size_t> shown;
    if (app.doc.store)
        for (EntityIndex e : app.view.entities)
            ++shown[app.doc.store->entity(e).kind];
    for (const auto &[kind, count] : shown) {
        KindStyle style = styleOfKind(kind);
        shapeSwatch(style);
        ImGui::Text("%s: %s (%zu shown)", kind.c_str(), std::string(style.shape).c_str(), count);
    }
    if (!app.encoded.colours.empty()) {
        ImGui::TextDisabled("fill: %s", colourByName(app.encoding.colour));
        for (const LegendSwatch &s : app.encoded.colours) {
            swatch(s.colour, false);
            ImGui::TextUnformatted(s.label.c_str());
        }
    }
    if (!app.encoded.sizeMeaning.empty())
        ImGui::TextUnformatted(app.encoded.sizeMeaning.c_str());
    if (!app.encoded.widthMeaning.empty())
        ImGui::TextUnformatted(app.encoded.widthMeaning.c_str());
    if (!app.encoded.edgeMeanings.empty()) {
        ImGui::TextDisabled("edges (arrow: from -> to):");
        for (const LegendSwatch &s : app.encoded.edgeMeanings) {
            swatch(s.colour, true);
            ImGui::TextUnformatted(s.label.c_str());
        }
    }
    ImGui::Separator();
    ImGui::TextWrapped("Red: the path found. Orange ring: the selection (the rest dims). Black dot: pinned "
                       "in view. Drag a node to fix its place.");
    ImGui::TextWrapped("Drag to pan, wheel to zoom, F to fit, click to select, double-click to expand, "
                       "right-click for more. Ctrl+Z / Ctrl+Shift+Z undo and redo.");
}

} // namespace liaison::viewer
