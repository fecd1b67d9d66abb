// liaison show FILE ENTITY: everything known about one entity, with evidence.
#include "command.hpp"
#include "query.hpp"

#include "liaison/printable.hpp"

#include <iostream>

namespace liaison::cli {

static void printEvidence(const std::vector<Evidence> &evidence, const char *indent)
{
    for (const Evidence &e : evidence) {
        std::cout << indent << "[" << printableText(e.source);
        if (e.line > 0) std::cout << ":" << e.line;
        if (!e.locator.empty()) std::cout << " " << printableText(e.locator);
        std::cout << "] " << printableText(e.quote);
        if (e.confidence >= 0) std::cout << " (confidence " << e.confidence << ")";
        std::cout << "\n";
    }
}

static void relationsJson(JsonOut &out, const GraphStore &store, const std::vector<RelationIndex> &relations,
                          bool outgoing)
{
    auto &w = out.w();
    w.StartArray();
    for (RelationIndex r : relations) {
        const Relation &relation = store.relation(r);
        w.StartObject();
        out.key("kind"), out.string(relation.kind);
        out.key(outgoing ? "to" : "from");
        out.entity(store, outgoing ? store.relationTarget(r) : store.relationSource(r));
        out.key("attributes");
        w.StartObject();
        for (const auto &[k, v] : relation.attributes) out.key(k), out.string(v.text);
        w.EndObject();
        out.key("evidence"), out.evidence(relation.evidence);
        w.EndObject();
    }
    w.EndArray();
}

static int runShow(const std::vector<std::string> &words)
{
    Args args(words, {"--json"}, {});
    GraphStore store = loadGraph(args.positional(0, "FILE"));
    EntityIndex e = resolveEntity(store, args.positional(1, "ENTITY"));
    args.expectAtMost(2);
    const Entity &entity = store.entity(e);
    std::vector<RelationIndex> out = store.outRelations(e), in = store.inRelations(e);

    if (args.flag("--json")) {
        JsonOut json;
        auto &w = json.w();
        w.StartObject();
        json.key("id"), json.string(entity.id);
        json.key("kind"), json.string(entity.kind);
        json.key("name"), json.string(entity.name);
        json.key("names");
        w.StartObject();
        for (const auto &[language, name] : entity.names) json.key(language), json.string(name);
        w.EndObject();
        json.key("aliases");
        w.StartArray();
        for (const std::string &alias : entity.aliases) json.string(alias);
        w.EndArray();
        json.key("attributes");
        w.StartObject();
        for (const auto &[k, v] : entity.attributes) json.key(k), json.string(v.text);
        w.EndObject();
        json.key("evidence"), json.evidence(entity.evidence);
        json.key("outgoing"), relationsJson(json, store, out, true);
        json.key("incoming"), relationsJson(json, store, in, false);
        w.EndObject();
        return 0;
    }
    std::cout << printableText(entity.name) << "\n  id: " << printableText(entity.id) << "\n  kind: " << printableText(entity.kind) << "\n";
    for (const auto &[language, name] : entity.names)
        std::cout << "  name[" << printableText(language) << "]: " << printableText(name) << "\n";
    if (!entity.aliases.empty()) {
        std::cout << "  aliases:";
        for (const std::string &alias : entity.aliases) std::cout << " " << printableText(alias) << ";";
        std::cout << "\n";
    }
    for (const auto &[k, v] : entity.attributes) std::cout << "  " << printableText(k) << ": " << printableText(v.text) << "\n";
    if (!entity.evidence.empty()) std::cout << "  evidence:\n";
    printEvidence(entity.evidence, "    ");
    auto printRelations = [&](const std::vector<RelationIndex> &relations, bool outgoing) {
        for (RelationIndex r : relations) {
            const Relation &relation = store.relation(r);
            EntityIndex other = outgoing ? store.relationTarget(r) : store.relationSource(r);
            std::cout << "  " << (outgoing ? "-" : "<-") << printableText(relation.kind) << (outgoing ? "-> " : "- ")
                      << describe(store, other);
            for (const auto &[k, v] : relation.attributes) std::cout << "  " << printableText(k) << "=" << printableText(v.text);
            std::cout << "\n";
            printEvidence(relation.evidence, "      ");
        }
    };
    if (!out.empty() || !in.empty()) std::cout << "\nrelations:\n";
    printRelations(out, true);
    printRelations(in, false);
    return 0;
}

Command showCommand()
{
    return {"show", "one entity: names, attributes, relations and their evidence",
            "usage: liaison show FILE ENTITY [--json]\n\n"
            "ENTITY is an id (person:chuang-ming-fen) or any name or alias in any language.\n"
            "  --json   machine-readable output\n",
            runShow};
}

} // namespace liaison::cli
