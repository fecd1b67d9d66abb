#include "layout/page_fit.hpp"

#include "layout/graph_handle.hpp"
#include "liaison/errors.hpp"

#include <algorithm>
#include <cstdlib>
#include <utility>

namespace liaison::graphviz {

namespace {

constexpr double kPointsPerInch = 72.0;
constexpr double kNodeFontSize = 12; // build_graph's node label size
constexpr double kPageMargin = 18;   // points on each side of a fitted page
constexpr std::size_t kAlwaysLabelled = 8;
constexpr double kDrawingPad = 0.2 * kPointsPerInch; // build_graph's "pad" for diagrams

std::string inches(double points) { return std::to_string(points / kPointsPerInch); }

// The drawing's size before Graphviz scales it into `size` (its layout box
// plus the pad on each side), in points.
std::pair<double, double> drawingSize(Agraph_t *g)
{
    return {GD_bb(g).UR.x - GD_bb(g).LL.x + 2 * kDrawingPad, GD_bb(g).UR.y - GD_bb(g).LL.y + 2 * kDrawingPad};
}

// How much Graphviz will shrink the laid-out drawing to fit the page (<= 1).
double pageScale(Agraph_t *g, const Page &page)
{
    auto [w, h] = drawingSize(g);
    if (w <= 0 || h <= 0) return 1;
    return std::min({1.0, (page.width - 2 * kPageMargin) / w, (page.height - 2 * kPageMargin) / h});
}

// Before the layout: Graphviz scales the drawing down into `size`.
void fitToPage(const Lock &lock, Agraph_t *g, const Page &page)
{
    const double w = page.width - 2 * kPageMargin, h = page.height - 2 * kPageMargin;
    set(lock, g, declare(lock, g, AGRAPH, "size", ""), inches(w) + "," + inches(h));
}

// After the layout: margins that centre the scaled drawing on the page, so
// the output (one PDF page, one image) is exactly the paper size.
void centreOnPage(const Lock &lock, Agraph_t *g, const Page &page)
{
    auto [w, h] = drawingSize(g);
    const double scale = pageScale(g, page);
    const double mx = std::max(0.0, (page.width - w * scale) / 2);
    const double my = std::max(0.0, (page.height - h * scale) / 2);
    set(lock, g, declare(lock, g, AGRAPH, "margin", ""), inches(mx) + "," + inches(my));
}

// The node's kLabelRankAttribute, or nullopt-like -1 when it has none.
long labelRank(const Lock &lock, Agnode_t *node)
{
    std::string text(get(lock, node, kLabelRankAttribute));
    if (text.empty()) return -1;
    return std::strtol(text.c_str(), nullptr, 10);
}

std::size_t rankedNodes(const Lock &lock, Agraph_t *g)
{
    std::size_t count = 0;
    for (Agnode_t *node = agfstnode(g); node; node = agnxtnode(g, node))
        count += labelRank(lock, node) >= 0;
    return count;
}

// The legend's table with a last row saying how many labels were dropped.
std::string legendWithNote(std::string_view table, std::size_t unlabelled)
{
    const std::string row = "<TR><TD COLSPAN=\"2\">" + std::to_string(unlabelled) +
                            " less connected entities drawn unlabelled to keep the text readable</TD></TR>";
    const std::size_t end = table.rfind("</TABLE>");
    if (end == std::string_view::npos) return std::string(table);
    return std::string(table.substr(0, end)) + row + std::string(table.substr(end));
}

// Nodes ranked `keep` or later lose their label and become small marks.
void labelOnlyTop(const Lock &lock, Agraph_t *g, std::size_t keep)
{
    Agsym_t *label = declare(lock, g, AGNODE, "label", "");
    Agsym_t *width = declare(lock, g, AGNODE, "width", "0.75");
    Agsym_t *height = declare(lock, g, AGNODE, "height", "0.5");
    Agnode_t *legend = nullptr;
    std::size_t dropped = 0;
    for (Agnode_t *node = agfstnode(g); node; node = agnxtnode(g, node)) {
        if (get(lock, node, kLegendAttribute) == "1") legend = node;
        const long rank = labelRank(lock, node);
        if (rank < 0 || static_cast<std::size_t>(rank) < keep) continue;
        set(lock, node, label, "");
        set(lock, node, width, "0.18");
        set(lock, node, height, "0.12");
        ++dropped;
    }
    if (legend && dropped > 0)
        setHtml(lock, g, legend, label, legendWithNote(get(lock, legend, "label"), dropped));
}

} // namespace

Rendered renderOnPage(const Lock &lock, const std::string &dot, std::string_view engine,
                      std::string_view format, const Page &page,
                      const std::function<void(const std::string &)> &progress)
{
    std::size_t labelled = 0, ranked = 0;
    std::vector<std::string> notes;
    for (bool first = true;; first = false) {
        takeMessages(lock);
        GraphHandle graph(lock, readGraph(lock, dot));
        if (!graph)
            throw LayoutError("Graphviz could not read the layout request: " + joined(takeMessages(lock)));
        Agraph_t *g = graph.get();
        if (first) labelled = ranked = rankedNodes(lock, g);
        if (labelled < ranked) labelOnlyTop(lock, g, labelled);
        if (page.paged()) fitToPage(lock, g, page);
        progress("laying out " + std::to_string(agnnodes(g)) + " nodes with " + std::string(engine) +
                 (labelled < ranked ? " (" + std::to_string(labelled) + " labelled)" : ""));
        if (graph.layout(engine) != 0)
            throw LayoutError("layout with " + std::string(engine) + " failed: " + joined(takeMessages(lock)));
        const double font = kNodeFontSize * (page.paged() ? pageScale(g, page) : 1);
        if (page.paged() && font < page.minimumFontSize && labelled > kAlwaysLabelled) {
            // Labels dominate the drawing's area: fewer labels, smaller drawing.
            const double ratio = font / page.minimumFontSize;
            labelled = std::max(kAlwaysLabelled,
                                std::min(labelled / 2, static_cast<std::size_t>(labelled * ratio * ratio)));
            continue;
        }
        if (page.paged()) centreOnPage(lock, g, page);
        if (page.paged() && font < page.minimumFontSize)
            notes.push_back("the page holds labels at " + std::to_string(font).substr(0, 3) +
                            " pt only; a larger --page or a narrower view reads better");
        if (labelled < ranked)
            notes.push_back("labelled the " + std::to_string(labelled) + " best-connected of " +
                            std::to_string(ranked) + " entities so the text stays at least " +
                            std::to_string(static_cast<int>(page.minimumFontSize)) + " pt on the page");
        progress("rendering " + std::string(format));
        Rendered out;
        if (!render(lock, g, format, out.bytes))
            throw LayoutError("rendering " + std::string(format) + " after " + std::string(engine) +
                              " failed: " + joined(takeMessages(lock)));
        out.messages = takeMessages(lock);
        out.messages.insert(out.messages.end(), notes.begin(), notes.end());
        return out;
    }
}

} // namespace liaison::graphviz
