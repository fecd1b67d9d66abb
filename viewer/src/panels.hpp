// The viewer's panels: free functions that draw from and change AppState.
// Each is called once per frame, inside the ImGui window the workspace
// prepared for it (except the menu bar and the dialogs, which make their own).
#pragma once

#include "app_state.hpp"

namespace liaison::viewer {

void drawWorkspace(AppState &app);     // places every window below; one call per frame

void drawMainMenu(AppState &app);      // File, Edit, View menus
void drawSearchPanel(AppState &app);   // names and aliases, results as you type
void drawFilterPanel(AppState &app);   // kinds, relation kinds, countries, sources, dates
void drawLayoutPanel(AppState &app);   // engine, time limit, progress, cancel
void drawPathPanel(AppState &app);     // shortest chain between two entities
void drawTablesPanel(AppState &app);   // sortable entity and relation tables of the view
void drawLegendPanel(AppState &app);   // encoding controls and the legend of what is in use
void drawInspectorPanel(AppState &app);// the selection: names, attributes, relations, evidence, met
void drawStatusBar(AppState &app);
// The status line of a running import: file, the loader's progress (done of
// total units, percent) when it reports any, seconds so far.
std::string importProgressText(const AppState &app);
void drawDialogs(AppState &app);       // error modal and the file picker
void handleShortcuts(AppState &app);   // Ctrl+Z, Ctrl+Shift+Z, Ctrl+O, Ctrl+S, F, Delete, Ctrl+F

} // namespace liaison::viewer
