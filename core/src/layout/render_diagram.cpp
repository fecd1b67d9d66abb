#include "layout/build_graph.hpp"
#include "layout/graphviz_process.hpp"
#include "layout/page_fit.hpp"
#include "layout/seed_positions.hpp"
#include "layout/wire.hpp"
#include "layout/worker_protocol.hpp"
#include "liaison/errors.hpp"
#include "liaison/layout.hpp"
#include "liaison/quick_layout.hpp"

#include <algorithm>

namespace liaison {

namespace {

// Explicit cairo renderers: Debian also ships gd, whose PNG has no CJK shaping.
std::string_view graphvizFormat(DiagramFormat format)
{
    switch (format) {
    case DiagramFormat::Svg:
        return "svg";
    case DiagramFormat::Png:
        return "png:cairo";
    case DiagramFormat::Pdf:
        return "pdf:cairo";
    case DiagramFormat::Dot:
        break;
    }
    return "dot";
}

constexpr std::chrono::milliseconds kDrawPlacedLimit{30000};

// Each entity's place in the order labels are kept in when a page is too
// small for all (page_fit.hpp): highlighted entities and the root 0, the
// others by how many of the view's relations they have, most first.
std::vector<std::size_t> labelRanks(const GraphStore &store, const View &view, const LayoutOptions &options)
{
    std::vector<std::size_t> degree(view.entities.size(), 0);
    auto slot = [&](EntityIndex e) {
        return static_cast<std::size_t>(std::lower_bound(view.entities.begin(), view.entities.end(), e) -
                                        view.entities.begin());
    };
    for (RelationIndex r : view.relations) {
        ++degree[slot(store.relationSource(r))];
        ++degree[slot(store.relationTarget(r))];
    }
    std::vector<std::size_t> order(view.entities.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return degree[a] > degree[b]; });
    std::vector<std::size_t> rank(view.entities.size());
    for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
    for (EntityIndex e : options.highlight)
        if (std::binary_search(view.entities.begin(), view.entities.end(), e)) rank[slot(e)] = 0;
    if (options.root != kNoEntity && std::binary_search(view.entities.begin(), view.entities.end(), options.root))
        rank[slot(options.root)] = 0;
    return rank;
}

// The worker's request: header line, then the styled graph.
// With `pinned`, the nodes stay where they are and edges are straight.
std::string renderRequest(const GraphStore &store, const View &view, LayoutEngine engine,
                          DiagramFormat format, const LayoutOptions &options,
                          const std::vector<Point> *pinned = nullptr)
{
    graphviz::Lock lock;
    graphviz::takeMessages(lock);
    if (!pinned) engine = graphviz::seededEngine(engine, options);
    graphviz::BuiltGraph built = graphviz::buildGraph(lock, store, view, engine, options,
                                                      graphviz::Purpose::Rendered, pinned);
    if (!pinned) graphviz::applySeed(lock, store, view, options, built);
    const std::string_view engineName = pinned ? graphviz::worker::kPinnedEngine : layoutEngineName(engine);
    std::string request = std::string(graphviz::worker::kRenderMode) + " " +
                          std::string(engineName) + " " +
                          std::string(graphvizFormat(format));
    const graphviz::Page page{options.pageWidth, options.pageHeight, options.minimumFontSize};
    if (page.paged()) {
        std::vector<std::size_t> ranks = labelRanks(store, view, options);
        Agsym_t *rankAttribute = graphviz::declare(lock, built.graph->get(), AGNODE, graphviz::kLabelRankAttribute, "");
        for (std::size_t i = 0; i < ranks.size(); ++i)
            graphviz::set(lock, built.nodes[i], rankAttribute, std::to_string(ranks[i]));
        request += " " + std::to_string(page.width) + " " + std::to_string(page.height) + " " +
                   std::to_string(page.minimumFontSize);
    }
    request += "\n";
    if (!graphviz::write(lock, built.graph->get(), request))
        throw LayoutError("writing the graph for the layout worker failed: " +
                          graphviz::joined(graphviz::takeMessages(lock)));
    return request;
}

// DOT is the styled graph before layout (with layout=<engine>), so a user can
// re-run it through Graphviz; no layout means it is fast and byte-stable.
std::string writeDot(const GraphStore &store, const View &view, const LayoutOptions &options)
{
    graphviz::Lock lock;
    graphviz::takeMessages(lock);
    graphviz::BuiltGraph built = graphviz::buildGraph(lock, store, view, graphviz::seededEngine(options.engine, options),
                                                      options, graphviz::Purpose::Diagram);
    graphviz::applySeed(lock, store, view, options, built); // positions travel with the DOT
    std::string dot;
    if (!graphviz::write(lock, built.graph->get(), dot))
        throw LayoutError("writing DOT failed: " + graphviz::joined(graphviz::takeMessages(lock)));
    if (options.messages) {
        std::vector<std::string> messages = graphviz::takeMessages(lock);
        options.messages->insert(options.messages->end(), messages.begin(), messages.end());
    }
    return dot;
}

} // namespace

std::string renderDiagram(const GraphStore &store, const View &view, DiagramFormat format,
                          const LayoutOptions &options)
{
    if (format == DiagramFormat::Dot)
        return writeDot(store, view, options);
    graphviz::WorkerRun run;
    try {
        run = graphviz::runInWorker(options, [&](LayoutEngine engine) {
            return renderRequest(store, view, engine, format, options);
        });
    } catch (const graphviz::EnginesTimedOut &timedOut) {
        // Never no picture: place the nodes ourselves, let Graphviz draw them
        // where they are with straight edges (linear), under the same limit.
        LayoutResult placed = quickLayoutInstead(store, view, options, timedOut.notices);
        std::vector<Point> pinned;
        pinned.reserve(placed.nodes.size());
        for (const NodeLayout &node : placed.nodes)
            pinned.push_back(node.centre);
        LayoutOptions drawOnly = options;
        drawOnly.engine = LayoutEngine::Sfdp; // no second fallback: there is none left
        // Drawing placed nodes with straight edges is linear; a limit meant
        // for a layout engine may be too short for it on a big graph.
        drawOnly.timeLimit = std::max<std::chrono::milliseconds>(options.timeLimit, kDrawPlacedLimit);
        run = graphviz::runInWorker(drawOnly, [&](LayoutEngine) {
            return renderRequest(store, view, options.engine, format, options, &pinned);
        });
        run.notices = std::move(placed.messages);
    }
    graphviz::RenderPayload payload = graphviz::decodeRender(run.payload);
    if (options.messages) {
        options.messages->insert(options.messages->end(), run.notices.begin(), run.notices.end());
        options.messages->insert(options.messages->end(), payload.messages.begin(),
                                 payload.messages.end());
    }
    return std::move(payload.bytes);
}

} // namespace liaison
