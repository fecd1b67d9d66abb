#include "layout/build_graph.hpp"
#include "layout/graphviz_process.hpp"
#include "layout/seed_positions.hpp"
#include "layout/wire.hpp"
#include "layout/worker_protocol.hpp"
#include "liaison/errors.hpp"
#include "liaison/layout.hpp"
#include "liaison/quick_layout.hpp"

namespace liaison {

namespace {

// The worker's request: header line, then the graph with index attributes.
std::string layoutRequest(const GraphStore &store, const View &view, LayoutEngine engine,
                          const LayoutOptions &options)
{
    graphviz::Lock lock;
    graphviz::takeMessages(lock); // drop what an earlier call left behind
    engine = graphviz::seededEngine(engine, options);
    graphviz::BuiltGraph built =
        graphviz::buildGraph(lock, store, view, engine, options, graphviz::Purpose::Layout);
    graphviz::applySeed(lock, store, view, options, built);
    std::string request = std::string(graphviz::worker::kLayoutMode) + " " +
                          std::string(layoutEngineName(engine)) + "\n";
    if (!graphviz::write(lock, built.graph->get(), request))
        throw LayoutError("writing the graph for the layout worker failed");
    return request;
}

} // namespace

LayoutResult layoutView(const GraphStore &store, const View &view, const LayoutOptions &options)
{
    if (seedPlacesWholeView(store, view, options.seed))
        return quickLayoutInstead(store, view, options); // nothing to lay out: instant at any size
    graphviz::WorkerRun run;
    try {
        run = graphviz::runInWorker(options, [&](LayoutEngine engine) {
            return layoutRequest(store, view, engine, options);
        });
    } catch (const graphviz::EnginesTimedOut &timedOut) {
        return quickLayoutInstead(store, view, options, timedOut.notices); // always finishes
    }
    LayoutResult result = graphviz::decodeLayout(run.payload);
    if (result.nodes.size() != view.entities.size() || result.edges.size() != view.relations.size())
        throw LayoutError("the layout worker returned " + std::to_string(result.nodes.size()) +
                          " nodes and " + std::to_string(result.edges.size()) + " edges for " +
                          std::to_string(view.entities.size()) + " and " +
                          std::to_string(view.relations.size()));
    // The worker numbers nodes and edges by their place in the view.
    for (std::size_t i = 0; i < result.nodes.size(); ++i)
        result.nodes[i].entity = view.entities[i];
    for (std::size_t i = 0; i < result.edges.size(); ++i)
        result.edges[i].relation = view.relations[i];
    result.engine = graphviz::seededEngine(run.engine, options);
    graphviz::holdSeededPositions(store, view, options, result);
    result.messages.insert(result.messages.begin(), run.notices.begin(), run.notices.end());
    return result;
}

} // namespace liaison
