// RAII owner of one cgraph graph used as a scratch buffer for a layout or a
// render. Destruction runs gvFreeLayout (when a layout was made) and then
// agclose, in that order, under the caller's graphviz::Lock, which must
// outlive the handle.
#pragma once

#include "layout/graphviz_api.hpp"

#include <string_view>

namespace liaison::graphviz {

class GraphHandle {
public:
    GraphHandle(const Lock &lock, std::string_view name)
        : m_lock(lock), m_graph(openGraph(lock, name))
    {
    }
    // Takes ownership of a graph cgraph made (readGraph); may be nullptr.
    GraphHandle(const Lock &lock, Agraph_t *adopted) : m_lock(lock), m_graph(adopted) {}
    ~GraphHandle()
    {
        if (!m_graph)
            return;
        if (m_laidOut)
            freeLayout(m_lock, m_graph);
        agclose(m_graph);
    }
    GraphHandle(const GraphHandle &) = delete;
    GraphHandle &operator=(const GraphHandle &) = delete;

    Agraph_t *get() const { return m_graph; }
    explicit operator bool() const { return m_graph != nullptr; }

    // Runs gvLayout; remembers to free the layout even when it failed
    // (gvLayout may leave partial layout data behind). Returns gvLayout's code.
    int layout(std::string_view engine)
    {
        m_laidOut = true;
        return graphviz::layout(m_lock, m_graph, engine);
    }

private:
    const Lock &m_lock;
    Agraph_t *m_graph;
    bool m_laidOut = false;
};

} // namespace liaison::graphviz
