// Liaison's Graphviz process model, in one place.
//
// - cgraph runs in this process: building a graph from a View, writing DOT
//   (the DOT export, the request for the worker) and reading DOT (the DOT
//   loader, through the plugin host). cgraph is not re-entrant and keeps
//   global state, so all of it runs under graphviz::Lock, one call at a time.
// - gvLayout and gvRender run only in liaison-layout-worker, a separate
//   executable started with posix_spawn (never a fork of this multi-threaded
//   process, whose child could inherit a lock another thread held). The
//   worker gets the graph as DOT on a pipe and answers on another pipe with
//   progress lines and then the positions or the rendered bytes
//   (worker_protocol.hpp). It runs in its own process group (a terminal's
//   Ctrl-C reaches only the parent, which then decides) and dies with its
//   parent (PR_SET_PDEATHSIG, and it leaves when its answer pipe loses its
//   reader). At the time limit or on cancel the parent kills the whole group
//   with SIGKILL and reaps it before returning.
// - The lock is held only while a request is built, so layouts asked for
//   from several threads run at the same time, one worker each.
#pragma once

#include "liaison/errors.hpp"
#include "liaison/layout.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace liaison::graphviz {

// The worker executable: $LIAISON_LAYOUT_WORKER when set, else
// ../libexec/liaison/liaison-layout-worker beside the running program (the
// build tree and an installation have the same shape), else the build tree's.
// Throws LayoutError naming the places tried when there is none.
std::filesystem::path layoutWorkerPath();

struct WorkerRun {
    std::string payload; // the worker's result bytes (wire.hpp)
    LayoutEngine engine = LayoutEngine::Sfdp; // the engine that produced it
    std::vector<std::string> notices;         // fallbacks taken, for the user
};

// The whole request for one engine: header line and DOT (worker_protocol.hpp).
// Called on the caller's thread; it takes graphviz::Lock itself.
using RequestFor = std::function<std::string(LayoutEngine)>;

// Every engine tried ran out of the time limit; `notices` says which.
struct EnginesTimedOut : LayoutError {
    EnginesTimedOut(const std::string &message, std::vector<std::string> notices)
        : LayoutError(message), notices(std::move(notices))
    {
    }
    std::vector<std::string> notices;
};

// Runs options.engine in a worker. When options.timeLimit (> 0) passes first,
// the worker is killed and sfdp gets the same limit (when it was not sfdp
// already). Progress lines go to options.progress. Throws LayoutError when
// cancelled, EnginesTimedOut when every engine ran out of time (the message
// names each and the limit), when the worker failed (with its message, or how it died).
WorkerRun runInWorker(const LayoutOptions &options, const RequestFor &requestFor);

} // namespace liaison::graphviz
