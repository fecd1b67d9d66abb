// Layout of a View through Graphviz (cgraph builds the graph here, gvc lays it
// out in the layout worker process). The result is plain data: no cgraph
// object outlives the call.
//
// Threading: may be called from any thread, concurrently (the viewer calls
// them off its UI thread). Building the Graphviz graph is serialised on one
// process-wide lock; the layout itself runs in a separate worker process per
// call (core/src/layout/graphviz_process.hpp owns that process model).
#pragma once

#include "liaison/positions.hpp"
#include "liaison/view.hpp"

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace liaison {

enum class LayoutEngine { Dot, Neato, Fdp, Sfdp, Circo, Twopi };
LayoutEngine parseLayoutEngine(std::string_view name); // throws UserError
std::string_view layoutEngineName(LayoutEngine engine);
const std::vector<LayoutEngine> &allLayoutEngines();

struct Point {
    double x = 0, y = 0; // points (1/72 inch), y up, as Graphviz reports them
};

struct NodeLayout {
    EntityIndex entity = kNoEntity;
    Point centre;
    double width = 0, height = 0; // points
};

struct EdgeLayout {
    RelationIndex relation = 0;
    // Cubic Bezier control points as Graphviz gives them: p0 c1 c2 p1 c1 c2 p2 ...
    std::vector<Point> spline;
    bool hasArrowHead = false;
    Point arrowTip; // where the arrowhead points, when hasArrowHead
};

struct LayoutResult {
    LayoutEngine engine = LayoutEngine::Sfdp;
    std::vector<NodeLayout> nodes; // in the order of View::entities
    std::vector<EdgeLayout> edges; // in the order of View::relations
    Point lowerLeft, upperRight;   // bounding box in points
    std::vector<std::string> messages; // Graphviz warnings, fallback notices
    // True when Graphviz ran out of time and quickLayout placed the nodes
    // (straight edges; `engine` then means nothing).
    bool placedQuickly = false;
    // True when every entity had a position in LayoutOptions::seed (a graph
    // saved with its positions): nothing was laid out, the nodes are where
    // they were saved, edges straight. placedQuickly is set too.
    bool fromStoredPositions = false;
};

// A drawing's visual encoding other than colour and shape by kind: what the
// viewer shows on screen, for an export of what you see. Nodes not listed
// keep the kind's fill and Graphviz's size.
struct DiagramEncoding {
    struct Node {
        std::string fill;         // "#rrggbb"; empty: the kind's colour
        double width = 0, height = 0; // points; 0: sized by the label (never smaller than it)
    };
    std::map<std::string, Node, std::less<>> nodes; // by entity id
    // What the fills mean: empty keeps the legend's kind swatches; otherwise
    // the legend lists `colours` under "Colour: <colourBy>" and names each
    // kind's shape instead.
    std::string colourBy;
    std::vector<std::pair<std::string, std::string>> colours; // "#rrggbb", what it stands for
    // Legend lines about sizes and widths ("size: degree (1 .. 37)").
    std::vector<std::string> notes;
    // Links with a "weight" attribute drawn 1 + 1.5 log2(weight) points wide.
    bool weightedEdges = false;
};

struct LayoutOptions {
    LayoutEngine engine = LayoutEngine::Sfdp;
    std::string title;               // graph label (exports)
    bool legend = true;              // legend of kinds (exports)
    // Graphviz always runs in the layout worker process (see
    // core/src/layout/graphviz_process.hpp). 0 = no limit. Past the limit the
    // worker is killed and sfdp is tried under the same limit; when that runs
    // out too, quickLayout (quick_layout.hpp) places the nodes, which always
    // finishes, and the messages say so: never an empty picture.
    std::chrono::milliseconds timeLimit{0};
    const std::atomic<bool> *cancel = nullptr; // polled every 50 ms when not null
    // What the worker is doing ("reading the graph", "laying out 1200 nodes
    // with sfdp", ...), called on the calling thread. Must not throw.
    std::function<void(std::string_view)> progress;
    // renderDiagram appends Graphviz warnings and fallback notices here when
    // not null (layoutView reports them in LayoutResult::messages).
    std::vector<std::string> *messages = nullptr;

    // Layouts that hold still: positions to keep, by entity id (points, y up;
    // see positions.hpp). When set, entities with a position are pinned
    // there and the others are placed near their neighbours by an
    // incremental layout (neato, or fdp when fdp was chosen: both honour
    // pinned positions); layoutView returns seeded entities exactly at their
    // positions. Not owned; must outlive the call.
    const Positions *seed = nullptr;

    // --- exports (renderDiagram) ---------------------------------------
    // Entities drawn with a thick dark-red outline: the focus, --highlight.
    std::vector<EntityIndex> highlight;
    // twopi and circo: the entity at the centre (an export's focus);
    // kNoEntity leaves the choice to Graphviz.
    EntityIndex root = kNoEntity;
    // Relation kinds are written on the edges only when the view has at most
    // this many relations; above it the edges are told apart by colour and
    // the legend says what each colour means.
    std::size_t edgeLabelLimit = 40;
    // Fit the drawing on one page of this size (points; 0 = natural size),
    // never splitting it. When the text would shrink below minimumFontSize,
    // only the best-connected entities keep their labels (the others are
    // drawn as small marks) and a message says how many.
    double pageWidth = 0, pageHeight = 0;
    double minimumFontSize = 6;
    // Fills, sizes, edge widths and the legend of the viewer's encoding (an
    // export of what is on screen); null: colour by kind. Not owned; must
    // outlive the call.
    const DiagramEncoding *encoding = nullptr;
};

// A named paper size in points: "A4", "A3", "letter", each optionally
// "-landscape" (case-insensitive). Throws UserError listing the sizes.
struct PageSize {
    double width = 0, height = 0;
};
PageSize parsePageSize(std::string_view name);

// Lays out the view. Throws LayoutError naming the engine and Graphviz's messages.
LayoutResult layoutView(const GraphStore &store, const View &view, const LayoutOptions &options);

enum class DiagramFormat { Dot, Svg, Png, Pdf };
DiagramFormat parseDiagramFormat(std::string_view name); // throws UserError

// Renders the view as a briefing diagram: colour and shape by kind, labels in
// the entity's display name (CJK rendered with the CJK font named in the
// README), a title and a legend of kinds. Output is stable for the same input.
std::string renderDiagram(const GraphStore &store, const View &view, DiagramFormat format,
                          const LayoutOptions &options);

// Colour (#rrggbb) and Graphviz shape of a kind; other kinds are neutral.
struct KindStyle {
    std::string_view fill;   // e.g. "#4e79a7"
    std::string_view shape;  // Graphviz shape name
    std::string_view label;  // legend label, e.g. "Person"
};
KindStyle styleOfKind(std::string_view kind);

// Edge colour of a relation kind and what the relation means, for the
// legend ("took part in"). Kinds outside the vocabulary are grey, "".
struct RelationStyle {
    std::string_view colour;  // e.g. "#4e79a7"
    std::string_view meaning; // e.g. "took part in"
};
RelationStyle styleOfRelation(std::string_view kind);

} // namespace liaison
