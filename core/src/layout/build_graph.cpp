#include "layout/build_graph.hpp"

#include "liaison/errors.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace liaison::graphviz {

std::string literalLabel(std::string_view text)
{
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

std::string htmlText(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

namespace {

std::string_view displayName(const Entity &entity)
{
    return entity.name.empty() ? std::string_view(entity.id) : std::string_view(entity.name);
}

// The legend's kinds in a fixed order, so the output is stable.
std::string legendHtml(const GraphStore &store, const View &view)
{
    std::set<std::string_view> present;
    for (EntityIndex e : view.entities)
        present.insert(styleOfKind(store.entity(e).kind).label);
    static constexpr std::array<std::string_view, 6> kOrder{
        "person", "organisation", "event", "country", "topic", ""};
    std::string html = "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" "
                       "CELLPADDING=\"4\"><TR><TD COLSPAN=\"2\"><B>Kinds</B></TD></TR>";
    for (std::string_view kind : kOrder) {
        KindStyle style = styleOfKind(kind);
        if (!present.contains(style.label))
            continue;
        html += "<TR><TD BGCOLOR=\"" + std::string(style.fill) + "\" WIDTH=\"24\"></TD>";
        html += "<TD ALIGN=\"LEFT\">" + htmlText(style.label) + "</TD></TR>";
    }
    return html + "</TABLE>";
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
                      LayoutEngine engine, const LayoutOptions &options, Purpose purpose)
{
    BuiltGraph built;
    built.graph = std::make_unique<GraphHandle>(lock, "liaison");
    if (!*built.graph)
        throw LayoutError("Graphviz could not create a graph");
    Agraph_t *g = built.graph->get();
    const bool diagram = purpose != Purpose::Layout;

    Agsym_t *graphFont = declare(lock, g, AGRAPH, "fontname", kFontName);
    set(lock, g, graphFont, kFontName);
    if (engine == LayoutEngine::Sfdp || engine == LayoutEngine::Neato) {
        // Overlapping nodes hide labels; prism removes overlaps and keeps the
        // shape. Not "false" (Voronoi: draws from drand48 state left by
        // earlier layouts, so the same input gave different bytes) nor vpsc
        // (collapsed the IAC graph into one column).
        set(lock, g, declare(lock, g, AGRAPH, "overlap", ""), "prism");
        set(lock, g, declare(lock, g, AGRAPH, "sep", ""), "+8");
    }
    // fdp keeps its own repulsion only: every overlap mode tried either made
    // its output vary between runs (prism, scale, ortho) or collapsed it (vpsc).
    if (diagram) {
        Agsym_t *layoutName = declare(lock, g, AGRAPH, "layout", "");
        set(lock, g, layoutName, layoutEngineName(engine));
        if (!options.title.empty()) {
            set(lock, g, declare(lock, g, AGRAPH, "label", ""), literalLabel(options.title));
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
    Agsym_t *fill = nullptr;
    if (diagram) {
        declare(lock, g, AGNODE, "style", "filled");
        declare(lock, g, AGNODE, "color", "#4d4d4d");
        fill = declare(lock, g, AGNODE, "fillcolor", "#d9d9d9");
    }

    built.nodes.reserve(view.entities.size());
    for (EntityIndex e : view.entities) {
        const Entity &entity = store.entity(e);
        Agnode_t *node = addNode(lock, g, purpose == Purpose::Rendered ? ampersandsEscaped(entity.id) : entity.id);
        KindStyle style = styleOfKind(entity.kind);
        set(lock, node, label, literalLabel(displayName(entity)));
        set(lock, node, shape, style.shape);
        if (fill)
            set(lock, node, fill, style.fill);
        if (purpose == Purpose::Diagram)
            setEntityData(lock, g, node, entity);
        built.nodes.push_back(node);
    }

    Agsym_t *edgeLabel = nullptr;
    if (diagram) {
        declare(lock, g, AGEDGE, "fontname", kFontName);
        declare(lock, g, AGEDGE, "fontsize", "8");
        declare(lock, g, AGEDGE, "fontcolor", "#555555");
        declare(lock, g, AGEDGE, "color", "#666666");
        declare(lock, g, AGEDGE, "arrowsize", "0.6");
        edgeLabel = declare(lock, g, AGEDGE, "label", "");
    }
    // Entity index -> position in the view, for the endpoints.
    auto nodeOf = [&](EntityIndex e) -> Agnode_t * {
        auto it = std::lower_bound(view.entities.begin(), view.entities.end(), e);
        if (it == view.entities.end() || *it != e)
            throw LayoutError("view relation has an endpoint outside the view");
        return built.nodes[static_cast<std::size_t>(it - view.entities.begin())];
    };
    built.edges.reserve(view.relations.size());
    for (RelationIndex r : view.relations) {
        Agedge_t *edge = addEdge(lock, g, nodeOf(store.relationSource(r)),
                                 nodeOf(store.relationTarget(r)));
        if (edgeLabel)
            set(lock, edge, edgeLabel, literalLabel(store.relation(r).kind));
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
        setHtml(lock, g, legend, label, legendHtml(store, view));
        set(lock, legend, shape, "plain");
        if (fill)
            set(lock, legend, fill, "white");
    }
    return built;
}

} // namespace liaison::graphviz
