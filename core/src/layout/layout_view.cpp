#include "layout/bounded_run.hpp"
#include "layout/build_graph.hpp"
#include "layout/seed_positions.hpp"
#include "layout/wire.hpp"
#include "liaison/errors.hpp"
#include "liaison/layout.hpp"

namespace liaison {

namespace {

constexpr double kPointsPerInch = 72.0;

Point toPoint(pointf p) { return {p.x, p.y}; }

std::string joined(const std::vector<std::string> &lines)
{
    std::string text;
    for (const std::string &line : lines)
        text += (text.empty() ? "" : "; ") + line;
    return text.empty() ? "no message from Graphviz" : text;
}

// Copies what the caller needs out of a laid-out graph.
void copyEdge(Agedge_t *edge, EdgeLayout &out)
{
    const splines *spl = ED_spl(edge);
    if (!spl || spl->size == 0)
        return;
    // Compound edges (several beziers) are rare here; the first piece joins the ends.
    const bezier &bz = spl->list[0];
    out.spline.reserve(static_cast<std::size_t>(bz.size));
    for (int i = 0; i < bz.size; ++i)
        out.spline.push_back(toPoint(bz.list[i]));
    if (bz.eflag) {
        out.hasArrowHead = true;
        out.arrowTip = toPoint(bz.ep);
    }
}

std::string layoutPayload(const graphviz::Lock &lock, const GraphStore &store, const View &view,
                          LayoutEngine engine, const LayoutOptions &options)
{
    graphviz::throwIfCancelled(options);
    graphviz::takeMessages(lock); // drop what an earlier call left behind
    engine = graphviz::seededEngine(engine, options);
    graphviz::BuiltGraph built =
        graphviz::buildGraph(lock, store, view, engine, options, graphviz::Purpose::Layout);
    graphviz::applySeed(lock, store, view, options, built);
    graphviz::throwIfCancelled(options);
    const std::string_view name = layoutEngineName(engine);
    int rc = built.graph->layout(name);
    std::vector<std::string> messages = graphviz::takeMessages(lock);
    if (rc != 0)
        throw LayoutError("layout with " + std::string(name) + " failed: " + joined(messages));

    LayoutResult result;
    result.engine = engine;
    result.messages = std::move(messages);
    Agraph_t *g = built.graph->get();
    result.lowerLeft = toPoint(GD_bb(g).LL);
    result.upperRight = toPoint(GD_bb(g).UR);
    result.nodes.resize(view.entities.size());
    for (std::size_t i = 0; i < view.entities.size(); ++i) {
        Agnode_t *node = built.nodes[i];
        NodeLayout &out = result.nodes[i];
        out.entity = view.entities[i];
        out.centre = toPoint(ND_coord(node));
        out.width = ND_width(node) * kPointsPerInch;
        out.height = ND_height(node) * kPointsPerInch;
    }
    result.edges.resize(view.relations.size());
    for (std::size_t i = 0; i < view.relations.size(); ++i) {
        result.edges[i].relation = view.relations[i];
        copyEdge(built.edges[i], result.edges[i]);
    }
    return graphviz::encodeLayout(result);
}

} // namespace

LayoutResult layoutView(const GraphStore &store, const View &view, const LayoutOptions &options)
{
    graphviz::Lock lock;
    graphviz::BoundedResult run =
        graphviz::runBounded(lock, options, [&](LayoutEngine engine) {
            return layoutPayload(lock, store, view, engine, options);
        });
    LayoutResult result = graphviz::decodeLayout(run.payload);
    graphviz::holdSeededPositions(store, view, options, result);
    result.messages.insert(result.messages.begin(), run.notices.begin(), run.notices.end());
    return result;
}

} // namespace liaison
