// Scripted use of the viewer: startup options applied once the document has
// loaded, and the sidecar files tests read next to a screenshot.
#pragma once

#include "app_state.hpp"
#include "options.hpp"

#include <string>

namespace liaison::viewer {

// Applies --focus/--depth, --select, --search, --hide-kind and the filters to the open
// document. Throws LookupError when an entity reference matches none or several,
// UserError (with candidates) for a filter value that matches nothing.
void applyStartupOptions(AppState &app, const ViewerOptions &options);

// Applies --expand and --select-link, which name groups of the aggregated
// view, so they are applied once its first layout has settled (an expansion
// is then incremental). Returns false when there is nothing to apply.
// Throws LookupError / UserError for a group or link that does not exist.
bool applyGroupOptions(AppState &app, const ViewerOptions &options);

// True once nothing is pending: document loaded, fonts built, view computed,
// layout finished and shown.
bool settled(const AppState &app);

// Writes the nodes drawn in the last frame (screen pixels, top-left origin):
// {"width","height","canvas":[x,y,w,h],"zoom","level","nodes":[{"id","kind","fill",
//  "x","y","w","h","label":[x0,y0,x1,y1]|null}]}
void dumpPositions(const AppState &app, const std::string &path, int width, int height);
// Writes inspectorText() of the selection (empty file when nothing is selected).
void dumpInspector(const AppState &app, const std::string &path);

} // namespace liaison::viewer
