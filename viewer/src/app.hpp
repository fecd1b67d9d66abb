// The application loop: one Window, one AppState, a frame at a time.
#pragma once

#include "app_state.hpp"
#include "options.hpp"
#include "platform.hpp"

#include <vector>

namespace liaison::viewer {

// Rebuilds the font atlas and texture if app.fontsStale (between frames).
// `ranges` backs the atlas and must outlive it.
void refreshFonts(AppState &app, Window &window, std::vector<unsigned short> &ranges);

// Everything one frame does besides the platform calls: picks up background
// work, recomputes the view, draws the workspace.
void buildFrame(AppState &app);

// Runs the viewer until the window closes (or, with --screenshot, until the
// frame is written). Returns the process exit code: 0 ok, 1 user error
// (bad option, unreadable file, unknown entity), 2 internal error.
int runViewer(const ViewerOptions &options);

} // namespace liaison::viewer
