// liaison diff OLD NEW: entities, relations, sources and evidence added,
// removed and changed between two versions of a graph.
#include "command.hpp"
#include "query.hpp"

#include "liaison/graph_diff.hpp"

#include <iostream>

namespace liaison::cli {

static void printNamed(const GraphStore &store, char mark, const std::string &id)
{
    EntityIndex e = store.findById(id);
    std::cout << "  " << mark << " " << id;
    if (e != kNoEntity && store.entity(e).name != id) std::cout << "  " << store.entity(e).name;
    std::cout << "\n";
}

static void printChanged(const ChangedItem &item)
{
    std::cout << "  ~ " << item.key << ":";
    for (std::size_t i = 0; i < item.changes.size(); ++i) std::cout << (i ? "; " : " ") << item.changes[i];
    std::cout << "\n";
    for (const Evidence &e : item.evidenceAdded)
        std::cout << "      + [" << e.source << (e.line > 0 ? ":" + std::to_string(e.line) : "") << "] " << e.quote << "\n";
    for (const Evidence &e : item.evidenceRemoved)
        std::cout << "      - [" << e.source << (e.line > 0 ? ":" + std::to_string(e.line) : "") << "] " << e.quote << "\n";
}

static void printText(const GraphStore &before, const GraphStore &after, const GraphDiff &diff)
{
    if (diff.empty()) {
        std::cout << "no differences\n";
        return;
    }
    std::cout << "sources: +" << diff.sourcesAdded.size() << " -" << diff.sourcesRemoved.size() << "\n";
    for (const std::string &id : diff.sourcesAdded) std::cout << "  + " << id << "\n";
    for (const std::string &id : diff.sourcesRemoved) std::cout << "  - " << id << "\n";
    std::cout << "entities: +" << diff.entitiesAdded.size() << " -" << diff.entitiesRemoved.size() << " ~"
              << diff.entitiesChanged.size() << " >" << diff.entitiesMerged.size() << "\n";
    for (const std::string &id : diff.entitiesAdded) printNamed(after, '+', id);
    for (const std::string &id : diff.entitiesRemoved) printNamed(before, '-', id);
    for (const ChangedItem &item : diff.entitiesChanged) printChanged(item);
    for (const MergedEntity &m : diff.entitiesMerged)
        std::cout << "  > " << m.from << " merged into " << m.into << (m.reason.empty() ? "" : " (" + m.reason + ")")
                  << "\n";
    for (const MergedEntity &m : diff.entitiesUnmerged)
        std::cout << "  < " << m.from << " split off from " << m.into << "\n";
    std::cout << "relations: +" << diff.relationsAdded.size() << " -" << diff.relationsRemoved.size() << " ~"
              << diff.relationsChanged.size() << "\n";
    for (const std::string &key : diff.relationsAdded) std::cout << "  + " << key << "\n";
    for (const std::string &key : diff.relationsRemoved) std::cout << "  - " << key << "\n";
    for (const ChangedItem &item : diff.relationsChanged) printChanged(item);
    if (diff.judgementsAdded.empty() && diff.judgementsRemoved.empty()) return;
    std::cout << "judgements: +" << diff.judgementsAdded.size() << " -" << diff.judgementsRemoved.size() << "\n";
    for (const std::string &j : diff.judgementsAdded) std::cout << "  + " << j << "\n";
    for (const std::string &j : diff.judgementsRemoved) std::cout << "  - " << j << "\n";
}

static void writeChanged(JsonOut &out, const std::vector<ChangedItem> &items)
{
    out.w().StartArray();
    for (const ChangedItem &item : items) {
        out.w().StartObject();
        out.key("key"), out.string(item.key);
        out.key("changes");
        out.w().StartArray();
        for (const std::string &c : item.changes) out.string(c);
        out.w().EndArray();
        out.key("evidence_added"), out.evidence(item.evidenceAdded);
        out.key("evidence_removed"), out.evidence(item.evidenceRemoved);
        out.w().EndObject();
    }
    out.w().EndArray();
}

static void writeList(JsonOut &out, const char *name, const std::vector<std::string> &values)
{
    out.key(name);
    out.w().StartArray();
    for (const std::string &v : values) out.string(v);
    out.w().EndArray();
}

// {"added": [...], "removed": [...], "changed": [...]} (no "changed" for sources)
static void writeSection(JsonOut &out, const char *name, const std::vector<std::string> &added,
                         const std::vector<std::string> &removed, const std::vector<ChangedItem> *changed)
{
    out.key(name);
    out.w().StartObject();
    writeList(out, "added", added);
    writeList(out, "removed", removed);
    if (changed) out.key("changed"), writeChanged(out, *changed);
    out.w().EndObject();
}

static void writeMerges(JsonOut &out, const char *name, const std::vector<MergedEntity> &merges)
{
    out.key(name);
    out.w().StartArray();
    for (const MergedEntity &m : merges) {
        out.w().StartObject();
        out.key("from"), out.string(m.from);
        out.key("into"), out.string(m.into);
        out.key("reason"), out.string(m.reason);
        out.w().EndObject();
    }
    out.w().EndArray();
}

static void writeJson(const GraphDiff &diff)
{
    JsonOut out;
    out.w().StartObject();
    writeSection(out, "sources", diff.sourcesAdded, diff.sourcesRemoved, nullptr);
    writeSection(out, "entities", diff.entitiesAdded, diff.entitiesRemoved, &diff.entitiesChanged);
    writeSection(out, "relations", diff.relationsAdded, diff.relationsRemoved, &diff.relationsChanged);
    writeMerges(out, "merged", diff.entitiesMerged);
    writeMerges(out, "split", diff.entitiesUnmerged);
    writeSection(out, "judgements", diff.judgementsAdded, diff.judgementsRemoved, nullptr);
    out.w().EndObject();
}

static int runDiff(const std::vector<std::string> &words)
{
    Args args(words, {"--json", "--exit-code"}, {});
    GraphStore before = loadGraph(args.positional(0, "OLD"));
    GraphStore after = loadGraph(args.positional(1, "NEW"));
    args.expectAtMost(2);
    GraphDiff diff = diffGraphs(before, after);
    if (args.flag("--json"))
        writeJson(diff);
    else
        printText(before, after, diff);
    return args.flag("--exit-code") && !diff.empty() ? 3 : 0;
}

Command diffCommand()
{
    return {"diff", "what changed between two versions of a graph",
            "usage: liaison diff OLD.json NEW.json [--json] [--exit-code]\n\n"
            "Lists sources, entities and relations added (+), removed (-) and changed (~),\n"
            "with the evidence each gained or lost; entities merged (>) into a survivor since,\n"
            "with the reason, and split off (<); judgements (same/different) added and removed.\n"
            "Entities match by id; relations by kind and endpoints as the new graph names them\n"
            "(relations a merge folded into one are one change, not a removal).\n"
            "  --json       machine-readable output\n"
            "  --exit-code  exit 3 when the graphs differ (0 when they do not)\n",
            runDiff};
}

} // namespace liaison::cli
