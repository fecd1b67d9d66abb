// liaison export FILE --format ... -o OUT: a briefing diagram (DOT, SVG, PNG,
// PDF through Graphviz in-process) or a Liaison JSON subgraph of the view.
#include "command.hpp"
#include "query.hpp"

#include "liaison/analysis.hpp"
#include "liaison/errors.hpp"
#include "liaison/exchange_export.hpp"
#include "liaison/json_io.hpp"
#include "liaison/layout.hpp"

#include <filesystem>
#include <iostream>

namespace liaison::cli {

// The format asked for, or the one the output file's extension names.
static std::string formatOf(const Args &args, const std::string &output)
{
    if (auto format = args.option("--format")) return *format;
    std::string extension = std::filesystem::path(output).extension().string();
    if (extension.size() > 1) return extension.substr(1);
    throw UserError("say which format with --format dot|svg|png|pdf|json|graphml|gexf|csv");
}

static View selectView(const GraphStore &store, const Args &args)
{
    ViewFilter filter = filterFromArgs(args);
    if (auto focus = args.option("--focus")) {
        EntityIndex centre = resolveEntity(store, *focus);
        int depth = std::stoi(args.option("--depth", "1"));
        if (depth < 0) throw UserError("--depth must be 0 or more");
        return egoNetwork(store, centre, depth, filter);
    }
    if (args.option("--depth")) throw UserError("--depth goes with --focus ENTITY");
    return applyFilter(store, wholeGraph(store), filter);
}

static int runExport(const std::vector<std::string> &words)
{
    std::set<std::string> accepted = filterOptions();
    accepted.insert({"--format", "--layout", "--focus", "--depth", "--title", "-o", "--output", "--time-limit",
                     "--csv-dialect"});
    Args args(words, {"--no-legend", "--undirected", "--csv-bom"}, accepted);
    GraphStore store = loadGraph(args.positional(0, "FILE"));
    args.expectAtMost(1);
    std::string output = args.option("-o").value_or(args.option("--output").value_or(""));
    if (output.empty()) throw UserError("say where to write with -o OUT (- for standard output)");
    std::string format = formatOf(args, output);
    View view = selectView(store, args);
    if ((args.option("--csv-dialect") || args.flag("--csv-bom")) && format != "csv")
        throw UserError("--csv-dialect and --csv-bom go with --format csv");
    if (args.flag("--undirected") && format != "graphml" && format != "gexf" && format != "csv")
        throw UserError("--undirected goes with --format graphml, gexf or csv");

    if (format == "json") {
        saveLiaisonJsonFile(extractView(store, view), output);
        return 0;
    }
    if (format == "graphml" || format == "gexf" || format == "csv") {
        ExchangeOptions exchange;
        exchange.undirected = args.flag("--undirected");
        exchange.csvDialect = args.option("--csv-dialect", "liaison");
        exchange.csvBom = args.flag("--csv-bom");
        for (const std::string &file : exportExchangeFormat(store, view, format, output, exchange))
            if (file != "-") std::cerr << "wrote " << file << "\n";
        return 0;
    }
    LayoutOptions options;
    options.engine = parseLayoutEngine(args.option("--layout", "sfdp"));
    options.title = args.option("--title").value_or(store.sources().empty() ? std::string() : store.sources()[0].title);
    options.legend = !args.flag("--no-legend");
    options.timeLimit = std::chrono::milliseconds(
        static_cast<long>(std::stod(args.option("--time-limit", "60")) * 1000));
    std::vector<std::string> messages;
    options.messages = &messages;
    std::string bytes = renderDiagram(store, view, parseDiagramFormat(format), options);
    for (const std::string &message : messages) std::cerr << "liaison export: " << message << "\n";
    writeFileAtomically(output, bytes);
    if (output != "-")
        std::cerr << "wrote " << output << " (" << view.entities.size() << " entities, " << view.relations.size()
                  << " relations, " << layoutEngineName(options.engine) << ")\n";
    return 0;
}

Command exportCommand()
{
    return {"export", "a briefing diagram (DOT, SVG, PNG, PDF) or a JSON subgraph",
            std::string("usage: liaison export FILE [--format dot|svg|png|pdf|json|graphml|gexf|csv]\n"
                        "         [--layout ENGINE]\n"
                        "         [--focus ENTITY --depth N] [filters] [--title T] [--no-legend]\n"
                        "         [--time-limit SECONDS] [--undirected]\n"
                        "         [--csv-dialect liaison|gephi|neo4j|cytoscape] [--csv-bom] -o OUT\n\n"
                        "Lays the graph (or the ego network of --focus to --depth hops) out with\n"
                        "Graphviz in-process and renders it with colour and shape by kind, a title and\n"
                        "a legend. The format defaults to OUT's extension; -o - writes to stdout.\n"
                        "graphml, gexf and csv write the view for Gephi, Cytoscape, yEd or a\n"
                        "spreadsheet, with kinds, names per language, aliases and evidence as\n"
                        "attributes (csv: OUT holds the nodes, OUT-stem.edges.csv the edges).\n"
                        "DOT carries kind, names per language, aliases and evidence counts as\n"
                        "attributes and its legend in a cluster, so `liaison import` reads it back.\n"
                        "  --undirected  graphml/gexf/csv: an undirected graph (default: undirected\n"
                        "                only when every relation says directed=false)\n"
                        "  --csv-dialect liaison (default), gephi (Type, Label, Weight), neo4j\n"
                        "                (neo4j-admin import headers), cytoscape (source,target,interaction)\n"
                        "  --csv-bom     start each CSV file with a UTF-8 byte order mark (Excel)\n"
                        "  --layout     dot, neato, fdp, sfdp (default), circo, twopi\n"
                        "  --time-limit seconds before a slow layout is abandoned for sfdp (default 60)\n") +
                kFilterHelp,
            runExport};
}

} // namespace liaison::cli
