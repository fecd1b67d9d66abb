#include "layout/bounded_run.hpp"
#include "layout/build_graph.hpp"
#include "layout/seed_positions.hpp"
#include "layout/wire.hpp"
#include "liaison/errors.hpp"
#include "liaison/layout.hpp"

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

std::string joined(const std::vector<std::string> &lines)
{
    std::string text;
    for (const std::string &line : lines)
        text += (text.empty() ? "" : "; ") + line;
    return text.empty() ? "no message from Graphviz" : text;
}

constexpr double kPointsPerInch = 72.0;
constexpr double kNodeFontSize = 12;   // build_graph's node label size
constexpr double kPageMargin = 18;     // points on each side of a fitted page
constexpr std::size_t kAlwaysLabelled = 8;

std::string inches(double points) { return std::to_string(points / kPointsPerInch); }

constexpr double kDrawingPad = 0.2 * kPointsPerInch; // build_graph's "pad" for diagrams

// The drawing's size before Graphviz scales it into `size` (its layout box
// plus the pad on each side), in points.
std::pair<double, double> drawingSize(Agraph_t *g)
{
    return {GD_bb(g).UR.x - GD_bb(g).LL.x + 2 * kDrawingPad, GD_bb(g).UR.y - GD_bb(g).LL.y + 2 * kDrawingPad};
}

// How much Graphviz will shrink the laid-out drawing to fit the page (<= 1).
double pageScale(Agraph_t *g, const LayoutOptions &options)
{
    auto [w, h] = drawingSize(g);
    if (w <= 0 || h <= 0) return 1;
    return std::min({1.0, (options.pageWidth - 2 * kPageMargin) / w, (options.pageHeight - 2 * kPageMargin) / h});
}

// Page fitting, before the layout: Graphviz scales the drawing down into
// `size`; nothing is ever split over pages.
void fitToPage(const graphviz::Lock &lock, Agraph_t *g, const LayoutOptions &options)
{
    const double w = options.pageWidth - 2 * kPageMargin, h = options.pageHeight - 2 * kPageMargin;
    graphviz::set(lock, g, graphviz::declare(lock, g, AGRAPH, "size", ""), inches(w) + "," + inches(h));
}

// After the layout: margins that centre the scaled drawing on the page, so
// the output (one PDF page, one image) is exactly the paper size.
void centreOnPage(const graphviz::Lock &lock, Agraph_t *g, const LayoutOptions &options)
{
    auto [w, h] = drawingSize(g);
    const double scale = pageScale(g, options);
    const double mx = std::max(0.0, (options.pageWidth - w * scale) / 2);
    const double my = std::max(0.0, (options.pageHeight - h * scale) / 2);
    graphviz::set(lock, g, graphviz::declare(lock, g, AGRAPH, "margin", ""), inches(mx) + "," + inches(my));
}

// Marks all but the `keep` best-connected entities of the view (the
// highlighted ones and the root always stay labelled).
std::vector<bool> labelOnlyTop(const GraphStore &store, const View &view, const LayoutOptions &options,
                               std::size_t keep)
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
    std::vector<bool> unlabelled(view.entities.size(), true);
    for (std::size_t i = 0; i < order.size() && i < keep; ++i) unlabelled[order[i]] = false;
    for (EntityIndex e : options.highlight)
        if (std::binary_search(view.entities.begin(), view.entities.end(), e)) unlabelled[slot(e)] = false;
    if (options.root != kNoEntity && std::binary_search(view.entities.begin(), view.entities.end(), options.root))
        unlabelled[slot(options.root)] = false;
    return unlabelled;
}

std::string renderPayload(const graphviz::Lock &lock, const GraphStore &store, const View &view,
                          LayoutEngine engine, DiagramFormat format, const LayoutOptions &options)
{
    engine = graphviz::seededEngine(engine, options);
    const std::string_view name = layoutEngineName(engine);
    const bool paged = options.pageWidth > 0 && options.pageHeight > 0;
    std::vector<bool> unlabelled;
    std::size_t labelled = view.entities.size();
    std::vector<std::string> notes;
    for (;;) {
        graphviz::throwIfCancelled(options);
        graphviz::takeMessages(lock);
        graphviz::BuiltGraph built =
            graphviz::buildGraph(lock, store, view, engine, options, graphviz::Purpose::Rendered, unlabelled);
        graphviz::applySeed(lock, store, view, options, built);
        if (paged) fitToPage(lock, built.graph->get(), options);
        if (built.graph->layout(name) != 0)
            throw LayoutError("layout with " + std::string(name) +
                              " failed: " + joined(graphviz::takeMessages(lock)));
        graphviz::throwIfCancelled(options);
        const double font = kNodeFontSize * (paged ? pageScale(built.graph->get(), options) : 1);
        if (paged && font < options.minimumFontSize && labelled > kAlwaysLabelled) {
            // Labels dominate the drawing's area: fewer labels, smaller drawing.
            double ratio = font / options.minimumFontSize;
            labelled = std::max(kAlwaysLabelled,
                                std::min(labelled / 2, static_cast<std::size_t>(labelled * ratio * ratio)));
            unlabelled = labelOnlyTop(store, view, options, labelled);
            continue;
        }
        if (paged) centreOnPage(lock, built.graph->get(), options);
        if (paged && font < options.minimumFontSize)
            notes.push_back("the page holds labels at " + std::to_string(font).substr(0, 3) +
                            " pt only; a larger --page or a narrower view reads better");
        if (labelled < view.entities.size())
            notes.push_back("labelled the " + std::to_string(labelled) + " best-connected of " +
                            std::to_string(view.entities.size()) + " entities so the text stays at least " +
                            std::to_string(static_cast<int>(options.minimumFontSize)) + " pt on the page");
        graphviz::RenderPayload payload;
        const std::string_view gvFormat = graphvizFormat(format);
        if (!graphviz::render(lock, built.graph->get(), gvFormat, payload.bytes))
            throw LayoutError("rendering " + std::string(gvFormat) + " after " + std::string(name) +
                              " failed: " + joined(graphviz::takeMessages(lock)));
        payload.messages = graphviz::takeMessages(lock);
        payload.messages.insert(payload.messages.end(), notes.begin(), notes.end());
        return graphviz::encodeRender(payload);
    }
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
