// TEMPORARY stand-in for core's layout.hpp, compiled into the viewer only
// while liaison_core does not define layoutView (the layout branch has not
// been merged yet). A bare gvc/cgraph layout, no time limit, no legend, no
// exports. viewer/CMakeLists.txt drops this file as soon as core has the
// real implementation. Not for review beyond "it lets the viewer run".
#include "liaison/errors.hpp"
#include "liaison/layout.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <mutex>

namespace liaison {

namespace {
std::mutex &graphvizLock() {
    static std::mutex m;
    return m;
}
char *c(const char *s) { return const_cast<char *>(s); }
} // namespace

LayoutEngine parseLayoutEngine(std::string_view name) {
    for (LayoutEngine e : allLayoutEngines())
        if (layoutEngineName(e) == name)
            return e;
    throw UserError("unknown layout engine '" + std::string(name) + "'");
}

std::string_view layoutEngineName(LayoutEngine engine) {
    switch (engine) {
    case LayoutEngine::Dot: return "dot";
    case LayoutEngine::Neato: return "neato";
    case LayoutEngine::Fdp: return "fdp";
    case LayoutEngine::Sfdp: return "sfdp";
    case LayoutEngine::Circo: return "circo";
    case LayoutEngine::Twopi: return "twopi";
    }
    return "sfdp";
}

const std::vector<LayoutEngine> &allLayoutEngines() {
    static const std::vector<LayoutEngine> all{LayoutEngine::Dot, LayoutEngine::Neato, LayoutEngine::Fdp,
                                               LayoutEngine::Sfdp, LayoutEngine::Circo, LayoutEngine::Twopi};
    return all;
}

DiagramFormat parseDiagramFormat(std::string_view name) {
    if (name == "dot") return DiagramFormat::Dot;
    if (name == "svg") return DiagramFormat::Svg;
    if (name == "png") return DiagramFormat::Png;
    if (name == "pdf") return DiagramFormat::Pdf;
    throw UserError("unknown diagram format '" + std::string(name) + "'");
}

KindStyle styleOfKind(std::string_view kind) {
    if (kind == "person") return {"#4e79a7", "ellipse", "Person"};
    if (kind == "organisation") return {"#f28e2b", "box", "Organisation"};
    if (kind == "event") return {"#59a14f", "hexagon", "Event"};
    if (kind == "country") return {"#e15759", "octagon", "Country"};
    if (kind == "topic") return {"#b07aa1", "diamond", "Topic"};
    return {"#bab0ac", "ellipse", "Other"};
}

LayoutResult layoutView(const GraphStore &store, const View &view, const LayoutOptions &options) {
    std::lock_guard lock(graphvizLock());
    GVC_t *gvc = gvContext();
    Agraph_t *g = agopen(c("g"), Agdirected, nullptr);
    Agsym_t *label = agattr(g, AGNODE, c("label"), c(""));
    Agsym_t *shape = agattr(g, AGNODE, c("shape"), c("ellipse"));
    agattr(g, AGRAPH, c("overlap"), c("prism"));
    agattr(g, AGRAPH, c("splines"), c("line")); // "true" costs ~100 s on IAC 2017 (pathplan)
    agattr(g, AGNODE, c("fontsize"), c("14"));
    std::vector<Agnode_t *> nodes;
    for (EntityIndex e : view.entities) {
        const Entity &entity = store.entity(e);
        Agnode_t *n = agnode(g, c(entity.id.c_str()), 1);
        agxset(n, label, c(entity.name.c_str()));
        agxset(n, shape, c(std::string(styleOfKind(entity.kind).shape).c_str()));
        nodes.push_back(n);
    }
    std::vector<Agedge_t *> edges;
    for (RelationIndex r : view.relations) {
        Agnode_t *a = agnode(g, c(store.entity(store.relationSource(r)).id.c_str()), 0);
        Agnode_t *b = agnode(g, c(store.entity(store.relationTarget(r)).id.c_str()), 0);
        edges.push_back(agedge(g, a, b, c(std::to_string(r).c_str()), 1));
    }
    std::string engine(layoutEngineName(options.engine));
    if (gvLayout(gvc, g, engine.c_str()) != 0) {
        agclose(g);
        gvFreeContext(gvc);
        throw LayoutError(engine + ": layout failed");
    }
    LayoutResult result;
    result.engine = options.engine;
    boxf bb = GD_bb(g);
    result.lowerLeft = {bb.LL.x, bb.LL.y};
    result.upperRight = {bb.UR.x, bb.UR.y};
    for (std::size_t i = 0; i < nodes.size(); ++i)
        result.nodes.push_back({view.entities[i], {ND_coord(nodes[i]).x, ND_coord(nodes[i]).y},
                                ND_width(nodes[i]) * 72, ND_height(nodes[i]) * 72});
    for (std::size_t i = 0; i < edges.size(); ++i) {
        EdgeLayout el;
        el.relation = view.relations[i];
        Agedge_t *e = edges[i];
        if (ED_spl(e) && ED_spl(e)->size > 0) {
            bezier bz = ED_spl(e)->list[0];
            for (int k = 0; k < bz.size; ++k)
                el.spline.push_back({bz.list[k].x, bz.list[k].y});
            el.hasArrowHead = bz.eflag != 0;
            el.arrowTip = {bz.ep.x, bz.ep.y};
        }
        result.edges.push_back(std::move(el));
    }
    gvFreeLayout(gvc, g);
    agclose(g);
    gvFreeContext(gvc);
    return result;
}

std::string renderDiagram(const GraphStore &, const View &, DiagramFormat, const LayoutOptions &) {
    throw LayoutError("exports arrive with the layout branch (stand-in build)");
}

} // namespace liaison
