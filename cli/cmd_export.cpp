// liaison export FILE --format ... -o OUT: a briefing diagram (DOT, SVG, PNG,
// PDF through Graphviz in the layout worker process) or a Liaison JSON
// subgraph of the view.
#include "command.hpp"
#include "query.hpp"

#include "liaison/analysis.hpp"
#include "liaison/close_matches.hpp"
#include "liaison/errors.hpp"
#include "liaison/exchange_export.hpp"
#include "liaison/layout.hpp"
#include "liaison/met_network.hpp"
#include "liaison/printable.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>

#include <unistd.h>

namespace liaison::cli {

// Every format export writes: the diagrams, then the graph and exchange files.
static const std::vector<std::string> kExportFormats{"dot", "svg", "png", "pdf", "json", "graphml", "gexf", "csv"};

// The format asked for, or the one the output file's extension names; one
// export cannot write is refused with the close ones and all valid ones.
static std::string formatOf(const Args &args, const std::string &output)
{
    std::optional<std::string> format = args.option("--format");
    std::string extension = std::filesystem::path(output).extension().string();
    if (!format && extension.size() > 1) format = extension.substr(1);
    std::string valid;
    for (const std::string &f : kExportFormats) valid += (valid.empty() ? "" : "|") + f;
    if (!format) throw UserError("say which format with --format " + valid);
    if (std::find(kExportFormats.begin(), kExportFormats.end(), *format) != kExportFormats.end()) return *format;
    std::string message = "unknown format '" + printableText(*format) + "'";
    if (!args.option("--format")) message += " (the extension of -o " + printableText(output) + ")";
    if (std::string guess = didYouMean(closeMatches(*format, kExportFormats)); !guess.empty()) message += "; " + guess;
    throw UserError(message + " (valid: " + valid + ")");
}

constexpr long long kMaxDepth = 1000;       // hops; past the diameter of any real graph
constexpr double kMaxSeconds = 7 * 24 * 3600; // a week


// The graph an export draws: the file's, or its people network (--met).
static GraphStore exportedGraph(GraphStore store, const Args &args, const ViewFilter &filter)
{
    if (!args.flag("--met")) return store;
    return metNetwork(store, filter);
}

static View selectView(const GraphStore &store, const Args &args, const ViewFilter &filter)
{
    if (auto focus = args.option("--focus")) {
        EntityIndex centre = resolveEntity(store, *focus);
        auto depth = static_cast<int>(args.integer("--depth", 0, kMaxDepth).value_or(1));
        return egoNetwork(store, centre, depth, filter);
    }
    if (args.option("--depth")) throw UserError("--depth goes with --focus ENTITY");
    return applyFilter(store, wholeGraph(store), filter);
}

// "Ego network of 莊明芬 (2 hops) · kinds: person, event · countries: Taiwan ·
// 2017-09-28 to 2017-09-30". The report's title only for the whole graph.
static std::string autoTitle(const GraphStore &store, const Args &args, const ViewFilter &filter)
{
    std::vector<std::string> parts;
    if (auto focus = args.option("--focus")) {
        const Entity &centre = store.entity(resolveEntity(store, *focus));
        std::string depth = args.option("--depth", "1");
        std::string scope = args.flag("--met") ? "People " + centre.name + " met" : "Ego network of " + centre.name;
        parts.push_back(scope + " (" + depth + (depth == "1" ? " hop)" : " hops)"));
    } else if (args.flag("--met")) {
        parts.push_back("Who met whom");
    }
    auto listed = [&](const std::string &label, const auto &values, auto name) {
        if (values.empty()) return;
        std::string text = label + ": ";
        std::size_t i = 0;
        for (const auto &v : values) text += (i++ ? ", " : "") + name(v);
        parts.push_back(text);
    };
    auto same = [](const std::string &v) { return v; };
    listed("kinds", filter.kinds, same);
    listed("relations", filter.relationKinds, same);
    listed("countries", filter.countries, [&](const std::string &id) { return store.entity(store.findById(id)).name; });
    listed("sources", filter.sources, same);
    if (filter.from || filter.to)
        parts.push_back(filter.from && filter.to ? *filter.from + " to " + *filter.to
                        : filter.from           ? "from " + *filter.from
                                                : "until " + *filter.to);
    std::string title = store.sources().empty() ? std::string() : store.sources()[0].title;
    if (parts.empty()) return title;
    std::string text;
    for (const std::string &part : parts) text += (text.empty() ? "" : " · ") + part;
    return text;
}

static int runExport(const std::vector<std::string> &words)
{
    std::set<std::string> accepted = filterOptions();
    accepted.insert({"--format", "--layout", "--focus", "--depth", "--title", "-o", "--output", "--time-limit",
                     "--page", "--highlight", "--edge-labels", "--csv-dialect"});
    Args args(words, withFilterFlags({"--no-legend", "--met", "--undirected", "--csv-bom"}), accepted);
    GraphStore file = loadGraph(args.positional(0, "FILE"));
    args.expectAtMost(1);
    std::string output = args.option("-o").value_or(args.option("--output").value_or(""));
    if (output.empty()) throw UserError("say where to write with -o OUT (- for standard output)");
    std::string format = formatOf(args, output);
    refuseOutputOverInputs(output, {args.positional(0, "FILE")});
    if (format == "csv") refuseOutputOverInputs(csvEdgesPath(output), {args.positional(0, "FILE")});
    ViewFilter filter = filterFromArgs(file, args);
    const std::string title = args.option("--title").value_or(autoTitle(file, args, filter));
    GraphStore store = exportedGraph(std::move(file), args, filter);
    View view = selectView(store, args, args.flag("--met") ? ViewFilter{} : filter);
    if ((args.option("--csv-dialect") || args.flag("--csv-bom")) && format != "csv")
        throw UserError("--csv-dialect and --csv-bom go with --format csv");
    if (args.flag("--undirected") && format != "graphml" && format != "gexf" && format != "csv")
        throw UserError("--undirected goes with --format graphml, gexf or csv");

    if (format == "json") {
        saveGraph(extractView(store, view), output);
        return 0;
    }
    if (format == "graphml" || format == "gexf" || format == "csv") {
        ExchangeOptions exchange;
        exchange.undirected = args.flag("--undirected");
        exchange.csvDialect = args.option("--csv-dialect", "liaison");
        exchange.csvBom = args.flag("--csv-bom");
        if (isStandardStream(output)) {
            if (format == "csv") throw UserError("csv export writes two files; give a file name, not '-'");
            writeOutput(output, format == "graphml" ? writeGraphml(store, view, exchange) : writeGexf(store, view, exchange));
            return 0;
        }
        for (const std::string &file : exportExchangeFormat(store, view, format, output, exchange))
            std::cerr << "wrote " << file << "\n";
        return 0;
    }
    LayoutOptions options;
    options.engine = parseLayoutEngine(args.option("--layout", "sfdp"));
    options.title = title;
    options.legend = !args.flag("--no-legend");
    // At least a millisecond: a limit that rounds to 0 would mean no limit at all.
    options.timeLimit = std::chrono::milliseconds(
        static_cast<long>(std::ceil(args.number("--time-limit", 0.001, kMaxSeconds).value_or(60) * 1000)));
    if (auto focus = args.option("--focus")) {
        options.root = resolveEntity(store, *focus);
        options.highlight.push_back(options.root);
    }
    for (const std::string &entity : splitList(args.option("--highlight", "")))
        options.highlight.push_back(resolveEntity(store, entity));
    if (auto page = args.option("--page")) {
        PageSize size = parsePageSize(*page);
        options.pageWidth = size.width;
        options.pageHeight = size.height;
    }
    if (auto limit = args.integer("--edge-labels", 0, 1'000'000'000)) options.edgeLabelLimit = static_cast<std::size_t>(*limit);
    std::vector<std::string> messages;
    options.messages = &messages;
    // What the layout worker is doing, on one line rewritten in place; only
    // on a terminal (a log or a pipe gets the messages below, not this).
    const bool tty = ::isatty(STDERR_FILENO) != 0;
    if (tty)
        options.progress = [](std::string_view line) { std::cerr << "\r\033[Kliaison export: " << line << std::flush; };
    std::string bytes = renderDiagram(store, view, parseDiagramFormat(format), options);
    if (tty) std::cerr << "\r\033[K";
    for (const std::string &message : messages) std::cerr << "liaison export: " << message << "\n";
    writeOutput(output, bytes);
    if (!isStandardStream(output))
        std::cerr << "wrote " << output << " (" << view.entities.size() << " entities, " << view.relations.size()
                  << " relations, " << layoutEngineName(options.engine) << ")\n";
    return 0;
}

Command exportCommand()
{
    return {"export", "a briefing diagram (DOT, SVG, PNG, PDF) or a JSON subgraph",
            std::string("usage: liaison export FILE [--format dot|svg|png|pdf|json|graphml|gexf|csv]\n"
                        "         [--layout ENGINE] [--met] [--page A4|A3|letter[-landscape]]\n"
                        "         [--focus ENTITY --depth N] [--highlight ENTITY,...] [filters]\n"
                        "         [--title T] [--no-legend] [--edge-labels N] [--time-limit SECONDS]\n"
                        "         [--undirected] [--csv-dialect liaison|gephi|neo4j|cytoscape] [--csv-bom] -o OUT\n\n"
                        "Lays the graph (or the ego network of --focus to --depth hops) out with\n"
                        "Graphviz (in a separate process, shown on a terminal as a progress line) and\n"
                        "renders it with colour and shape by kind, a title and\n"
                        "a legend. The format defaults to OUT's extension; -o - writes to stdout.\n"
                        "graphml, gexf and csv write the view for Gephi, Cytoscape, yEd or a\n"
                        "spreadsheet, with kinds, names per language, aliases and evidence as\n"
                        "attributes (csv: OUT holds the nodes, OUT-stem.edges.csv the edges).\n"
                        "DOT carries kind, names per language, aliases and evidence counts as\n"
                        "attributes and its legend in a cluster, so `liaison import` reads it back.\n"
                        "  --met        the people network: persons, one edge per pair that met, weighted\n"
                        "               by shared occasions (in every format)\n"
                        "  --page SIZE  fit one page (A4, A3, letter; -landscape turns it), splitting\n"
                        "               nothing; past a minimum font of 6 pt only the best-connected\n"
                        "               entities keep labels\n"
                        "  --highlight  entities drawn with a thick dark-red outline (the focus always is)\n"
                        "  --title      the title; by default it names the focus, filters and date window\n"
                        "               (the report's title for the whole graph)\n"
                        "  --edge-labels N  relation kinds written on edges up to N relations (40); above,\n"
                        "               edge colours and the legend say what each relation is\n"
                        "  --undirected  graphml/gexf/csv: an undirected graph (default: undirected\n"
                        "                only when every relation says directed=false)\n"
                        "  --csv-dialect liaison (default), gephi (Type, Label, Weight), neo4j\n"
                        "                (neo4j-admin import headers), cytoscape (source,target,interaction)\n"
                        "  --csv-bom     start each CSV file with a UTF-8 byte order mark (Excel)\n"
                        "  --layout     dot, neato, fdp, sfdp (default), circo, twopi (rooted at the focus)\n"
                        "  --time-limit seconds before a slow layout is abandoned for sfdp, and sfdp for\n"
                        "               Liaison's quick placement with straight edges (default 60)\n") +
                kFilterHelp,
            runExport};
}

} // namespace liaison::cli
