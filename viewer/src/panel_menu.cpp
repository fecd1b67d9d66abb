// Menus, shortcuts, dialogs and the status bar.
#include "actions.hpp"
#include "panels.hpp"

#include <imgui.h>

namespace liaison::viewer {

namespace {

constexpr const char *kFormats[] = {"dot", "svg", "png", "pdf"};

void startSaveAs(AppState &app) {
    openFileDialog(app.fileDialog, FilePurpose::SaveAs, "Save as Liaison JSON", {".json"}, app.path);
}

void startExport(AppState &app, int format) {
    app.fileDialog.exportFormat = format;
    openFileDialog(app.fileDialog, FilePurpose::Export, "Export the current view", {}, app.path);
}

void save(AppState &app) {
    if (app.path.empty())
        startSaveAs(app);
    else
        saveDocument(app, app.path);
}

bool ctrl() { return ImGui::GetIO().KeyCtrl; }

} // namespace

void drawMainMenu(AppState &app) {
    if (!ImGui::BeginMainMenuBar())
        return;
    const bool open = app.doc.store != nullptr;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Open...", "Ctrl+O"))
            openFileDialog(app.fileDialog, FilePurpose::Open, "Open a Liaison JSON file", {".json"}, app.path);
        if (ImGui::MenuItem("Import..."))
            openFileDialog(app.fileDialog, FilePurpose::Import,
                           "Import through the loader plugins (CSV, DOT, GraphML, GEXF, GML, JSON, ...)", {},
                           app.path);
        if (ImGui::MenuItem("Save", "Ctrl+S", false, open))
            save(app);
        if (ImGui::MenuItem("Save as...", nullptr, false, open))
            startSaveAs(app);
        if (ImGui::BeginMenu("Export view", open)) {
            for (int i = 0; i < 4; ++i)
                if (ImGui::MenuItem(kFormats[i]))
                    startExport(app, i);
            ImGui::EndMenu();
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q"))
            app.quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
        std::string undoText = "Undo " + app.history.undoLabel();
        std::string redoText = "Redo " + app.history.redoLabel();
        if (ImGui::MenuItem(undoText.c_str(), "Ctrl+Z", false, app.history.canUndo()))
            undo(app);
        if (ImGui::MenuItem(redoText.c_str(), "Ctrl+Shift+Z", false, app.history.canRedo()))
            redo(app);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("People network (who met whom)", nullptr, app.peopleNetwork, app.doc.store != nullptr))
            setPeopleNetwork(app, !app.peopleNetwork);
        if (ImGui::BeginMenu("Group by", app.doc.store != nullptr)) {
            if (ImGui::MenuItem("Nothing (every entity)", nullptr, !app.grouping))
                setGrouping(app, std::nullopt);
            for (GroupBy by : {GroupBy::Country, GroupBy::Organisation, GroupBy::Community}) {
                std::string label(groupByName(by));
                if (ImGui::MenuItem(label.c_str(), nullptr, app.grouping == by))
                    setGrouping(app, by);
            }
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Collapse every group", nullptr, false, !app.doc.edits.expandedGroups.empty())) {
            ViewEdits edits = app.doc.edits;
            edits.expandedGroups.clear();
            changeEdits(app, "collapse every group", std::move(edits));
        }
        if (ImGui::MenuItem("Fit to view", "F", false, !app.scene.empty()))
            fitToView(app);
        if (ImGui::MenuItem("Clear focus", nullptr, false, app.doc.edits.focus.has_value()))
            clearFocus(app);
        if (ImGui::MenuItem("Show hidden entities", nullptr, false, !app.doc.edits.hidden.empty()))
            showAllHidden(app);
        if (ImGui::MenuItem("Reset filters", nullptr, false, !(app.filters == FilterState{}))) {
            app.filters = {};
            markFiltersChanged(app);
        }
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void handleShortcuts(AppState &app) {
    ImGuiIO &io = ImGui::GetIO();
    const bool typing = io.WantTextInput; // text fields keep their own undo and letters
    if (ctrl() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false) && !typing) {
        if (io.KeyShift)
            redo(app);
        else
            undo(app);
    }
    if (ctrl() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false) && !typing)
        redo(app);
    // With the GLFW backend of ImGui 1.86, letter keys are indexed by their
    // GLFW key codes, which equal the upper-case ASCII letters.
    if (ctrl() && ImGui::IsKeyPressed('O', false))
        openFileDialog(app.fileDialog, FilePurpose::Open, "Open a Liaison JSON file", {".json"}, app.path);
    if (ctrl() && ImGui::IsKeyPressed('S', false) && app.doc.store)
        save(app);
    if (ctrl() && ImGui::IsKeyPressed('Q', false))
        app.quit = true;
    if (ctrl() && ImGui::IsKeyPressed('F', false))
        app.search.focusInput = true;
    if (!typing && !ctrl() && ImGui::IsKeyPressed('F', false) && !app.scene.empty())
        fitToView(app);
    if (!typing && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete), false) && !app.selectedId.empty())
        hideEntity(app, app.selectedId);
}

void drawDialogs(AppState &app) {
    if (auto chosen = drawFileDialog(app.fileDialog)) {
        std::string path = chosen->string();
        switch (app.fileDialog.purpose) {
        case FilePurpose::Open:
            openDocument(app, path);
            break;
        case FilePurpose::Import:
            importFile(app, path);
            break;
        case FilePurpose::SaveAs:
            if (!chosen->has_extension())
                path += ".json";
            saveDocument(app, path);
            break;
        case FilePurpose::Export: {
            const char *format = kFormats[app.fileDialog.exportFormat];
            if (!chosen->has_extension())
                path += std::string(".") + format;
            exportView(app, path, parseDiagramFormat(format));
            break;
        }
        }
    }
    if (!app.errors.empty() && !ImGui::IsPopupOpen("Error"))
        ImGui::OpenPopup("Error");
    ImGui::SetNextWindowSize(ImVec2(560, 0), ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal("Error", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushTextWrapPos(540);
        ImGui::TextUnformatted(app.errors.empty() ? "" : app.errors.front().c_str());
        ImGui::PopTextWrapPos();
        ImGui::TextDisabled("The open document is unchanged.");
        if (ImGui::Button("OK") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
            if (!app.errors.empty())
                app.errors.pop_front();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

std::string importProgressText(const AppState &app) {
    std::string text = "Importing " + app.importingPath + " ...";
    if (const AppState::ImportProgress *p = app.importProgress.get(); p && p->done > 0) {
        text += " " + std::to_string(p->done.load());
        if (const std::uint64_t total = p->total; total > 0)
            text += " of " + std::to_string(total) + " (" + std::to_string(p->done * 100 / total) + " %)";
    }
    char time[32];
    std::snprintf(time, sizeof time, " %.1f s", app.importing.elapsedSeconds());
    return text + time;
}

void drawStatusBar(AppState &app) {
    if (app.loading.running()) {
        ImGui::Text("Opening %s ... %.1f s", app.loadingPath.c_str(), app.loading.elapsedSeconds());
        return;
    }
    if (app.importing.running()) {
        ImGui::Text("%s", importProgressText(app).c_str());
        if (app.importProgress) {
            ImGui::SameLine();
            if (ImGui::SmallButton("Cancel import"))
                app.importProgress->cancel = true;
        }
        return;
    }
    if (app.exporting.running()) {
        ImGui::Text("Exporting ... %.1f s", app.exporting.elapsedSeconds());
        return;
    }
    std::string title = app.path.empty() ? std::string("(no file)") : app.path;
    if (app.dirty)
        title += " *";
    // While a layout runs its progress stands in for the last status line.
    const std::string layout = app.layouts.progressText();
    ImGui::Text("%s  |  %zu/%zu shown, %s  |  %s", title.c_str(), app.view.entities.size(),
                app.doc.store ? app.doc.store->entityCount() : std::size_t{0}, levelText(app).c_str(),
                layout.empty() ? app.status.c_str() : ("Layout: " + layout).c_str());
    if (!layout.empty()) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Cancel layout"))
            app.layouts.cancel();
    }
}

} // namespace liaison::viewer
