// The inspector: everything known about the selection and where each fact
// came from. Content comes from buildInspector (shared with --dump-inspector).
#include "actions.hpp"
#include "panels.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace liaison::viewer {

namespace {

const ImVec4 kHeading(0.15f, 0.35f, 0.6f, 1);
const ImVec4 kQuote(0.35f, 0.35f, 0.35f, 1);

void refreshLines(AppState &app, EntityIndex e) {
    InspectorState &in = app.inspector;
    if (in.forId == app.selectedId && in.forStore == app.doc.store.get() &&
        in.forFilterGeneration == app.filterGeneration)
        return;
    in.forId = app.selectedId;
    in.forStore = app.doc.store.get();
    in.forFilterGeneration = app.filterGeneration;
    in.lines = buildInspector(*app.doc.store, e, toViewFilter(*app.doc.store, app.filters));
}

void drawActions(AppState &app, EntityIndex e) {
    const std::string id = app.doc.store->entity(e).id;
    if (ImGui::Button("Centre"))
        centreOn(app, e);
    ImGui::SameLine();
    if (ImGui::Button("Expand"))
        expandNeighbours(app, id);
    ImGui::SameLine();
    if (ImGui::Button("Hide"))
        hideEntity(app, id);
    ImGui::SameLine();
    if (ImGui::Button("Hide neighbours"))
        hideNeighbours(app, id);
    ImGui::SameLine();
    if (ImGui::Button(app.doc.edits.pinned.contains(id) ? "Unpin" : "Pin"))
        togglePin(app, id);
    if (ImGui::Button("Focus"))
        focusOn(app, id, app.inspector.focusDepth);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(100);
    ImGui::SliderInt("depth", &app.inspector.focusDepth, 1, 5);
    if (app.doc.edits.focus) {
        ImGui::SameLine();
        if (ImGui::Button("Clear focus"))
            clearFocus(app);
    }
}

void drawLines(AppState &app) {
    int n = 0;
    for (const InspectorLine &line : app.inspector.lines) {
        ImGui::PushID(n++);
        float indent = static_cast<float>(line.indent) * 14.f;
        if (indent > 0)
            ImGui::Indent(indent);
        switch (line.kind) {
        case InspectorLine::Kind::Title:
            ImGui::SetWindowFontScale(1.3f);
            ImGui::TextWrapped("%s", line.text.c_str());
            ImGui::SetWindowFontScale(1.f);
            break;
        case InspectorLine::Kind::Heading:
            ImGui::Spacing();
            ImGui::Separator();
            ImGui::TextColored(kHeading, "%s", line.text.c_str());
            break;
        case InspectorLine::Kind::Subheading:
            ImGui::TextColored(kHeading, "  %s", line.text.c_str());
            break;
        case InspectorLine::Kind::Text:
            ImGui::TextWrapped("%s", line.text.c_str());
            break;
        case InspectorLine::Kind::Link:
            if (!ImGui::Selectable(line.text.c_str(), false))
                break;
            if (!line.linkFrom.empty()) {
                selectLink(app, line.linkFrom, line.linkTo);
            } else if (line.link != kNoEntity) {
                select(app, line.link);
                centreOn(app, line.link);
            }
            break;
        case InspectorLine::Kind::Quote:
            ImGui::PushStyleColor(ImGuiCol_Text, kQuote);
            ImGui::TextWrapped("%s", line.text.c_str());
            ImGui::PopStyleColor();
            break;
        }
        if (indent > 0)
            ImGui::Unindent(indent);
        ImGui::PopID();
    }
}

// The candidates `liaison resolve` lists for this entity, with the same
// reasons; merging or rejecting one is an undoable step.
void drawCandidates(AppState &app, EntityIndex e) {
    InspectorState &in = app.inspector;
    const GraphStore &store = *app.doc.store;
    if (in.candidatesForId != app.selectedId || in.candidatesForStore != &store) {
        in.candidates = candidatesOf(store, e);
        in.candidatesForId = app.selectedId;
        in.candidatesForStore = &store;
    }
    if (in.candidates.empty()) {
        ImGui::TextDisabled("No merge candidates.");
        return;
    }
    const std::string keepId = store.entity(e).id;
    int n = 0;
    for (const Candidate &c : in.candidates) {
        ImGui::PushID(n++);
        const Entity &other = store.entity(c.b);
        ImGui::Text("%.2f  %s (%s)%s", c.score, other.name.c_str(), other.id.c_str(), c.blocked ? "  [never merged]" : "");
        for (const std::string &r : c.reasons)
            ImGui::TextColored(kQuote, "  + %s", r.c_str());
        for (const std::string &r : c.counterReasons)
            ImGui::TextColored(kQuote, "  - %s", r.c_str());
        std::string otherId = other.id;
        ImGui::BeginDisabled(c.blocked);
        bool merge = ImGui::SmallButton("Merge into this");
        ImGui::EndDisabled();
        ImGui::SameLine();
        bool different = ImGui::SmallButton("Not the same");
        ImGui::PopID();
        if (merge) {
            std::string reasons;
            for (const std::string &r : c.reasons)
                reasons += (reasons.empty() ? "" : "; ") + r;
            mergeEntityInto(app, keepId, otherId, reasons);
            return; // the store changed: the list is stale
        }
        if (different) {
            judgeDifferent(app, keepId, otherId);
            return;
        }
    }
}

void drawMerge(AppState &app, EntityIndex e) {
    if (!ImGui::CollapsingHeader("Merge candidates"))
        return;
    drawCandidates(app, e);
    ImGui::Separator();
    ImGui::SetNextItemWidth(-70);
    ImGui::InputTextWithHint("##merge", "id or exact name", &app.inspector.mergeText);
    ImGui::SameLine();
    if (!ImGui::Button("Merge"))
        return;
    try {
        EntityIndex gone = resolveOne(*app.doc.store, app.inspector.mergeText);
        std::string keepId = app.doc.store->entity(e).id;
        mergeEntityInto(app, keepId, app.doc.store->entity(gone).id);
        app.inspector.mergeText.clear();
    } catch (const std::exception &ex) {
        reportError(app, ex.what());
    }
}

void drawEdit(AppState &app, EntityIndex e) {
    InspectorState &in = app.inspector;
    if (!in.editing) {
        if (ImGui::Button("Edit")) {
            in.editing = true;
            in.draft = app.doc.store->entity(e);
        }
        return;
    }
    ImGui::Separator();
    ImGui::InputText("name", &in.draft.name);
    ImGui::InputText("kind", &in.draft.kind);
    for (auto &[language, name] : in.draft.names)
        ImGui::InputText(("name (" + language + ")").c_str(), &name);
    ImGui::SetNextItemWidth(60);
    ImGui::InputTextWithHint("##lang", "lang", &in.newLanguage);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-80);
    ImGui::InputTextWithHint("##langname", "name in that language", &in.newLanguageName);
    ImGui::SameLine();
    if (ImGui::Button("Add##name") && !in.newLanguage.empty()) {
        in.draft.names[in.newLanguage] = in.newLanguageName;
        in.newLanguage.clear(), in.newLanguageName.clear();
    }
    for (auto &[key, value] : in.draft.attributes)
        if (value.type == AttributeValue::Type::String)
            ImGui::InputText(key.c_str(), &value.text);
    ImGui::SetNextItemWidth(100);
    ImGui::InputTextWithHint("##key", "attribute", &in.newAttributeKey);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-80);
    ImGui::InputTextWithHint("##value", "value", &in.newAttributeValue);
    ImGui::SameLine();
    if (ImGui::Button("Add##attr") && !in.newAttributeKey.empty()) {
        in.draft.attributes[in.newAttributeKey] = AttributeValue::string(in.newAttributeValue);
        in.newAttributeKey.clear(), in.newAttributeValue.clear();
    }
    if (ImGui::Button("Apply")) {
        in.editing = false;
        applyEntityEdit(app, in.draft);
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel"))
        in.editing = false;
}

} // namespace

// A group node or a rolled-up link of the aggregated view.
bool drawAggregateSelection(AppState &app) {
    const EntityIndex group = selectedGroupNode(app);
    const std::optional<RelationIndex> link = selectedLink(app);
    if (group == kNoEntity && !link)
        return false;
    InspectorState &in = app.inspector;
    const std::string key = link ? app.linkFrom + "\n" + app.linkTo : app.selectedId;
    if (in.forId != key || in.forStore != &app.aggregate->store) {
        in.forId = key;
        in.forStore = &app.aggregate->store;
        in.lines = aggregateInspector(app);
    }
    if (group != kNoEntity) {
        const std::string id = app.selectedId;
        const bool open = app.doc.edits.expandedGroups.contains(id);
        if (ImGui::Button(open ? "Collapse" : "Expand"))
            open ? collapseGroup(app, id) : expandGroup(app, id);
    } else {
        for (const std::string &end : {app.linkFrom, app.linkTo}) {
            EntityIndex e = app.aggregate->store.findById(end);
            if (e == kNoEntity || app.aggregate->groupOfNode[e] == kNoGroup || app.doc.edits.expandedGroups.contains(end))
                continue;
            std::string label = "Expand " + app.aggregate->store.entity(e).name;
            if (ImGui::Button(label.c_str()))
                expandGroup(app, end);
        }
    }
    drawLines(app);
    return true;
}

// A link of the people network: the occasions the two persons shared.
bool drawMetLinkSelection(AppState &app) {
    if (!selectedMetLink(app))
        return false;
    InspectorState &in = app.inspector;
    const std::string key = app.linkFrom + "\n" + app.linkTo;
    if (in.forId != key || in.forStore != app.peopleStore.get() || in.forFilterGeneration != app.filterGeneration) {
        in.forId = key;
        in.forStore = app.peopleStore.get();
        in.forFilterGeneration = app.filterGeneration;
        in.lines = metLinkInspector(app);
    }
    drawLines(app);
    return true;
}

void drawInspectorPanel(AppState &app) {
    if (app.doc.store && (drawAggregateSelection(app) || drawMetLinkSelection(app)))
        return;
    EntityIndex e = selectedEntity(app);
    if (!app.doc.store || e == kNoEntity) {
        ImGui::TextDisabled("Click a node, or pick a search result, to inspect it.");
        return;
    }
    refreshLines(app, e);
    drawActions(app, e);
    drawLines(app);
    ImGui::Spacing();
    drawMerge(app, e);
    drawEdit(app, e);
}

} // namespace liaison::viewer
