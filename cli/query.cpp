#include "query.hpp"
#include "terminal_output.hpp"

#include "liaison/errors.hpp"
#include "liaison/file_lock.hpp"
#include "liaison/import_batch.hpp"
#include "liaison/name_lookup.hpp"
#include "liaison/filter_spec.hpp"
#include "liaison/storable.hpp"

#include <iostream>

namespace liaison::cli {

void refuseOutputOverInputs(const std::string &output, const std::vector<std::string> &inputs,
                            const std::optional<std::string> &updated)
{
    if (isStandardStream(output)) return; // standard output replaces no file
    if (updated && sameFile(output, *updated)) return;
    for (const std::string &input : inputs)
        if (sameFile(output, input))
            throw UserError("refusing to write '" + printableText(output) + "': it is the input '" +
                            printableText(input) + "'" +
                            (updated ? std::string() : "; to update a graph, import --into it") +
                            " (choose another -o)");
}

std::string describe(const GraphStore &store, EntityIndex e)
{
    const Entity &entity = store.entity(e);
    return printableText(entity.name) + " (" + printableText(entity.id) + ")";
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
        if (near.empty()) near = closeByName(store, reference); // a misspelling: "Chugunow", 莊明菲
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

std::set<std::string> withFilterFlags(std::set<std::string> flags)
{
    flags.insert("--hide-isolated");
    return flags;
}

bool anyFilterGiven(const Args &args)
{
    for (const std::string &option : filterOptions())
        if (args.option(option)) return true;
    return false;
}

const char *const kFilterHelp =
    "filters (a value that matches nothing in the graph is an error listing close candidates):\n"
    "  --kinds K1,K2            keep entities of these kinds (person, organisation, event, ...)\n"
    "  --relation-kinds R1,R2   keep relations of these kinds (attended, spoke_at, ...)\n"
    "  --source S1,S2           keep facts whose evidence cites these sources (id, title or path)\n"
    "  --country C1,C2          keep these countries and what is tied to them (entities tied to no\n"
    "                           country stay); a country is an id, a name or alias in any language\n"
    "                           (Taiwan, 台灣), or an ISO 3166 code (tw, TWN)\n"
    "  --from DATE, --to DATE   keep events and dated relations in this window (YYYY[-MM[-DD]]);\n"
    "                           undated ones stay; a window that holds no dated fact is an\n"
    "                           error naming the graph's dated span\n"
    "  --hide-isolated          drop entities the other filters left without any relation\n";

ViewFilter filterFromArgs(const GraphStore &store, const Args &args)
{
    FilterSpec spec;
    spec.kinds = splitList(args.option("--kinds", ""));
    spec.relationKinds = splitList(args.option("--relation-kinds", ""));
    spec.sources = splitList(args.option("--source", ""));
    spec.countries = splitList(args.option("--country", ""));
    spec.from = args.option("--from");
    spec.to = args.option("--to");
    spec.hideIsolated = args.flag("--hide-isolated");
    return resolveFilter(store, spec);
}

ViewFilter filterFromArgs(const Args &args)
{
    ViewFilter filter;
    for (const std::string &k : splitList(args.option("--kinds", ""))) filter.kinds.insert(k);
    for (const std::string &k : splitList(args.option("--relation-kinds", ""))) filter.relationKinds.insert(k);
    for (const std::string &s : splitList(args.option("--source", ""))) filter.sources.insert(s);
    for (const std::string &c : splitList(args.option("--country", "")))
        filter.countries.insert(c.find(':') == std::string::npos ? "country:" + c : c);
    if (auto from = args.option("--from")) filter.from = checkIsoDate(*from, "--from");
    if (auto to = args.option("--to")) filter.to = checkIsoDate(*to, "--to");
    filter.hideIsolated = args.flag("--hide-isolated");
    return filter;
}

JsonOut::JsonOut() : m_writer(m_buffer) { m_writer.SetIndent(' ', 2); }

JsonOut::~JsonOut()
{
    std::ostream &out = rawStdout(); // exact JSON: escapes are RapidJSON's
    out.write(m_buffer.GetString(), static_cast<std::streamsize>(m_buffer.GetSize()));
    out << "\n";
    out.flush();
}

void JsonOut::key(std::string_view k) { m_writer.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }

void JsonOut::string(std::string_view s)
{
    m_writer.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void JsonOut::number(double value)
{
    std::string text = jsonNumber(value);
    m_writer.RawValue(text.data(), text.size(), rapidjson::kNumberType);
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
        if (e.confidence >= 0) key("confidence"), number(e.confidence);
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
