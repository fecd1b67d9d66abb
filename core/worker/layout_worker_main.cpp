// liaison-layout-worker: runs one Graphviz layout or render for its parent
// (core/src/layout/graphviz_process.hpp owns the process model; the protocol
// is core/src/layout/worker_protocol.hpp). Single-purpose and short-lived:
// reads its request to end of file, answers, exits.
//
// It never outlives its parent: PR_SET_PDEATHSIG kills it when the parent
// dies, a check right after that covers a parent that died before it, and a
// watchdog thread leaves as soon as nobody reads its answer any more (the
// parent cancelled, or died in a way PDEATHSIG does not see).
#include "layout/graph_handle.hpp"
#include "layout/page_fit.hpp"
#include "layout/wire.hpp"
#include "layout/worker_protocol.hpp"
#include "liaison/errors.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>

#include <poll.h>
#include <sys/prctl.h>
#include <unistd.h>

using namespace liaison;
using namespace liaison::graphviz;

namespace {

constexpr double kPointsPerInch = 72.0;

bool writeAll(std::string_view bytes)
{
    while (!bytes.empty()) {
        ssize_t n = ::write(STDOUT_FILENO, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

void progress(const std::string &what) { writeAll(std::string(worker::kProgress) + what + "\n"); }

void answer(std::string_view kind, const std::string &body)
{
    writeAll(std::string(kind) + std::to_string(body.size()) + "\n");
    writeAll(body);
}

// Leaves as soon as the answer pipe has no reader (poll reports POLLERR on a
// pipe's write end then).
void watchParent()
{
    std::thread([] {
        pollfd answerPipe{STDOUT_FILENO, 0, 0};
        while (::poll(&answerPipe, 1, -1) < 0 && errno == EINTR) {
        }
        ::_exit(worker::kExitOrphaned);
    }).detach();
}

Point toPoint(pointf p) { return {p.x, p.y}; }

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

// The place of a node or edge in the parent's view (worker::kIndexAttribute).
std::size_t indexOf(const Lock &lock, void *object, std::size_t count)
{
    std::string text(get(lock, object, worker::kIndexAttribute));
    char *end = nullptr;
    unsigned long long index = std::strtoull(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || index >= count)
        throw LayoutError("the layout request has a node or edge without a valid index");
    return static_cast<std::size_t>(index);
}

std::string layoutResult(const Lock &lock, GraphHandle &graph, std::string_view engine)
{
    Agraph_t *g = graph.get();
    const auto nodeCount = static_cast<std::size_t>(agnnodes(g));
    const auto edgeCount = static_cast<std::size_t>(agnedges(g));
    progress("laying out " + std::to_string(nodeCount) + " nodes and " + std::to_string(edgeCount) +
             " edges with " + std::string(engine));
    int rc = graph.layout(engine);
    std::vector<std::string> messages = takeMessages(lock);
    if (rc != 0)
        throw LayoutError("layout with " + std::string(engine) + " failed: " + joined(messages));
    progress("sending positions");
    LayoutResult result;
    result.engine = parseLayoutEngine(engine);
    result.messages = std::move(messages);
    result.lowerLeft = toPoint(GD_bb(g).LL);
    result.upperRight = toPoint(GD_bb(g).UR);
    result.nodes.resize(nodeCount);
    result.edges.resize(edgeCount);
    for (Agnode_t *node = agfstnode(g); node; node = agnxtnode(g, node)) {
        NodeLayout &out = result.nodes[indexOf(lock, node, nodeCount)];
        out.centre = toPoint(ND_coord(node));
        out.width = ND_width(node) * kPointsPerInch;
        out.height = ND_height(node) * kPointsPerInch;
        for (Agedge_t *edge = agfstout(g, node); edge; edge = agnxtout(g, edge))
            copyEdge(edge, result.edges[indexOf(lock, edge, edgeCount)]);
    }
    return encodeLayout(result);
}

std::string renderResult(const Lock &lock, const std::string &dot, std::string_view engine,
                         std::string_view format, const Page &page)
{
    Rendered rendered = renderOnPage(lock, dot, engine, format, page, progress);
    RenderPayload payload;
    payload.bytes = std::move(rendered.bytes);
    payload.messages = std::move(rendered.messages);
    return encodeRender(payload);
}

// Header "layout ENGINE" or "render ENGINE FORMAT [WIDTH HEIGHT MINFONT]", then DOT.
std::string run(const std::string &request)
{
    const std::size_t headerEnd = request.find('\n');
    if (headerEnd == std::string::npos)
        throw LayoutError("the layout request has no header line");
    std::istringstream header(request.substr(0, headerEnd));
    std::string mode, engine, format;
    Page page;
    header >> mode >> engine >> format;
    if (!(header >> page.width >> page.height >> page.minimumFontSize))
        page = Page{};
    if (engine != worker::kPinnedEngine)
        parseLayoutEngine(engine); // a clear error for an engine we do not know
    Lock lock;
    progress("reading the graph");
    if (mode == worker::kRenderMode && !format.empty())
        return renderResult(lock, request.substr(headerEnd + 1), engine, format, page);
    if (mode != worker::kLayoutMode)
        throw LayoutError("the layout request asks for \"" + mode + "\", which the worker does not do");
    GraphHandle graph(lock, readGraph(lock, request.substr(headerEnd + 1)));
    if (!graph)
        throw LayoutError("Graphviz could not read the layout request: " + joined(takeMessages(lock)));
    return layoutResult(lock, graph, engine);
}

} // namespace

int main(int argc, char **argv)
{
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (argc != 3 || argv[1] != worker::kParentOption) {
        std::cerr << "liaison-layout-worker is started by liaison and liaison-viewer, not by hand\n";
        return worker::kExitUsage;
    }
    if (::getppid() != static_cast<pid_t>(std::atoll(argv[2])))
        return worker::kExitOrphaned; // the parent died before PDEATHSIG was set
    watchParent();

    std::string request((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    try {
        answer(worker::kResult, run(request));
    } catch (const std::exception &error) {
        answer(worker::kError, error.what());
    }
    return 0;
}
