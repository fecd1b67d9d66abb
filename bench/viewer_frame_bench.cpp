// Frame time of the viewer (canvas + panels, rendered by Mesa under Xvfb) on
// synthetic graphs of 1k, 10k and 100k nodes with about three edges per node.
// Positions come from a jittered grid computed here (Graphviz sfdp on 100k
// nodes takes minutes; the canvas cost does not depend on who placed the
// nodes), edges join grid neighbours plus one random nearby node, as a
// force-directed layout would place them.
//
// usage: xvfb-run -a -s '-screen 0 1280x800x24' viewer_frame_bench [--modes M,...] [--frames F] [N ...]
//        xvfb-run -a -s '-screen 0 1280x800x24' viewer_frame_bench --first-picture FILE.json
// --first-picture opens FILE as the viewer does (load in the background, the
// opening view, its layout) and prints the seconds from the program's start
// to the first frame with nodes on the canvas and to the frame where the
// layout had settled, with the peak resident memory of the process.
// Modes, timed one after the other on each size in the same process:
//   before     the canvas before the picture cache: GPU buffers drawn every
//              frame for 3k-30k nodes on screen, ImGui's folding draw list
//              past that
//   after      the viewer's default: GPU buffers past 3k nodes, their picture
//              kept in a texture that panning only shifts
//   draw-list  ImGui's draw list at every size
//   redraw     GPU buffers past 3k nodes drawn every frame, no picture kept:
//              what each redraw of the picture costs (edges thinned when
//              zoomed out: one per pair of 4-pixel squares)
//   redraw-all-edges  the same with every edge drawn
// Prints, per size, mode and camera (fitted: everything on screen, still;
// pan: the fitted view swaying left and right every frame, as when dragging
// to and fro; drag: the view moving 10 pixels a frame, 400 pixels either way; zooming: the
// fitted zoom changing every frame; zoomed: 1 px/pt at the centre), the
// median and 95th percentile over 300 frames (--frames) of the whole frame (CPU + Mesa's
// software rasteriser under Xvfb) and of building it (ImGui panels, canvas
// culling and draw lists: the viewer's own cost), and how many times the
// cached picture was drawn again.
#include "actions.hpp"
#include "app.hpp"
#include "platform.hpp"

#include "automation.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <sys/resource.h>

using namespace liaison;
using namespace liaison::viewer;

namespace {

int kFrames = 300; // --frames N
constexpr int kWarmup = 10;
constexpr double kSpacing = 110; // points between grid cells
constexpr double kDragReach = 400; // pixels the drag camera goes either way (past the picture's 256-pixel margin)

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
    std::uint64_t redraws = 0; // cached pictures drawn
    std::uint64_t placements = 0; // label placements (the others reuse the last one)
};

struct Camera {
    double sway = 0;  // points: the camera sways left and right by up to this much
    double drift = 0; // pixels a frame the camera moves, to and fro over +-kDragReach
    double zoomSway = 0; // the zoom changes by up to this fraction, every frame
};

Figures measure(AppState &app, Window &window, std::vector<unsigned short> &ranges, Camera camera = {}) {
    std::vector<double> ms, build;
    const double centreX = app.camera.centreX, zoom = app.camera.zoom;
    const std::uint64_t redraws = app.canvas.gpu.redraws;
    const std::uint64_t placements = app.canvas.labelCache.placements;
    for (int frame = 0; frame < kWarmup + kFrames; ++frame) {
        refreshFonts(app, window, ranges);
        if (camera.sway != 0)
            app.camera.centreX = centreX + camera.sway * std::sin(frame * 0.2);
        if (camera.drift != 0) { // back and forth over +-kDragReach pixels at a steady speed
            const double at = std::fmod(camera.drift * frame, 4 * kDragReach);
            app.camera.centreX = centreX + (at < 2 * kDragReach ? at - kDragReach : 3 * kDragReach - at) / app.camera.zoom;
        }
        if (camera.zoomSway != 0)
            app.camera.zoom = zoom * (1 + camera.zoomSway * std::sin(frame * 0.2));
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
    app.camera.zoom = zoom;
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
    f.redraws = app.canvas.gpu.redraws - redraws;
    f.placements = app.canvas.labelCache.placements - placements;
    return f;
}

void report(std::size_t n, std::size_t edges, const char *mode, const char *camera, const Figures &f) {
    std::printf("%7zu nodes %7zu edges  %-9s %-7s  frame median %7.2f p95 %7.2f ms | build median %6.2f p95 %6.2f ms"
                "  (%s: %zu nodes +%zu folded, %zu edges, %zu labels; %llu redraws, %llu label placements)\n",
                n, edges, mode, camera, f.median, f.p95, f.buildMedian, f.buildP95, f.gpu ? "gpu" : "draw list",
                f.nodes, f.folded, f.edges, f.labels, static_cast<unsigned long long>(f.redraws), static_cast<unsigned long long>(f.placements));
    std::fflush(stdout);
}

// Sets the canvas paths `mode` names (see the top of this file).
bool configure(CanvasScratch &canvas, const std::string &mode) {
    if (mode == "before") {
        canvas.gpuUpTo = 30000;
        canvas.gpuCache = false;
    } else if (mode == "redraw" || mode == "redraw-all-edges") {
        canvas.gpuCache = false;
        canvas.gpu.thinEdges = mode == "redraw";
    } else if (mode == "draw-list") {
        canvas.gpuAbove = static_cast<std::size_t>(-1);
    } else if (mode != "after") {
        return false;
    }
    return true;
}

// The window every run draws into: 1280x800, hidden, no vsync.
WindowOptions benchWindow() {
    WindowOptions wo;
    wo.width = 1280;
    wo.height = 800;
    wo.visible = false;
    wo.vsync = false;
    return wo;
}

// Peak resident memory of this process (VmHWM), MiB.
double peakMiB() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::strtod(line.c_str() + 6, nullptr) / 1024;
    return 0;
}

int firstPicture(const std::string &file, std::chrono::steady_clock::time_point started) {
    Window window(benchWindow());
    std::vector<unsigned short> ranges;
    AppState app;
    openDocument(app, file);
    auto since = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
    auto cpu = [] { // user + system seconds of every thread so far (the machine is shared: wall times wait)
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
               static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    };
    double loaded = -1, first = -1, loadedCpu = 0, firstCpu = 0;
    std::size_t firstNodes = 0;
    std::string firstLevel;
    for (int frame = 0; since() < 600; ++frame) {
        refreshFonts(app, window, ranges);
        window.beginFrame(1.0 / 30); // the viewer's pace while it loads or lays out
        buildFrame(app);
        window.render();
        window.finish();
        window.swap();
        if (!app.errors.empty()) {
            std::fprintf(stderr, "viewer_frame_bench: %s\n", app.errors.front().c_str());
            return 1;
        }
        if (loaded < 0 && app.doc.store)
            loaded = since(), loadedCpu = cpu();
        const std::size_t drawn = app.canvas.gpuDrawn ? app.canvas.nodesOnScreen : app.canvas.drawn.size();
        if (first < 0 && drawn > 0) {
            first = since(), firstCpu = cpu();
            firstNodes = drawn;
            firstLevel = levelText(app);
        }
        if (first >= 0 && settled(app)) {
            std::printf("%s: %zu entities, %zu relations\n  loaded        %6.2f s wall %6.2f s cpu\n"
                        "  first picture %6.2f s wall %6.2f s cpu  (%zu nodes drawn: %s)\n"
                        "  settled       %6.2f s wall %6.2f s cpu  (%s)\n  peak resident %6.0f MiB\n",
                        file.c_str(), app.doc.store->entityCount(), app.doc.store->relationCount(), loaded, loadedCpu,
                        first, firstCpu, firstNodes, firstLevel.c_str(), since(), cpu(), app.status.c_str(),
                        peakMiB());
            return 0;
        }
    }
    std::fprintf(stderr, "viewer_frame_bench: %s did not settle in 600 s\n", file.c_str());
    return 1;
}

} // namespace

int main(int argc, char **argv) {
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::size_t> sizes;
    std::vector<std::string> modes = {"before", "after"};
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--frames" && i + 1 < argc) {
            kFrames = std::max(20, std::atoi(argv[++i]));
        } else if (arg == "--first-picture" && i + 1 < argc) {
            try {
                return firstPicture(argv[i + 1], started);
            } catch (const std::exception &e) {
                std::fprintf(stderr, "viewer_frame_bench: %s\n", e.what());
                return 1;
            }
        } else if (arg == "--draw-list") {
            modes = {"draw-list"};
        } else if (arg == "--modes" && i + 1 < argc) {
            modes.clear();
            std::string list = argv[++i];
            for (std::size_t at = 0; at <= list.size();) {
                std::size_t comma = std::min(list.find(',', at), list.size());
                modes.push_back(list.substr(at, comma - at));
                at = comma + 1;
            }
        } else {
            sizes.push_back(std::strtoull(argv[i], nullptr, 10));
        }
    }
    if (sizes.empty())
        sizes = {1000, 10000, 100000};
    try {
        Window window(benchWindow());
        std::vector<unsigned short> ranges;
        std::printf("viewer frame time, 1280x800, %d frames after %d warm-up\n", kFrames, kWarmup);
        for (std::size_t n : sizes) {
            Synthetic s = generate(n);
            for (const std::string &mode : modes) {
                AppState app;
                if (!configure(app.canvas, mode)) {
                    std::fprintf(stderr, "viewer_frame_bench: unknown mode %s\n", mode.c_str());
                    return 2;
                }
                app.autoLayout = false;
                adoptDocument(app, s.store, "synthetic");
                setGrouping(app, std::nullopt); // every entity drawn: the canvas's cost is what is timed
                updateView(app);
                app.scene = buildScene(LayoutSnapshot{s.store, app.view, s.layout});
                app.layoutEverFinished = true;
                app.fitPending = true;
                window.beginFrame(0); // the first frame fits the graph to the canvas: every camera starts there
                buildFrame(app);
                window.render();
                window.swap();
                const std::size_t relations = s.store->relationCount();
                const char *m = mode.c_str();
                report(n, relations, m, "fitted", measure(app, window, ranges));
                // Panning the fitted view: swaying by a tenth of the graph's width.
                report(n, relations, m, "pan",
                       measure(app, window, ranges, {.sway = std::sqrt(static_cast<double>(n)) * kSpacing / 10}));
                report(n, relations, m, "drag", measure(app, window, ranges, {.drift = 10}));
                report(n, relations, m, "zooming", measure(app, window, ranges, {.zoomSway = 0.1}));
                app.camera.zoom = 1.0;
                report(n, relations, m, "zoomed", measure(app, window, ranges));
            }
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "viewer_frame_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
