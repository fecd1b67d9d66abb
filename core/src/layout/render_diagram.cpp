#include "layout/bounded_run.hpp"
#include "layout/build_graph.hpp"
#include "layout/wire.hpp"
#include "liaison/errors.hpp"
#include "liaison/layout.hpp"

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

std::string joined(const std::vector<std::string> &lines)
{
    std::string text;
    for (const std::string &line : lines)
        text += (text.empty() ? "" : "; ") + line;
    return text.empty() ? "no message from Graphviz" : text;
}

std::string renderPayload(const graphviz::Lock &lock, const GraphStore &store, const View &view,
                          LayoutEngine engine, DiagramFormat format, const LayoutOptions &options)
{
    graphviz::throwIfCancelled(options);
    graphviz::takeMessages(lock);
    graphviz::BuiltGraph built =
        graphviz::buildGraph(lock, store, view, engine, options, graphviz::Purpose::Rendered);
    const std::string_view name = layoutEngineName(engine);
    if (built.graph->layout(name) != 0)
        throw LayoutError("layout with " + std::string(name) +
                          " failed: " + joined(graphviz::takeMessages(lock)));
    graphviz::throwIfCancelled(options);
    graphviz::RenderPayload payload;
    const std::string_view gvFormat = graphvizFormat(format);
    if (!graphviz::render(lock, built.graph->get(), gvFormat, payload.bytes))
        throw LayoutError("rendering " + std::string(gvFormat) + " after " + std::string(name) +
                          " failed: " + joined(graphviz::takeMessages(lock)));
    payload.messages = graphviz::takeMessages(lock);
    return graphviz::encodeRender(payload);
}

// DOT is the styled graph before layout (with layout=<engine>), so a user can
// re-run it through Graphviz; no layout means it is fast and byte-stable.
std::string writeDot(const GraphStore &store, const View &view, const LayoutOptions &options)
{
    graphviz::Lock lock;
    graphviz::takeMessages(lock);
    graphviz::BuiltGraph built = graphviz::buildGraph(lock, store, view, options.engine, options,
                                                      graphviz::Purpose::Diagram);
    std::string dot;
    if (!graphviz::write(lock, built.graph->get(), dot))
        throw LayoutError("writing DOT failed: " + joined(graphviz::takeMessages(lock)));
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
    graphviz::Lock lock;
    graphviz::BoundedResult run =
        graphviz::runBounded(lock, options, [&](LayoutEngine engine) {
            return renderPayload(lock, store, view, engine, format, options);
        });
    graphviz::RenderPayload payload = graphviz::decodeRender(run.payload);
    if (options.messages) {
        options.messages->insert(options.messages->end(), run.notices.begin(), run.notices.end());
        options.messages->insert(options.messages->end(), payload.messages.begin(),
                                 payload.messages.end());
    }
    return std::move(payload.bytes);
}

} // namespace liaison
