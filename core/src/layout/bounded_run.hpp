// Time bound and cancellation for Graphviz work, which offers neither: the
// work runs in a forked child process that the parent kills when the time
// limit passes or the cancel flag is raised. Without a limit and a cancel
// flag the work runs in-process.
//
// The caller holds the graphviz::Lock across the call; the child inherits the
// Graphviz state of the parent (copy-on-write), runs `work`, sends its bytes
// through a pipe and leaves with _exit (no atexit handler, no destructor of
// the parent's objects). A crash of Graphviz in the child becomes a
// LayoutError in the parent instead of taking the process down.
#pragma once

#include "layout/graphviz_api.hpp"
#include "liaison/layout.hpp"

#include <functional>
#include <string>
#include <vector>

namespace liaison::graphviz {

// Runs work(engine) with options.engine; when it is still running after
// options.timeLimit, kills it and runs a faster engine (sfdp) under the same
// limit. Returns the payload of the run that finished, the engine that made
// it and notices about fallbacks. Throws LayoutError when cancelled, when
// every engine ran out of time, or with the child's LayoutError message.
struct BoundedResult {
    std::string payload;
    LayoutEngine engine = LayoutEngine::Sfdp;
    std::vector<std::string> notices;
};
using EngineWork = std::function<std::string(LayoutEngine)>;
BoundedResult runBounded(const Lock &lock, const LayoutOptions &options, const EngineWork &work);

// Throws LayoutError("... cancelled") when the flag is raised.
void throwIfCancelled(const LayoutOptions &options);

} // namespace liaison::graphviz
