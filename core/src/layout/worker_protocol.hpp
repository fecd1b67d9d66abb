// What liaison-layout-worker and its parent say to each other over two pipes.
// Same machine, same build: no versioning beyond the executable's path.
//
// Parent -> worker (the worker's standard input, read to end of file first):
//   one header line   "layout ENGINE\n"  or  "render ENGINE FORMAT\n"
//                     or "render ENGINE FORMAT WIDTH HEIGHT MINFONT\n" (fitted
//                     to a page of WIDTH x HEIGHT points, page_fit.hpp)
//   then a DOT graph  (for layout: nodes and edges carry kIndexAttribute)
// Worker -> parent (the worker's standard output), lines until the last one:
//   "progress TEXT\n"  any number, in order (what the worker is doing now)
//   "result N\n" + N bytes   the encoded LayoutResult / RenderPayload (wire.hpp)
//   "error N\n"  + N bytes   a message; the parent throws it as a LayoutError
// Anything else, or end of file before a result, is a failure of the worker.
#pragma once

#include <string_view>

namespace liaison::graphviz::worker {

inline constexpr std::string_view kLayoutMode = "layout";
inline constexpr std::string_view kRenderMode = "render";
inline constexpr std::string_view kProgress = "progress ";
inline constexpr std::string_view kResult = "result ";
inline constexpr std::string_view kError = "error ";

// The engine name for a graph whose nodes carry fixed "pos" attributes
// (Graphviz's nop: neato -n, edges routed as the graph's splines say).
inline constexpr std::string_view kPinnedEngine = "nop";

// Node and edge attribute holding the position of the entity / relation in
// the View, so the parent maps results back without relying on DOT order.
inline constexpr std::string_view kIndexAttribute = "liaison_index";

// The worker's command line: WORKER --parent PID. It exits at once when its
// parent is not PID any more (the parent died before it could ask to die too).
inline constexpr std::string_view kParentOption = "--parent";

// Exit codes of the worker besides 0.
inline constexpr int kExitUsage = 64;
inline constexpr int kExitOrphaned = 65;

} // namespace liaison::graphviz::worker
