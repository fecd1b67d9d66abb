// Frame time of the viewer (canvas + panels, rendered by Mesa under Xvfb) on
// synthetic graphs of 1k, 10k and 100k nodes with about three edges per node.
// Positions come from a jittered grid computed here (Graphviz sfdp on 100k
// nodes takes minutes; the canvas cost does not depend on who placed the
// nodes), edges join grid neighbours plus one random nearby node, as a
// force-directed layout would place them.
//
// usage: xvfb-run -a -s '-screen 0 1280x800x24' viewer_frame_bench [--draw-list] [N ...]
// Prints, per size and camera (fitted: everything on screen; pan: the fitted
// view moving every frame; zoomed: 1 px/pt at the centre), the median and 95th percentile over 300 frames of the whole
// frame (CPU + Mesa's software rasteriser under Xvfb, which dominates) and of
// building it (ImGui panels, canvas culling and draw lists: the viewer's own
// cost, what a GPU machine pays on the CPU). --draw-list draws every size
// through ImGui's draw list, as the canvas did before the GPU path.
#include "actions.hpp"
#include "app.hpp"
#include "platform.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

using namespace liaison;
using namespace liaison::viewer;

namespace {

constexpr int kFrames = 300;
constexpr int kWarmup = 10;
constexpr double kSpacing = 110; // points between grid cells

struct Synthetic {
    std::shared_ptr<GraphStore> store;
    LayoutResult layout;
};

Synthetic generate(std::size_t n) {
    static const char *kinds[] = {"person", "organisation", "event", "country", "topic"};
    Synthetic s;
    s.store = std::make_shared<GraphStore>();
    GraphStore &g = *s.store;
    g.reserve(n, n * 3);
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> jitter(-25, 25);
    const std::size_t side = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(n))));
    for (std::size_t i = 0; i < n; ++i) {
        Entity e;
        e.kind = kinds[i % 5];
        e.id = e.kind + ":n" + std::to_string(i);
        e.name = (i % 7 == 0 ? "節點 " : "node ") + std::to_string(i);
        g.addEntity(std::move(e));
        NodeLayout node;
        node.entity = static_cast<EntityIndex>(i);
        node.centre = {static_cast<double>(i % side) * kSpacing + jitter(rng),
                       static_cast<double>(i / side) * kSpacing + jitter(rng)};
        node.width = 54 + static_cast<double>(i % 3) * 18;
        node.height = 36;
        s.layout.nodes.push_back(node);
    }
    std::uniform_int_distribution<int> near(-2, 2);
    auto link = [&](std::size_t a, std::size_t b) {
        if (b >= n || a == b)
            return;
        Relation r;
        r.kind = "mentions";
        r.from = g.entity(static_cast<EntityIndex>(a)).id;
        r.to = g.entity(static_cast<EntityIndex>(b)).id;
        RelationIndex ri = g.addRelation(std::move(r));
        EdgeLayout e;
        e.relation = ri;
        Point p0 = s.layout.nodes[a].centre, p1 = s.layout.nodes[b].centre;
        Point c1{p0.x + (p1.x - p0.x) / 3 + 10, p0.y + (p1.y - p0.y) / 3};
        Point c2{p0.x + 2 * (p1.x - p0.x) / 3 + 10, p0.y + 2 * (p1.y - p0.y) / 3};
        Point end{p0.x + 0.85 * (p1.x - p0.x), p0.y + 0.85 * (p1.y - p0.y)};
        e.spline = {p0, c1, c2, end};
        e.hasArrowHead = true;
        e.arrowTip = {p0.x + 0.92 * (p1.x - p0.x), p0.y + 0.92 * (p1.y - p0.y)};
        s.layout.edges.push_back(std::move(e));
    };
    for (std::size_t i = 0; i < n; ++i) {
        link(i, i + 1);
        link(i, i + side);
        long long target = static_cast<long long>(i) + near(rng) * static_cast<long long>(side) + near(rng);
        if (target >= 0)
            link(i, static_cast<std::size_t>(target));
    }
    s.layout.lowerLeft = {-kSpacing, -kSpacing};
    s.layout.upperRight = {static_cast<double>(side) * kSpacing, static_cast<double>(side) * kSpacing};
    return s;
}

struct Figures {
    double median = 0, p95 = 0;           // whole frame, rasterised by Mesa
    double buildMedian = 0, buildP95 = 0; // CPU: ImGui panels + canvas culling and draw lists
    std::size_t nodes = 0, folded = 0, edges = 0, labels = 0;
    bool gpu = false; // nodes and edges drawn from GPU buffers
};

// `pan` (points): the camera sways left and right by up to this much, moving
// every frame as when a user drags the canvas; 0 keeps it still.
Figures measure(AppState &app, Window &window, std::vector<unsigned short> &ranges, double pan = 0) {
    std::vector<double> ms, build;
    const double centreX = app.camera.centreX;
    for (int frame = 0; frame < kWarmup + kFrames; ++frame) {
        refreshFonts(app, window, ranges);
        if (pan != 0)
            app.camera.centreX = centreX + pan * std::sin(frame * 0.2);
        auto t0 = std::chrono::steady_clock::now();
        window.beginFrame(0);
        buildFrame(app);
        auto built = std::chrono::steady_clock::now();
        window.render();
        window.finish();
        window.swap();
        auto t1 = std::chrono::steady_clock::now();
        if (frame >= kWarmup) {
            ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            build.push_back(std::chrono::duration<double, std::milli>(built - t0).count());
        }
    }
    auto percentile = [](std::vector<double> &v, double p) {
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, static_cast<std::size_t>(static_cast<double>(v.size()) * p))];
    };
    app.camera.centreX = centreX;
    Figures f;
    f.median = percentile(ms, 0.5);
    f.p95 = percentile(ms, 0.95);
    f.buildMedian = percentile(build, 0.5);
    f.buildP95 = percentile(build, 0.95);
    f.gpu = app.canvas.gpuDrawn;
    f.nodes = f.gpu ? app.canvas.nodesOnScreen : app.canvas.drawn.size();
    f.folded = app.canvas.foldedNodes;
    f.edges = app.canvas.drawnEdges;
    f.labels = app.canvas.labels;
    return f;
}

void report(std::size_t n, std::size_t edges, const char *camera, const Figures &f) {
    std::printf("%7zu nodes %7zu edges  %-6s  frame median %7.2f p95 %7.2f ms | build median %6.2f p95 %6.2f ms"
                "  (%s: %zu nodes +%zu folded, %zu edges, %zu labels)\n",
                n, edges, camera, f.median, f.p95, f.buildMedian, f.buildP95, f.gpu ? "gpu" : "draw list", f.nodes,
                f.folded, f.edges, f.labels);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv) {
    std::vector<std::size_t> sizes;
    bool drawList = false;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--draw-list")
            drawList = true;
        else
            sizes.push_back(std::strtoull(argv[i], nullptr, 10));
    }
    if (sizes.empty())
        sizes = {1000, 10000, 100000};
    try {
        WindowOptions wo;
        wo.width = 1280;
        wo.height = 800;
        wo.visible = false;
        wo.vsync = false;
        Window window(wo);
        std::vector<unsigned short> ranges;
        std::printf("viewer frame time, 1280x800, %d frames after %d warm-up%s\n", kFrames, kWarmup,
                    drawList ? ", draw-list path only (no GPU buffers)" : "");
        for (std::size_t n : sizes) {
            Synthetic s = generate(n);
            AppState app;
            app.autoLayout = false;
            if (drawList)
                app.canvas.gpuAbove = static_cast<std::size_t>(-1);
            adoptDocument(app, s.store, "synthetic");
            setGrouping(app, std::nullopt); // every entity drawn: the canvas's cost is what is timed
            updateView(app);
            app.scene = buildScene(LayoutSnapshot{s.store, app.view, s.layout});
            app.layoutEverFinished = true;
            app.fitPending = true;
            Figures fitted = measure(app, window, ranges);
            report(n, s.store->relationCount(), "fitted", fitted);
            // Panning the fitted view: swaying by a tenth of the graph's width.
            Figures panning = measure(app, window, ranges, std::sqrt(static_cast<double>(n)) * kSpacing / 10);
            report(n, s.store->relationCount(), "pan", panning);
            app.camera.zoom = 1.0;
            Figures zoomed = measure(app, window, ranges);
            report(n, s.store->relationCount(), "zoomed", zoomed);
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "viewer_frame_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
