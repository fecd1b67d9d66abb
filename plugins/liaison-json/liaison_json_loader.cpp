// Liaison JSON v1 behind the plugin ABI: core's readLiaisonJson does the
// parsing and validation, this file hands the result over record by record.
#include "liaison/errors.hpp"
#include "liaison/json_io.hpp"
#include "liaison/plugin.hpp"
#include "../common/model_records.hpp"

namespace {

using namespace liaison::plugin;
using namespace liaison::loaders;



int sniffJson(std::string_view, std::string_view bytes)
{
    std::string_view head = bytes.substr(0, 4096);
    if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
    auto first = head.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || head[first] != '{') return 0;
    return head.find("\"liaison\"") != std::string_view::npos ? 90 : 10;
}

void loadJson(std::string_view path, std::string_view bytes, Host &host)
{
    liaison::GraphStore store;
    try {
        store = liaison::readLiaisonJson(bytes, std::string(path));
    } catch (const liaison::ParseError &e) {
        throw LoadError({static_cast<std::uint32_t>(e.line()), static_cast<std::uint32_t>(e.column()), {}},
                        e.message());
    }
    for (const auto &s : store.sources()) {
        // The content hash has no field in the plugin ABI: it travels as an
        // extra key, which the host lifts back (a source is identified by it).
        liaison::ExtraFields extra = s.extra;
        if (!s.hash.empty()) extra.emplace_back("hash", "\"" + s.hash + "\"");
        if (!host.addSource({s.id, s.title, s.date, s.language, s.path, {}, extraRecords(extra)})) return;
    }
    for (const auto &e : store.entities()) {
        EntityData d;
        d.id = e.id;
        d.kind = e.kind;
        d.name = e.name;
        for (const auto &[lang, name] : e.names) d.names.emplace_back(lang, name);
        d.aliases = e.aliases;
        d.attributes = attributeRecords(e.attributes);
        d.evidence = evidenceRecords(e.evidence);
        d.extra = extraRecords(e.extra);
        if (!host.addEntity(d)) return;
    }
    for (const auto &r : store.relations()) {
        RelationData d{r.kind, r.from, r.to, attributeRecords(r.attributes), evidenceRecords(r.evidence), {}, extraRecords(r.extra)};
        if (!host.addRelation(d)) return;
    }
}

const char *const kPatterns[] = {"*.liaison.json", "*.json", nullptr};
constexpr liaison_loader kLoader = describe<sniffJson, loadJson>(
    "liaison-json", "1.0.0", "Liaison JSON v1, the native graph file", kPatterns);

} // namespace

LIAISON_LOADER_ENTRY(liaison_builtin_liaison_json) { return &kLoader; }
