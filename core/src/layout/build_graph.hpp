// View -> cgraph graph: one node per entity (name = entity id, label = display
// name), one edge per relation, styled by kind. The pointers in BuiltGraph
// belong to `graph` and die with it.
#pragma once

#include "layout/graph_handle.hpp"
#include "liaison/layout.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace liaison::graphviz {

// The font every label uses: covers Latin and Traditional Chinese.
inline constexpr std::string_view kFontName = "Noto Sans CJK TC";

// Layout: what positions and sizes depend on (labels, shapes, font).
// Diagram: plus colours, edge labels, title and legend (exports as DOT).
// Rendered: a Diagram drawn by a Graphviz renderer (SVG, PNG, PDF): node
// names get '&' as "&amp;", because the SVG renderer writes them into
// <title> leaving entity-like text ("&lt;", "&x;") unescaped.
enum class Purpose { Layout, Diagram, Rendered };

struct BuiltGraph {
    std::unique_ptr<GraphHandle> graph;
    std::vector<Agnode_t *> nodes; // in the order of View::entities
    std::vector<Agedge_t *> edges; // in the order of View::relations
};

// `pinned` (in the order of View::entities, points): fixed node positions and
// straight edges, for the worker's kPinnedEngine (a placement made elsewhere).
BuiltGraph buildGraph(const Lock &lock, const GraphStore &store, const View &view,
                      LayoutEngine engine, const LayoutOptions &options, Purpose purpose,
                      const std::vector<Point> *pinned = nullptr);

// A user's text as a Graphviz escString label shown literally: backslashes
// doubled (no \N \G \L \n expansion) and '&' written as "&amp;" (Graphviz
// decodes HTML entities in plain labels). '<', '>' and quotes need nothing:
// a plain string is never taken as an HTML-like label and writers quote it.
std::string literalLabel(std::string_view text);

// Text for an HTML-like label: & < > " escaped as entities.
std::string htmlText(std::string_view text);

} // namespace liaison::graphviz
