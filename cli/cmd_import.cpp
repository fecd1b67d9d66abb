// liaison import FILE... -o OUT.json: files through the loader plugins into
// one batch, validated and committed all or nothing (or --lenient).
#include "command.hpp"
#include "query.hpp"
#include "terminal_output.hpp"

#include "liaison/errors.hpp"
#include "liaison/file_lock.hpp"
#include "liaison/import_batch.hpp"
#include "liaison/plugin_host.hpp"

#include <iostream>
#include <unistd.h>

namespace liaison::cli {

static const char *const kImportHelp =
    "usage: liaison import FILE... -o OUT.json [--into EXISTING.json] [--plugin NAME]\n"
    "                      [--lenient] [--kind FROM=TO,...] [--relation-kind KIND] [--quiet]\n"
    "                      [--report] [--json]\n"
    "\n"
    "Reads each FILE with a loader plugin (chosen by --plugin NAME, else by file\n"
    "name and content; see `liaison plugins`), validates everything as one batch and\n"
    "writes the graph to OUT.json ('-' for stdout). FILE '-' reads stdin (give --plugin).\n"
    "\n"
    "  --into EXISTING.json  import into this graph: entities merge by id, else by\n"
    "                        name or alias of the same kind; every merge and every\n"
    "                        ambiguous candidate (never merged) is reported\n"
    "  --lenient             commit the valid records, list each skipped one with\n"
    "                        file:line and reason (default: any error fails the whole\n"
    "                        import and nothing is written)\n"
    "  --kind FROM=TO,...    rename incoming kinds (woman=person,node=organisation)\n"
    "  --relation-kind KIND  kind of relations the file leaves without one (default related_to)\n"
    "  --plugin NAME         use this loader for every FILE\n"
    "  --quiet               print errors only\n"
    "  --report              list every incoming entity: created, merged (with the reason)\n"
    "                        or ambiguous (with the candidates and their reasons)\n"
    "  --json                print that report as JSON on stdout (then -o cannot be '-')\n"
    "\n"
    "Entities merge when their id matches (ids like 1, 2 or row numbers only with\n"
    "the same kind and name), or when exactly one entity of the graph or of another\n"
    "input file scores high enough as a candidate (see `liaison resolve`); never on\n"
    "a surname alone across documents, across gendered titles, or against a\n"
    "judgement \"different\". Identical relations are kept once with all their evidence.\n"
    "\n"
    "Exit code 0 when the graph was written, 1 when the import was refused.\n";

static std::map<std::string, std::string, std::less<>> kindMap(const std::string &text)
{
    std::map<std::string, std::string, std::less<>> out;
    for (const std::string &pair : splitList(text)) {
        auto eq = pair.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size())
            throw UserError("--kind wants FROM=TO pairs, got '" + pair + "'");
        out[pair.substr(0, eq)] = pair.substr(eq + 1);
    }
    return out;
}

static const char *outcomeWord(EntityOutcome::Kind kind)
{
    switch (kind) {
    case EntityOutcome::Kind::Created: return "created";
    case EntityOutcome::Kind::Merged: return "merged";
    case EntityOutcome::Kind::Ambiguous: return "ambiguous";
    }
    return "created";
}

// Every incoming entity and what became of it (--report).
static void printOutcomes(const ImportReport &report)
{
    for (const EntityOutcome &o : report.outcomes) {
        std::cerr << outcomeWord(o.kind) << " " << printableText(o.incomingId);
        if (o.resultId != o.incomingId) std::cerr << " -> " << printableText(o.resultId);
        if (!o.reason.empty()) std::cerr << " (" << printableText(o.reason) << ")";
        if (o.origin.line > 0) std::cerr << " at " << printableText(o.origin.text());
        std::cerr << "\n";
        for (const std::string &c : o.candidates) std::cerr << "  candidate " << printableText(c) << "\n";
    }
}

static void reportJson(const ImportReport &report)
{
    JsonOut json;
    auto &w = json.w();
    w.StartObject();
    json.key("entities_added"), w.Uint64(report.entitiesAdded);
    json.key("entities_merged"), w.Uint64(report.entitiesMerged);
    json.key("relations_added"), w.Uint64(report.relationsAdded);
    json.key("relations_already_present"), w.Uint64(report.duplicateRelations);
    json.key("evidence_appended"), w.Uint64(report.evidenceAppended);
    json.key("sources_added"), w.Uint64(report.sourcesAdded);
    json.key("entities");
    w.StartArray();
    for (const EntityOutcome &o : report.outcomes) {
        w.StartObject();
        json.key("outcome"), json.string(outcomeWord(o.kind));
        json.key("incoming"), json.string(o.incomingId);
        json.key("id"), json.string(o.resultId);
        if (!o.reason.empty()) json.key("reason"), json.string(o.reason);
        json.key("origin"), json.string(o.origin.text());
        json.key("candidates");
        w.StartArray();
        for (const std::string &c : o.candidates) json.string(c);
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
    json.key("sources");
    w.StartArray();
    for (const std::string &n : report.sourceNotes) json.string(n);
    w.EndArray();
    w.EndObject();
}

static void printReport(const ImportReport &report, bool quiet)
{
    for (const Diagnostic &d : report.diagnostics)
        if (d.severity != Severity::Error && !quiet) std::cerr << d.text() << "\n";
    if (!report.skipped.empty()) {
        std::cerr << "skipped " << report.skipped.size() << " record(s):\n";
        for (const SkippedRecord &s : report.skipped)
            std::cerr << "  " << printableText(s.origin.text()) << ": "
                      << printableText(s.record.empty() ? "" : s.record + ": ") << printableText(s.reason) << "\n";
    }
    if (quiet) return;
    for (const MergeRecord &m : report.merges) {
        std::cerr << "merged " << printableText(m.incomingId) << " into " << printableText(m.targetId) << " ("
                  << printableText(m.reason) << ")";
        if (m.origin.line > 0) std::cerr << " at " << m.origin.text();
        std::cerr << "\n";
        for (const std::string &c : m.conflicts) std::cerr << "  conflict: " << printableText(c) << "\n";
    }
    for (const AmbiguousMatch &a : report.ambiguous) {
        std::cerr << "not merged: " << printableText(a.incomingId) << " (\"" << printableText(a.matchedText) << "\") matches several:";
        for (const std::string &c : a.candidateIds) std::cerr << " " << printableText(c);
        std::cerr << "; added as a new entity\n";
    }
    for (const std::string &n : report.sourceNotes) std::cerr << printableText(n) << "\n";
    std::cerr << "imported " << report.entitiesAdded << " new entities, " << report.entitiesMerged << " merged, "
              << report.relationsAdded << " relations, " << report.sourcesAdded << " sources";
    if (report.duplicateRelations)
        std::cerr << "; " << report.duplicateRelations << " relations already present (" << report.evidenceAppended
                  << " new evidence items appended)";
    std::cerr << "\n";
}

static int runImport(const std::vector<std::string> &words)
{
    Args args(words, {"--lenient", "--quiet", "--report", "--json"}, {"-o", "--output", "--into", "--plugin", "--kind", "--relation-kind"});
    std::optional<std::string> out = args.option("-o");
    if (!out) out = args.option("--output");
    if (!out) throw UserError("missing -o OUT.json (see --help)");
    if (args.positionals().empty()) throw UserError("missing FILE (see --help)");
    if (args.flag("--json") && *out == "-") throw UserError("--json prints the report on stdout; give -o a file");
    std::string plugin = args.option("--plugin", "");
    bool quiet = args.flag("--quiet");

    PluginHost host;
    host.discoverModules();
    if (!quiet)
        for (const ModuleProblem &p : host.problems()) std::cerr << "warning: " << p.message << "\n";

    ImportOptions options;
    options.lenient = args.flag("--lenient");
    options.kindMap = kindMap(args.option("--kind", ""));
    options.relationKind = args.option("--relation-kind", "");

    // Case 5: an input is never replaced by the output, except the graph
    // imported --into, which is what the user asked to update.
    std::optional<std::string> into = args.option("--into");
    refuseOutputOverInputs(*out, args.positionals(), into);
    // Case 3: held from before --into is read until the save's rename, so a
    // concurrent import of the same graph waits instead of losing this one.
    std::optional<UpdateLock> lock;
    if (!isStandardStream(*out)) lock.emplace(*out);

    LoadOptions load;
    bool tty = ::isatty(STDERR_FILENO) && !quiet;
    ImportBatch batch;
    for (const std::string &file : args.positionals()) {
        std::string bytes = readInput(file);
        const LoaderInfo &loader = host.choose(file, bytes, plugin);
        if (tty) {
            load.progress = [&file](std::uint64_t done, std::uint64_t total) {
                rawStderr() << "\r" << printableText(file) << ": " << done;
                if (total) rawStderr() << " / " << total;
                rawStderr() << std::flush;
            };
        }
        if (!quiet) std::cerr << printableText(file) << ": reading with " << printableText(loader.name) << "\n";
        batch.append(host.load(loader, file, bytes, load));
        if (tty) rawStderr() << "\r\033[K" << std::flush;
    }

    GraphStore store = into ? loadGraph(*into) : GraphStore();
    ImportReport report;
    try {
        report = commitBatch(store, batch, options);
    } catch (const ImportError &e) {
        for (const Diagnostic &d : e.report().diagnostics)
            if (d.severity != Severity::Error && !quiet) std::cerr << d.text() << "\n";
        throw;
    }
    // Case 16: nothing is reported as imported until the file is in place.
    saveGraph(store, *out);
    if (args.flag("--report") && !quiet) printOutcomes(report);
    printReport(report, quiet);
    if (args.flag("--json")) reportJson(report);
    return 0;
}

Command importCommand()
{
    return {"import", "read files (JSON, CSV, DOT, GraphML, GEXF, GML, plugins) into a graph", kImportHelp,
            runImport};
}

} // namespace liaison::cli
