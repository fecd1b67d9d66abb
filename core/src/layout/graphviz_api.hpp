// The one place that talks to Graphviz's C API with its char* signatures
// (Graphviz 2.42/2.43 takes char* where it means const char*; it copies every
// string it is given). Everything else in core/src/layout calls these.
//
// Threading: Graphviz is not re-entrant. Every function here requires the
// caller to hold a graphviz::Lock; the lock is the process-wide mutex. Which
// calls run in which process: graphviz_process.hpp.
#pragma once

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace liaison::graphviz {

// Holds the process-wide Graphviz mutex for its lifetime.
class Lock {
public:
    Lock();
    Lock(const Lock &) = delete;
    Lock &operator=(const Lock &) = delete;

private:
    std::unique_lock<std::mutex> m_lock;
};

// The process's GVC_t, created on first use (gvContext(): Debian's plugin
// folder and config6a, so every layout engine and the cairo renderers).
// Owned by a function-local singleton, freed at exit.
GVC_t *context(const Lock &);

// Messages Graphviz reported through agerr since the last call, one per line
// ("Warning: ..." / "Error: ..."). Clears the buffer. The collector's one home
// is support/graphviz_messages (the DOT loader uses it too).
std::vector<std::string> takeMessages(const Lock &);
// Messages on one line for an error text ("no message from Graphviz" when none).
std::string joined(const std::vector<std::string> &messages);

// Installs the agerr collector (takeMessages) once; context() and openGraph
// call it, so a process that only builds graphs never creates a GVC_t.
void collectMessages(const Lock &);

// cgraph with const-correct strings. Names and values are copied by cgraph.
// A directed, non-strict graph whose output discipline writes to std::string
// (see write). The caller owns it (agclose, see GraphHandle).
Agraph_t *openGraph(const Lock &, std::string_view name);
Agnode_t *addNode(const Lock &, Agraph_t *graph, std::string_view name);
// A subgraph of `graph` (a cluster when its name starts with "cluster").
Agraph_t *addSubgraph(const Lock &, Agraph_t *graph, std::string_view name);
// A new anonymous edge (parallel edges allowed).
Agedge_t *addEdge(const Lock &, Agraph_t *graph, Agnode_t *tail, Agnode_t *head);
// Declares an attribute of `kind` (AGRAPH, AGNODE, AGEDGE) with a default.
Agsym_t *declare(const Lock &, Agraph_t *graph, int kind, std::string_view name,
                 std::string_view defaultValue);
void set(const Lock &, void *object, Agsym_t *attribute, std::string_view value);
// Sets an HTML-like value (cgraph's html string); only for our own markup.
void setHtml(const Lock &, Agraph_t *graph, void *object, Agsym_t *attribute,
             std::string_view html);

// Parses DOT (agmemread); nullptr when cgraph refused it (see takeMessages).
Agraph_t *readGraph(const Lock &, const std::string &dot);
// agget with a string_view name; "" when the attribute is not declared.
std::string_view get(const Lock &, void *object, std::string_view name);

int layout(const Lock &, Agraph_t *graph, std::string_view engine);
int freeLayout(const Lock &, Agraph_t *graph);
// gvRenderData into a std::string (gvFreeRenderData runs before return).
// Returns false when Graphviz refused the format.
bool render(const Lock &, Agraph_t *graph, std::string_view format, std::string &out);
// agwrite into a std::string.
bool write(const Lock &, Agraph_t *graph, std::string &out);

} // namespace liaison::graphviz
