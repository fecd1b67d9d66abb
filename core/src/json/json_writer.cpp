// GraphStore -> Liaison JSON v1. Stable: the same store gives the same bytes.
#include "json/atomic_write.hpp"
#include "liaison/json_io.hpp"
#include "liaison/storable.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <array>
#include <stdexcept>

namespace liaison {

namespace {

// A RapidJSON output stream that hands its bytes to a sink in 64 KiB pieces,
// so the document goes to a file as it is written.
class ChunkStream {
public:
    using Ch = char;
    explicit ChunkStream(const ByteSink &sink) : m_sink(sink) {}
    void Put(char c)
    {
        if (m_used == m_buffer.size()) Flush();
        m_buffer[m_used++] = c;
    }
    void Flush()
    {
        if (m_used == 0) return;
        m_sink(std::string_view(m_buffer.data(), m_used));
        m_used = 0;
    }

private:
    const ByteSink &m_sink;
    std::array<char, 1 << 16> m_buffer{};
    std::size_t m_used = 0;
};

using Writer = rapidjson::PrettyWriter<ChunkStream>;

void writeString(Writer &w, std::string_view s)
{
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void writeKey(Writer &w, std::string_view s)
{
    w.Key(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

// Raw text is one JSON value: GraphStore holds nothing else (storable.hpp).
void writeRaw(Writer &w, const std::string &raw, rapidjson::Type type = rapidjson::kObjectType)
{
    w.RawValue(raw.data(), raw.size(), type);
}

void writeExtras(Writer &w, const ExtraFields &extra)
{
    for (const auto &[key, raw] : extra) {
        writeKey(w, key);
        writeRaw(w, raw);
    }
}

void writeAttributes(Writer &w, const Attributes &attributes)
{
    if (attributes.empty()) return;
    writeKey(w, "attributes");
    w.StartObject();
    for (const auto &[key, value] : attributes) {
        writeKey(w, key);
        switch (value.type) {
        case AttributeValue::Type::String: writeString(w, value.text); break;
        case AttributeValue::Type::Number: writeRaw(w, value.text, rapidjson::kNumberType); break;
        case AttributeValue::Type::Bool: w.Bool(value.text == "true"); break;
        case AttributeValue::Type::Null: w.Null(); break;
        case AttributeValue::Type::RawJson: writeRaw(w, value.text); break;
        }
    }
    w.EndObject();
}

void writeEvidence(Writer &w, const std::vector<Evidence> &evidence)
{
    if (evidence.empty()) return;
    writeKey(w, "evidence");
    w.StartArray();
    for (const Evidence &e : evidence) {
        w.StartObject();
        if (!e.source.empty()) writeKey(w, "source"), writeString(w, e.source);
        if (e.line > 0) writeKey(w, "line"), w.Int(e.line);
        if (!e.locator.empty()) writeKey(w, "locator"), writeString(w, e.locator);
        if (!e.quote.empty()) writeKey(w, "quote"), writeString(w, e.quote);
        if (e.confidence >= 0) {
            std::string number = jsonNumber(e.confidence);
            writeKey(w, "confidence");
            w.RawValue(number.data(), number.size(), rapidjson::kNumberType);
        }
        writeExtras(w, e.extra);
        w.EndObject();
    }
    w.EndArray();
}

void writeOptional(Writer &w, std::string_view key, const std::string &value)
{
    if (value.empty()) return;
    writeKey(w, key);
    writeString(w, value);
}

void writeEntity(Writer &w, const Entity &e)
{
    w.StartObject();
    writeOptional(w, "id", e.id);
    writeOptional(w, "kind", e.kind);
    writeOptional(w, "name", e.name);
    if (!e.names.empty()) {
        writeKey(w, "names");
        w.StartObject();
        for (const auto &[language, name] : e.names) writeKey(w, language), writeString(w, name);
        w.EndObject();
    }
    if (!e.aliases.empty()) {
        writeKey(w, "aliases");
        w.StartArray();
        for (const std::string &alias : e.aliases) writeString(w, alias);
        w.EndArray();
    }
    writeAttributes(w, e.attributes);
    writeEvidence(w, e.evidence);
    writeExtras(w, e.extra);
    w.EndObject();
}

void writeRelation(Writer &w, const Relation &r)
{
    w.StartObject();
    writeOptional(w, "kind", r.kind);
    writeOptional(w, "from", r.from);
    writeOptional(w, "to", r.to);
    writeAttributes(w, r.attributes);
    writeEvidence(w, r.evidence);
    writeExtras(w, r.extra);
    w.EndObject();
}

// The optional identity sections; absent when empty, so a graph without
// judgements or merges is written exactly as before they existed.
void writeIdentity(Writer &w, const GraphStore &store)
{
    if (!store.judgements().empty()) {
        writeKey(w, "judgements");
        w.StartArray();
        for (const Judgement &j : store.judgements()) {
            w.StartObject();
            writeKey(w, "a"), writeString(w, j.a);
            writeKey(w, "b"), writeString(w, j.b);
            writeKey(w, "verdict"), writeString(w, j.verdict == Verdict::Same ? "same" : "different");
            writeOptional(w, "time", j.time);
            writeOptional(w, "reason", j.reason);
            writeExtras(w, j.extra);
            w.EndObject();
        }
        w.EndArray();
    }
    if (store.redirects().empty()) return;
    writeKey(w, "redirects");
    w.StartArray();
    for (const Redirect &r : store.redirects()) {
        w.StartObject();
        writeKey(w, "from"), writeString(w, r.from);
        writeKey(w, "to"), writeString(w, r.to);
        writeOptional(w, "time", r.time);
        writeOptional(w, "reason", r.reason);
        if (r.entity) writeKey(w, "entity"), writeEntity(w, *r.entity);
        if (!r.relations.empty()) {
            writeKey(w, "relations");
            w.StartArray();
            for (const Relation &relation : r.relations) writeRelation(w, relation);
            w.EndArray();
        }
        writeExtras(w, r.extra);
        w.EndObject();
    }
    w.EndArray();
}

void writeDocument(const GraphStore &store, const ByteSink &sink)
{
    // The one part of a store its API lets anyone change unchecked.
    if (std::string why = extrasProblem(store.documentExtras(), json_keys::kDocument); !why.empty())
        throw GraphError("cannot save the graph: top-level " + why);
    ChunkStream stream(sink);
    Writer w(stream);
    w.SetIndent(' ', 2);
    w.StartObject();
    writeKey(w, "liaison");
    w.Int(1);
    writeKey(w, "sources");
    w.StartArray();
    for (const Source &s : store.sources()) {
        w.StartObject();
        writeOptional(w, "id", s.id);
        writeOptional(w, "title", s.title);
        writeOptional(w, "date", s.date);
        writeOptional(w, "language", s.language);
        writeOptional(w, "path", s.path);
        writeOptional(w, "hash", s.hash);
        writeExtras(w, s.extra);
        w.EndObject();
    }
    w.EndArray();
    writeKey(w, "entities");
    w.StartArray();
    for (const Entity &e : store.entities()) writeEntity(w, e);
    w.EndArray();
    writeKey(w, "relations");
    w.StartArray();
    for (const Relation &r : store.relations()) writeRelation(w, r);
    w.EndArray();
    writeIdentity(w, store);
    writeExtras(w, store.documentExtras());
    w.EndObject();
    stream.Put('\n');
    stream.Flush();
}

} // namespace

std::string writeLiaisonJson(const GraphStore &store)
{
    std::string text;
    writeDocument(store, [&text](std::string_view bytes) { text.append(bytes); });
    return text;
}

void writeLiaisonJson(const GraphStore &store, const ByteSink &sink) { writeDocument(store, sink); }

void saveLiaisonJsonFile(const GraphStore &store, const std::string &path)
{
    writeFileAtomicallyFrom(path, [&store](const ByteSink &sink) { writeDocument(store, sink); });
}

} // namespace liaison
