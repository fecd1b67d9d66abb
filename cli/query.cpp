#include "query.hpp"

#include "liaison/errors.hpp"
#include "liaison/name_lookup.hpp"
#include "liaison/json_io.hpp"

#include <iostream>

namespace liaison::cli {

GraphStore loadGraph(const std::string &path) { return readLiaisonJsonFile(path); }

std::string describe(const GraphStore &store, EntityIndex e)
{
    const Entity &entity = store.entity(e);
    return entity.name + " (" + entity.id + ")";
}

EntityIndex resolveEntity(const GraphStore &store, const std::string &reference)
{
    std::vector<EntityIndex> found = store.resolve(reference);
    // Then the identity rules: other script (庄明芬 / 莊明芬), name order, hyphens.
    if (found.empty()) found = findByNameForm(store, reference);
    if (found.size() == 1) return found.front();
    if (found.empty()) {
        std::string message = "no entity has the id, name or alias '" + reference + "'";
        std::vector<EntityIndex> near = store.search(reference);
        if (!near.empty()) {
            message += "; did you mean:";
            for (std::size_t i = 0; i < near.size() && i < 10; ++i) message += "\n  " + describe(store, near[i]);
        }
        throw LookupError(message);
    }
    std::string message = "'" + reference + "' is ambiguous; it names " + std::to_string(found.size()) +
                          " entities (use an id):";
    for (EntityIndex e : found) message += "\n  " + describe(store, e);
    throw LookupError(message);
}

const std::set<std::string> &filterOptions()
{
    static const std::set<std::string> options{"--kinds", "--relation-kinds", "--source", "--country", "--from", "--to"};
    return options;
}

const char *const kFilterHelp =
    "filters:\n"
    "  --kinds K1,K2            keep entities of these kinds (person, organisation, event, ...)\n"
    "  --relation-kinds R1,R2   keep relations of these kinds (attended, spoke_at, ...)\n"
    "  --source ID1,ID2         keep facts whose evidence cites these sources\n"
    "  --country C1,C2          keep these countries (ids, or ISO codes: tw = country:tw) and what is\n"
    "                           tied to them; entities tied to no country stay\n"
    "  --from DATE, --to DATE   keep events and dated relations in this window (YYYY[-MM[-DD]])\n";

ViewFilter filterFromArgs(const Args &args)
{
    ViewFilter filter;
    for (const std::string &k : splitList(args.option("--kinds", ""))) filter.kinds.insert(k);
    for (const std::string &k : splitList(args.option("--relation-kinds", ""))) filter.relationKinds.insert(k);
    for (const std::string &s : splitList(args.option("--source", ""))) filter.sources.insert(s);
    for (const std::string &c : splitList(args.option("--country", "")))
        filter.countries.insert(c.find(':') == std::string::npos ? "country:" + c : c);
    filter.from = args.option("--from");
    filter.to = args.option("--to");
    return filter;
}

JsonOut::JsonOut() : m_writer(m_buffer) { m_writer.SetIndent(' ', 2); }

JsonOut::~JsonOut()
{
    std::cout.write(m_buffer.GetString(), static_cast<std::streamsize>(m_buffer.GetSize()));
    std::cout << "\n";
}

void JsonOut::key(std::string_view k) { m_writer.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }

void JsonOut::string(std::string_view s)
{
    m_writer.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void JsonOut::entity(const GraphStore &store, EntityIndex e)
{
    const Entity &entity = store.entity(e);
    m_writer.StartObject();
    key("id"), string(entity.id);
    key("kind"), string(entity.kind);
    key("name"), string(entity.name);
    m_writer.EndObject();
}

void JsonOut::evidence(const std::vector<Evidence> &evidence)
{
    m_writer.StartArray();
    for (const Evidence &e : evidence) {
        m_writer.StartObject();
        key("source"), string(e.source);
        if (e.line > 0) key("line"), m_writer.Int(e.line);
        if (!e.locator.empty()) key("locator"), string(e.locator);
        key("quote"), string(e.quote);
        if (e.confidence >= 0) key("confidence"), m_writer.Double(e.confidence);
        m_writer.EndObject();
    }
    m_writer.EndArray();
}

void JsonOut::relation(const GraphStore &store, RelationIndex r)
{
    const Relation &relation = store.relation(r);
    m_writer.StartObject();
    key("kind"), string(relation.kind);
    key("from"), string(relation.from);
    key("to"), string(relation.to);
    key("evidence"), evidence(relation.evidence);
    m_writer.EndObject();
}

} // namespace liaison::cli
