// liaison info FILE: counts by entity kind and relation kind, and the sources.
#include "command.hpp"
#include "query.hpp"

#include <iostream>
#include <map>

namespace liaison::cli {

static int runInfo(const std::vector<std::string> &words)
{
    Args args(words, {"--json"}, {});
    const std::string &file = args.positional(0, "FILE");
    args.expectAtMost(1);
    GraphStore store = loadGraph(file);
    std::map<std::string, std::size_t> entityKinds, relationKinds;
    for (const Entity &e : store.entities()) ++entityKinds[e.kind];
    for (const Relation &r : store.relations()) ++relationKinds[r.kind];

    if (args.flag("--json")) {
        JsonOut out;
        auto &w = out.w();
        w.StartObject();
        out.key("file"), out.string(file);
        out.key("entities"), w.Uint64(store.entityCount());
        out.key("relations"), w.Uint64(store.relationCount());
        for (auto [name, counts] : {std::pair{"entity_kinds", &entityKinds}, std::pair{"relation_kinds", &relationKinds}}) {
            out.key(name);
            w.StartObject();
            for (const auto &[kind, count] : *counts) out.key(kind), w.Uint64(count);
            w.EndObject();
        }
        out.key("sources");
        w.StartArray();
        for (const Source &s : store.sources()) {
            w.StartObject();
            out.key("id"), out.string(s.id);
            out.key("title"), out.string(s.title);
            out.key("date"), out.string(s.date);
            out.key("language"), out.string(s.language);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        return 0;
    }
    std::cout << file << ": " << store.entityCount() << " entities, " << store.relationCount()
              << " relations, " << store.sources().size() << " sources\n\nentities by kind:\n";
    for (const auto &[kind, count] : entityKinds) std::cout << "  " << count << "\t" << kind << "\n";
    std::cout << "\nrelations by kind:\n";
    for (const auto &[kind, count] : relationKinds) std::cout << "  " << count << "\t" << kind << "\n";
    std::cout << "\nsources:\n";
    for (const Source &s : store.sources())
        std::cout << "  " << s.id << "\t" << s.title << (s.date.empty() ? "" : " (" + s.date + ")") << "\n";
    return 0;
}

Command infoCommand()
{
    return {"info", "counts of entities and relations by kind, and the sources",
            "usage: liaison info FILE [--json]\n\n"
            "Prints how many entities and relations of each kind FILE holds, and its sources.\n"
            "  --json   machine-readable output\n",
            runInfo};
}

} // namespace liaison::cli
