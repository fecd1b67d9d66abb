#include "layout/build_graph.hpp"

#include "layout/page_fit.hpp"
#include "layout/worker_protocol.hpp"
#include "liaison/errors.hpp"
#include "liaison/printable.hpp"
#include "util/xml_text.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <set>

namespace liaison::graphviz {

// Both start from printableText: Graphviz keeps strings as C strings, so a
// NUL cut "Visible\0Hidden" to "Visible", and its SVG writer copies other C0
// controls into XML where they make the document ill-formed.
std::string literalLabel(std::string_view raw)
{
    std::string text = printableText(raw);
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '&')
            out += "&amp;";
        else
            out += c;
    }
    return out;
}

std::string htmlText(std::string_view raw) { return detail::xmlEscape(printableText(raw)); }

namespace {

std::string_view displayName(const Entity &entity)
{
    return entity.name.empty() ? std::string_view(entity.id) : std::string_view(entity.name);
}

// What a legend row calls a kind: the first-class label, else the kind
// itself ("programme"), never a catch-all "Other".
std::string kindLabel(std::string_view kind)
{
    if (knownKind(kind) != KnownKind::Other) return std::string(styleOfKind(kind).label);
    std::string label(kind.empty() ? "(no kind)" : kind);
    if (!kind.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] = static_cast<char>(label[0] - 'a' + 'A');
    return label;
}

std::string legendRow(std::string_view colour, std::string_view text, bool line)
{
    // A swatch for a kind, a short thick line (box-drawing characters, in
    // the CJK font) for an edge colour.
    std::string swatch = line ? "<TD><FONT COLOR=\"" + std::string(colour) + "\">\u2501\u2501\u2501</FONT></TD>"
                              : "<TD BGCOLOR=\"" + std::string(colour) + "\" WIDTH=\"24\"></TD>";
    return "<TR>" + swatch + "<TD ALIGN=\"LEFT\">" + htmlText(text) + "</TD></TR>";
}

// "ellipse" -> "ellipses": what a legend row says a kind is drawn as.
std::string shapeWords(std::string_view shape)
{
    if (shape == "box") return "boxes";
    if (shape == "plain" || shape == "plaintext") return "text";
    return std::string(shape) + "s";
}

// Exactly what the drawing uses: the kinds present (first-class ones in a
// fixed order, then the others by name), the relation kinds present with
// their edge colour and meaning (page_fit adds a note when labels are left out).
// With an encoding that colours by something else than kind: its colours,
// each kind's shape, and its notes on sizes and widths.
std::string legendHtml(const GraphStore &store, const View &view, const DiagramEncoding *encoding)
{
    std::set<std::string> present;
    for (EntityIndex e : view.entities) present.insert(store.entity(e).kind);
    std::vector<std::string> kinds;
    for (std::string_view k : firstClassKinds())
        if (present.contains(std::string(k))) kinds.emplace_back(k);
    for (const std::string &k : present)
        if (knownKind(k) == KnownKind::Other) kinds.push_back(k);
    std::string html = "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\">";
    if (encoding && !encoding->colourBy.empty()) {
        html += "<TR><TD COLSPAN=\"2\"><B>Colour: " + htmlText(encoding->colourBy) + "</B></TD></TR>";
        for (const auto &[colour, meaning] : encoding->colours) html += legendRow(colour, meaning, false);
        html += "<TR><TD COLSPAN=\"2\"><B>Shapes</B></TD></TR>";
        for (const std::string &kind : kinds)
            html += "<TR><TD>" + htmlText(shapeWords(styleOfKind(kind).shape)) + "</TD><TD ALIGN=\"LEFT\">" +
                    htmlText(kindLabel(kind)) + "</TD></TR>";
    } else {
        html += "<TR><TD COLSPAN=\"2\"><B>Kinds</B></TD></TR>";
        for (const std::string &kind : kinds) html += legendRow(styleOfKind(kind).fill, kindLabel(kind), false);
    }
    if (encoding)
        for (const std::string &note : encoding->notes)
            html += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">" + htmlText(note) + "</TD></TR>";

    std::set<std::string> relationKinds;
    for (RelationIndex r : view.relations) relationKinds.insert(store.relation(r).kind);
    if (!relationKinds.empty()) {
        html += "<TR><TD COLSPAN=\"2\"><B>Relations</B> (arrow: from → to)</TD></TR>";
        for (const std::string &kind : relationKinds) {
            RelationStyle style = styleOfRelation(kind);
            html += legendRow(style.colour, style.meaning.empty() ? kind : std::string(style.meaning), true);
        }
    }
    return html + "</TABLE>";
}

// The title on lines of at most ~48 code points (a long report title would
// otherwise set the drawing's width), broken at spaces when there are any.
std::string wrappedTitle(std::string_view title)
{
    constexpr std::size_t kLine = 48;
    std::string out, line;
    std::size_t count = 0, lastSpace = std::string::npos;
    for (std::size_t i = 0; i < title.size();) {
        std::size_t length = 1;
        auto c = static_cast<unsigned char>(title[i]);
        if (c >= 0xF0) length = 4;
        else if (c >= 0xE0) length = 3;
        else if (c >= 0xC0) length = 2;
        std::string_view glyph = title.substr(i, length);
        i += length;
        if (glyph == " ") lastSpace = line.size();
        line += glyph;
        if (++count < kLine) continue;
        std::size_t cut = lastSpace != std::string::npos && lastSpace > line.size() / 2 ? lastSpace : line.size();
        out += literalLabel(line.substr(0, cut)) + "\\n";
        line = cut < line.size() ? line.substr(cut + 1) : std::string();
        count = line.size(); // close enough for the rest of a Latin line
        lastSpace = std::string::npos;
    }
    return out + literalLabel(line);
}

std::string ampersandsEscaped(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text)
        out += c == '&' ? std::string_view("&amp;") : std::string_view(&c, 1);
    return out;
}

// Liaison's fields as DOT attributes of a node (an exported DOT is read back
// by the DOT loader into the same entities): kind, names per language
// ("name.zh"), aliases ('|'-joined) and how many pieces of evidence the
// entity has (the quotes themselves do not travel in DOT).
void setEntityData(const Lock &lock, Agraph_t *g, Agnode_t *node, const Entity &entity)
{
    auto attribute = [&](const std::string &name, const std::string &value) {
        if (value.empty())
            return;
        set(lock, node, declare(lock, g, AGNODE, name, ""), value);
    };
    attribute("kind", entity.kind);
    for (const auto &[lang, name] : entity.names)
        attribute("name." + lang, name);
    std::string aliases;
    for (const std::string &alias : entity.aliases)
        aliases += (aliases.empty() ? "" : "|") + alias;
    attribute("aliases", aliases);
    if (!entity.evidence.empty())
        attribute("evidence_count", std::to_string(entity.evidence.size()));
}

// The encoding's fill and size of one node: sizes are minimums (a label
// never overflows its node), in inches as Graphviz wants them.
void encodeNode(const Lock &lock, Agraph_t *g, Agnode_t *node, const DiagramEncoding::Node &encoded)
{
    if (!encoded.fill.empty()) set(lock, node, declare(lock, g, AGNODE, "fillcolor", "#d9d9d9"), encoded.fill);
    auto inches = [](double points) { return std::to_string(points / 72.0); };
    if (encoded.width > 0) set(lock, node, declare(lock, g, AGNODE, "width", "0.75"), inches(encoded.width));
    if (encoded.height > 0) set(lock, node, declare(lock, g, AGNODE, "height", "0.5"), inches(encoded.height));
}

// The pen width of a link that has a weight, as the viewer draws it.
std::string weightedPen(const std::string &weight)
{
    const double w = std::max(1.0, std::atof(weight.c_str()));
    return std::to_string(1 + 1.5 * std::log2(w));
}

// A node name no entity uses.
std::string legendName(const GraphStore &store)
{
    std::string name = "liaison_legend";
    while (store.findById(name) != kNoEntity)
        name += '_';
    return name;
}

} // namespace

BuiltGraph buildGraph(const Lock &lock, const GraphStore &store, const View &view,
                      LayoutEngine engine, const LayoutOptions &options, Purpose purpose,
                      const std::vector<Point> *pinned)
{
    BuiltGraph built;
    built.graph = std::make_unique<GraphHandle>(lock, "liaison");
    if (!*built.graph)
        throw LayoutError("Graphviz could not create a graph");
    Agraph_t *g = built.graph->get();
    const bool diagram = purpose != Purpose::Layout;

    Agsym_t *graphFont = declare(lock, g, AGRAPH, "fontname", kFontName);
    set(lock, g, graphFont, kFontName);
    if (pinned) {
        set(lock, g, declare(lock, g, AGRAPH, "splines", ""), "line");
    } else if (engine == LayoutEngine::Sfdp || engine == LayoutEngine::Neato || engine == LayoutEngine::Twopi) {
        // Overlapping nodes hide labels; prism removes overlaps and keeps the
        // shape. Not "false" (Voronoi: draws from drand48 state left by
        // earlier layouts, so the same input gave different bytes) nor vpsc
        // (collapsed the IAC graph into one column).
        set(lock, g, declare(lock, g, AGRAPH, "overlap", ""), "prism");
        set(lock, g, declare(lock, g, AGRAPH, "sep", ""), "+8");
    }
    if (options.root != kNoEntity && (engine == LayoutEngine::Twopi || engine == LayoutEngine::Circo)) {
        const std::string &id = store.entity(options.root).id;
        set(lock, g, declare(lock, g, AGRAPH, "root", ""), purpose == Purpose::Rendered ? ampersandsEscaped(id) : id);
    }
    // fdp keeps its own repulsion only: every overlap mode tried either made
    // its output vary between runs (prism, scale, ortho) or collapsed it (vpsc).
    if (diagram) {
        Agsym_t *layoutName = declare(lock, g, AGRAPH, "layout", "");
        set(lock, g, layoutName, pinned ? worker::kPinnedEngine : layoutEngineName(engine));
        if (!options.title.empty()) {
            set(lock, g, declare(lock, g, AGRAPH, "label", ""), wrappedTitle(options.title));
            set(lock, g, declare(lock, g, AGRAPH, "labelloc", ""), "t");
            set(lock, g, declare(lock, g, AGRAPH, "fontsize", "14"), "20");
        }
        set(lock, g, declare(lock, g, AGRAPH, "bgcolor", ""), "white");
        set(lock, g, declare(lock, g, AGRAPH, "outputorder", ""), "edgesfirst");
        set(lock, g, declare(lock, g, AGRAPH, "pad", ""), "0.2");
    }

    Agsym_t *label = declare(lock, g, AGNODE, "label", "");
    Agsym_t *shape = declare(lock, g, AGNODE, "shape", "ellipse");
    declare(lock, g, AGNODE, "fontname", kFontName);
    declare(lock, g, AGNODE, "fontsize", "12");
    Agsym_t *fill = nullptr, *outline = nullptr, *penwidth = nullptr;
    if (diagram) {
        declare(lock, g, AGNODE, "style", "filled");
        outline = declare(lock, g, AGNODE, "color", "#4d4d4d");
        fill = declare(lock, g, AGNODE, "fillcolor", "#d9d9d9");
        penwidth = declare(lock, g, AGNODE, "penwidth", "1");
    }

    // Layout results come back from the worker by these indexes.
    Agsym_t *nodeIndex = diagram ? nullptr : declare(lock, g, AGNODE, worker::kIndexAttribute, "");
    Agsym_t *position = pinned ? declare(lock, g, AGNODE, "pos", "") : nullptr;
    built.nodes.reserve(view.entities.size());
    for (std::size_t i = 0; i < view.entities.size(); ++i) {
        const Entity &entity = store.entity(view.entities[i]);
        Agnode_t *node = addNode(lock, g, purpose == Purpose::Rendered ? ampersandsEscaped(entity.id) : entity.id);
        KindStyle style = styleOfKind(entity.kind);
        set(lock, node, label, literalLabel(displayName(entity)));
        set(lock, node, shape, style.shape);
        if (fill)
            set(lock, node, fill, style.fill);
        if (diagram && options.encoding)
            if (auto it = options.encoding->nodes.find(entity.id); it != options.encoding->nodes.end())
                encodeNode(lock, g, node, it->second);
        if (nodeIndex)
            set(lock, node, nodeIndex, std::to_string(i));
        if (position && i < pinned->size()) {
            const Point p = (*pinned)[i];
            set(lock, node, position, std::to_string(p.x) + "," + std::to_string(p.y) + "!");
        }
        if (purpose == Purpose::Diagram)
            setEntityData(lock, g, node, entity);
        built.nodes.push_back(node);
    }
    for (EntityIndex e : options.highlight) {
        auto it = std::lower_bound(view.entities.begin(), view.entities.end(), e);
        if (!penwidth || it == view.entities.end() || *it != e) continue;
        Agnode_t *node = built.nodes[static_cast<std::size_t>(it - view.entities.begin())];
        set(lock, node, penwidth, "4");
        set(lock, node, outline, "#8b0000");
    }

    Agsym_t *edgeLabel = nullptr, *edgeColour = nullptr;
    if (diagram) {
        declare(lock, g, AGEDGE, "fontname", kFontName);
        declare(lock, g, AGEDGE, "fontsize", "8");
        declare(lock, g, AGEDGE, "fontcolor", "#555555");
        edgeColour = declare(lock, g, AGEDGE, "color", "#666666");
        declare(lock, g, AGEDGE, "arrowsize", "0.6");
        if (view.relations.size() <= options.edgeLabelLimit) edgeLabel = declare(lock, g, AGEDGE, "label", "");
    }
    // Entity index -> position in the view, for the endpoints.
    auto nodeOf = [&](EntityIndex e) -> Agnode_t * {
        auto it = std::lower_bound(view.entities.begin(), view.entities.end(), e);
        if (it == view.entities.end() || *it != e)
            throw LayoutError("view relation has an endpoint outside the view");
        return built.nodes[static_cast<std::size_t>(it - view.entities.begin())];
    };
    Agsym_t *edgeIndex = diagram ? nullptr : declare(lock, g, AGEDGE, worker::kIndexAttribute, "");
    built.edges.reserve(view.relations.size());
    for (RelationIndex r : view.relations) {
        Agedge_t *edge = addEdge(lock, g, nodeOf(store.relationSource(r)),
                                 nodeOf(store.relationTarget(r)));
        if (edgeLabel)
            set(lock, edge, edgeLabel, literalLabel(store.relation(r).kind));
        if (edgeIndex)
            set(lock, edge, edgeIndex, std::to_string(built.edges.size()));
        if (edgeColour)
            set(lock, edge, edgeColour, styleOfRelation(store.relation(r).kind).colour);
        if (diagram && options.encoding && options.encoding->weightedEdges)
            if (const std::string *weight = store.relation(r).attribute("weight"))
                set(lock, edge, declare(lock, g, AGEDGE, "penwidth", "1"), weightedPen(*weight));
        if (purpose == Purpose::Diagram) {
            const Relation &relation = store.relation(r);
            set(lock, edge, declare(lock, g, AGEDGE, "kind", ""), relation.kind);
            if (!relation.evidence.empty())
                set(lock, edge, declare(lock, g, AGEDGE, "evidence_count", ""),
                    std::to_string(relation.evidence.size()));
        }
        built.edges.push_back(edge);
    }
    if (purpose == Purpose::Diagram)
        set(lock, g, declare(lock, g, AGRAPH, "liaison", ""), "1"); // the DOT loader reads it as Liaison's own

    if (diagram && options.legend && !view.entities.empty()) {
        // In a DOT export the legend sits in its own cluster, which the DOT
        // loader skips: it is a drawing aid, not an entity.
        Agraph_t *legendGraph = g;
        if (purpose == Purpose::Diagram) {
            legendGraph = addSubgraph(lock, g, "cluster_liaison_legend");
            set(lock, legendGraph, declare(lock, g, AGRAPH, "peripheries", ""), "0");
        }
        Agnode_t *legend = addNode(lock, legendGraph, legendName(store));
        setHtml(lock, g, legend, label, legendHtml(store, view, diagram ? options.encoding : nullptr));
        if (purpose == Purpose::Rendered) // page fitting notes dropped labels in it
            set(lock, legend, declare(lock, g, AGNODE, kLegendAttribute, ""), "1");
        set(lock, legend, shape, "plain");
        if (fill)
            set(lock, legend, fill, "white");
        if (position && !pinned->empty()) { // beside the top right corner
            double right = pinned->front().x, top = pinned->front().y;
            for (const Point &p : *pinned)
                right = std::max(right, p.x), top = std::max(top, p.y);
            set(lock, legend, position, std::to_string(right + 160) + "," + std::to_string(top) + "!");
        }
    }
    return built;
}

} // namespace liaison::graphviz
