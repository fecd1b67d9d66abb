// Liaison JSON v1 -> GraphStore. Structure is checked record by record as the
// stream hands them over; relation endpoints are checked once every entity is
// known (entities may follow relations in a file).
#include "json/json_dom.hpp"
#include "json/json_stream.hpp"
#include "json/mapped_file.hpp"
#include "liaison/json_io.hpp"
#include "liaison/iso_date.hpp"
#include "liaison/storable.hpp"

#include <cstdio>
#include <cstdlib>
#include <unordered_set>

namespace liaison {

namespace {

using json::Node;

constexpr int kFormatVersion = 1;

class DocumentReader {
public:
    // `problems` null: the first problem throws. Otherwise each record with a
    // problem is left out and its error appended; a syntax error ends the
    // reading there, keeping the records before it.
    DocumentReader(std::string_view text, std::string displayName, std::vector<ParseError> *problems)
        : m_text(text), m_name(std::move(displayName)), m_problems(problems) {}
    // Byte offsets where each record the store holds starts, in its order.
    struct Offsets {
        std::vector<std::size_t> sources, entities, relations;
    };
    const Offsets &offsets() const { return m_offsets; }
    // Told when the stream is done with the bytes before an offset.
    void onDoneBefore(std::function<void(std::size_t)> done) { m_doneBefore = std::move(done); }

    GraphStore read()
    {
        json::StreamCallbacks callbacks;
        callbacks.record = [this](std::string_view section, Node &&item) {
            collect([&] { onRecord(section, item); });
        };
        // Room for the records, guessed from the size (a lean relation takes
        // about 60 bytes of text); too much only reserves address space.
        m_store.reserve(m_text.size() / 256, m_text.size() / 64);
        callbacks.doneBefore = m_doneBefore;
        callbacks.member = [this](const std::string &key, Node &&value, std::size_t keyOffset) {
            collect([&] { onMember(key, std::move(value), keyOffset); });
        };
        collect([&] { json::streamDocument(m_text, m_name, callbacks); });
        if (!m_sawVersion) {
            // Records of an unknown version are not read as version 1, even leniently.
            if (!m_badVersion) collect([&] { fail(0, "expected a top-level key \"liaison\" with the format version 1"); });
            return GraphStore();
        }
        collect([&] { commitRedirects(); }); // before waiting relations: one may name a merged-away id
        for (PendingRelation &pending : m_pending) collect([&] { commitRelation(pending); });
        return std::move(m_store);
    }

private:
    struct PendingRelation {
        Relation relation;
        std::size_t fromOffset, toOffset, offset;
    };
    struct PendingRedirect {
        Redirect redirect;
        std::size_t fromOffset, toOffset;
    };

    template <class F> void collect(F &&step)
    {
        if (!m_problems) return step();
        try {
            step();
        } catch (const ParseError &e) {
            m_problems->push_back(e);
        }
    }

    [[noreturn]] void fail(std::size_t offset, const std::string &message) const
    {
        json::Position at = json::positionOf(m_text, offset);
        throw ParseError(m_name, at.line, at.column, message);
    }

    void expectType(const Node &node, Node::Type type, std::string_view what) const
    {
        if (node.type != type)
            fail(node.offset, "expected " + std::string(what) + " to be " + json::typeName(type) +
                                  ", found " + json::typeName(node.type));
    }

    // The string is moved out of the record (which the stream reuses).
    std::string requiredString(Node &object, std::string_view key, std::string_view record) const
    {
        Node *value = object.member(key);
        if (!value)
            fail(object.offset, "expected " + std::string(record) + " to have a \"" +
                                    std::string(key) + "\" string");
        expectType(*value, Node::Type::String, "\"" + std::string(key) + "\"");
        if (value->text.empty()) fail(value->offset, "\"" + std::string(key) + "\" must not be empty");
        return std::move(value->text);
    }

    // Ids and kinds name things in exports, file names and command lines; a
    // control character (C0 or DEL) in one is refused, as the import host does.
    std::string requiredName(Node &object, std::string_view key, std::string_view record) const
    {
        std::string text = requiredString(object, key, record);
        refuseControl(object, key, text);
        return text;
    }

    void refuseControl(const Node &object, std::string_view key, const std::string &text) const
    {
        for (unsigned char c : text) {
            if (c >= 0x20 && c != 0x7F) continue;
            char code[8];
            std::snprintf(code, sizeof code, "U+%04X", c);
            fail(object.memberOffset(key), "\"" + std::string(key) + "\" contains the control character " +
                                               code + "; ids and kinds must be printable");
        }
    }

    // A date whose month or day does not exist would be compared as text as if it did.
    void refuseImpossibleDate(std::string_view key, const Node &value) const
    {
        if (std::string why = impossibleDateProblem(value.text); !why.empty())
            fail(value.offset, "\"" + std::string(key) + "\": \"" + value.text + "\" " + why +
                                   " (expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD)");
    }

    std::string optionalString(Node &object, std::string_view key) const
    {
        Node *value = object.member(key);
        if (!value || value->type == Node::Type::Null) return {};
        expectType(*value, Node::Type::String, "\"" + std::string(key) + "\"");
        return std::move(value->text);
    }

    void onMember(const std::string &key, Node &&value, std::size_t keyOffset)
    {
        if (key == "liaison") {
            m_badVersion = value.type != Node::Type::Number || value.text != std::to_string(kFormatVersion);
            if (m_badVersion)
                fail(value.offset, "unsupported format version " + value.text +
                                       "; this Liaison reads version 1");
            m_sawVersion = true;
            return;
        }
        if (key == "sources" || key == "entities" || key == "relations" || key == "judgements" ||
            key == "redirects")
            fail(value.offset, "expected \"" + key + "\" to be an array");
        (void)keyOffset;
        m_store.documentExtras().emplace_back(key, json::toRawJson(value));
    }

    void onRecord(std::string_view section, Node &item)
    {
        if (section == "sources") return readSource(item);
        if (section == "entities") return readEntity(item);
        if (section == "judgements") return readJudgement(item);
        if (section == "redirects") return readRedirect(item);
        readRelation(item);
    }

    ExtraFields extras(const Node &object, std::span<const std::string_view> known) const
    {
        ExtraFields extra;
        for (std::size_t i = 0; i < object.keys.size(); ++i) {
            bool isKnown = false;
            for (std::string_view k : known) isKnown = isKnown || object.keys[i] == k;
            if (!isKnown) extra.emplace_back(object.keys[i], json::toRawJson(object.values[i]));
        }
        return extra;
    }

    void readSource(Node &item)
    {
        expectType(item, Node::Type::Object, "a source");
        Source source;
        source.id = requiredName(item, "id", "a source");
        if (!m_sourceIds.insert(source.id).second)
            fail(item.memberOffset("id"), "duplicate source id '" + source.id + "'");
        source.title = optionalString(item, "title");
        if (const Node *date = item.member("date"); date && date->type == Node::Type::String) refuseImpossibleDate("date", *date);
        source.date = optionalString(item, "date");
        source.language = optionalString(item, "language");
        source.path = optionalString(item, "path");
        source.hash = optionalString(item, "hash");
        source.extra = extras(item, json_keys::kSource);
        m_store.addSource(std::move(source));
        m_offsets.sources.push_back(item.offset);
    }

    Attributes readAttributes(const Node *node) const
    {
        Attributes attributes;
        if (!node || node->type == Node::Type::Null) return attributes;
        expectType(*node, Node::Type::Object, "\"attributes\"");
        for (std::size_t i = 0; i < node->keys.size(); ++i) {
            const Node &value = node->values[i];
            AttributeValue attribute;
            switch (value.type) {
            case Node::Type::String:
                if (isDateKey(node->keys[i])) refuseImpossibleDate(node->keys[i], value);
                attribute = {AttributeValue::Type::String, value.text};
                break;
            case Node::Type::Number: attribute = {AttributeValue::Type::Number, value.text}; break;
            case Node::Type::Bool: attribute = {AttributeValue::Type::Bool, value.text}; break;
            case Node::Type::Null: attribute = {AttributeValue::Type::Null, "null"}; break;
            default: attribute = {AttributeValue::Type::RawJson, json::toRawJson(value)}; break;
            }
            attributes.insert_or_assign(node->keys[i], std::move(attribute));
        }
        return attributes;
    }

    std::vector<Evidence> readEvidence(Node *node) const
    {
        std::vector<Evidence> list;
        if (!node || node->type == Node::Type::Null) return list;
        expectType(*node, Node::Type::Array, "\"evidence\"");
        for (Node &item : node->values) {
            expectType(item, Node::Type::Object, "an evidence item");
            Evidence evidence;
            evidence.source = optionalString(item, "source");
            if (const Node *line = item.member("line"); line && line->type != Node::Type::Null) {
                expectType(*line, Node::Type::Number, "\"line\"");
                char *end = nullptr;
                long value = std::strtol(line->text.c_str(), &end, 10);
                if (*end != '\0' || value < 0 || value > 1'000'000'000)
                    fail(line->offset, "expected \"line\" to be a non-negative whole number");
                evidence.line = static_cast<int>(value);
            }
            evidence.locator = optionalString(item, "locator");
            evidence.quote = optionalString(item, "quote");
            if (const Node *confidence = item.member("confidence")) {
                expectType(*confidence, Node::Type::Number, "\"confidence\"");
                evidence.confidence = std::strtod(confidence->text.c_str(), nullptr);
                if (evidence.confidence < 0 || !confidenceProblem(evidence.confidence).empty())
                    fail(confidence->offset, "expected \"confidence\" to be a number from 0 to 1, found " +
                                                 confidence->text);
            }
            evidence.extra = extras(item, json_keys::kEvidence);
            list.push_back(std::move(evidence));
        }
        return list;
    }

    std::vector<std::string> readStrings(const Node *node, std::string_view what) const
    {
        std::vector<std::string> list;
        if (!node || node->type == Node::Type::Null) return list;
        expectType(*node, Node::Type::Array, what);
        for (const Node &item : node->values) {
            expectType(item, Node::Type::String, std::string("each of ") + std::string(what));
            list.push_back(item.text);
        }
        return list;
    }

    void readEntity(Node &item)
    {
        Entity entity = parseEntity(item);
        if (m_store.findById(entity.id) != kNoEntity || m_redirectFrom.count(entity.id))
            fail(item.memberOffset("id"), "duplicate entity id '" + entity.id + "'");
        m_store.addEntity(std::move(entity));
        m_offsets.entities.push_back(item.offset);
    }

    void readJudgement(Node &item)
    {
        expectType(item, Node::Type::Object, "a judgement");
        Judgement j;
        j.a = requiredName(item, "a", "a judgement");
        j.b = requiredName(item, "b", "a judgement");
        std::string verdict = requiredString(item, "verdict", "a judgement");
        if (verdict != "same" && verdict != "different")
            fail(item.memberOffset("verdict"), "expected \"verdict\" to be \"same\" or \"different\", found \"" +
                                                   verdict + "\"");
        j.verdict = verdict == "same" ? Verdict::Same : Verdict::Different;
        j.time = optionalString(item, "time");
        j.reason = optionalString(item, "reason");
        j.extra = extras(item, json_keys::kJudgement);
        m_store.judgements().push_back(std::move(j));
    }

    // Redirects are checked and added once every entity is known.
    void readRedirect(Node &item)
    {
        expectType(item, Node::Type::Object, "a redirect");
        PendingRedirect pending;
        Redirect &r = pending.redirect;
        r.from = requiredName(item, "from", "a redirect");
        r.to = requiredName(item, "to", "a redirect");
        r.time = optionalString(item, "time");
        r.reason = optionalString(item, "reason");
        if (Node *entity = item.member("entity"); entity && entity->type != Node::Type::Null)
            r.entity = parseEntity(*entity);
        if (Node *relations = item.member("relations"); relations && relations->type != Node::Type::Null) {
            expectType(*relations, Node::Type::Array, "\"relations\" of a redirect");
            for (Node &relation : relations->values) r.relations.push_back(parseRelation(relation));
        }
        r.extra = extras(item, json_keys::kRedirect);
        pending.fromOffset = item.memberOffset("from");
        pending.toOffset = item.memberOffset("to");
        if (!m_redirectFrom.insert(r.from).second)
            fail(pending.fromOffset, "duplicate redirect from '" + r.from + "'");
        if (m_store.findById(r.from) != kNoEntity || r.from == r.to)
            fail(pending.fromOffset, "redirect from '" + r.from + "', which is an entity id of this file or its own target");
        m_redirects.push_back(std::move(pending));
    }

    void commitRedirects()
    {
        for (PendingRedirect &pending : m_redirects) m_store.addRedirect(pending.redirect);
        for (const PendingRedirect &pending : m_redirects)
            if (m_store.findById(pending.redirect.from) == kNoEntity)
                fail(pending.toOffset, "redirect \"to\" names '" + pending.redirect.to +
                                           "', which is neither an entity nor a redirect of this file");
    }

    Entity parseEntity(Node &item) const
    {
        expectType(item, Node::Type::Object, "an entity");
        Entity entity;
        entity.id = requiredName(item, "id", "an entity");
        entity.kind = optionalString(item, "kind");
        refuseControl(item, "kind", entity.kind);
        entity.name = optionalString(item, "name");
        if (const Node *names = item.member("names"); names && names->type != Node::Type::Null) {
            expectType(*names, Node::Type::Object, "\"names\"");
            for (std::size_t i = 0; i < names->keys.size(); ++i) {
                expectType(names->values[i], Node::Type::String, "each name in \"names\"");
                entity.names.insert_or_assign(names->keys[i], names->values[i].text);
            }
        }
        entity.aliases = readStrings(item.member("aliases"), "\"aliases\"");
        entity.attributes = readAttributes(item.member("attributes"));
        entity.evidence = readEvidence(item.member("evidence"));
        entity.extra = extras(item, json_keys::kEntity);
        return entity;
    }

    Relation parseRelation(Node &item) const
    {
        expectType(item, Node::Type::Object, "a relation");
        Relation relation;
        relation.kind = requiredName(item, "kind", "a relation");
        relation.from = requiredName(item, "from", "a relation");
        relation.to = requiredName(item, "to", "a relation");
        relation.attributes = readAttributes(item.member("attributes"));
        relation.evidence = readEvidence(item.member("evidence"));
        relation.extra = extras(item, json_keys::kRelation);
        return relation;
    }

    void readRelation(Node &item)
    {
        PendingRelation pending;
        pending.relation = parseRelation(item);
        pending.offset = item.offset;
        Relation &relation = pending.relation;
        pending.fromOffset = item.memberOffset("from");
        pending.toOffset = item.memberOffset("to");
        // Once one relation waits for its entities, the rest wait too, so
        // relations keep their order in the file.
        if (m_pending.empty() && m_store.findById(relation.from) != kNoEntity &&
            m_store.findById(relation.to) != kNoEntity) {
            m_store.addRelation(std::move(relation)); // both ends known: no second look-up here
            m_offsets.relations.push_back(pending.offset);
            return;
        }
        m_pending.push_back(std::move(pending));
    }

    void commitRelation(PendingRelation &pending)
    {
        if (m_store.findById(pending.relation.from) == kNoEntity)
            fail(pending.fromOffset, "relation \"from\" names '" + pending.relation.from +
                                         "', which is not an entity of this file");
        if (m_store.findById(pending.relation.to) == kNoEntity)
            fail(pending.toOffset, "relation \"to\" names '" + pending.relation.to +
                                       "', which is not an entity of this file");
        m_store.addRelation(std::move(pending.relation));
        m_offsets.relations.push_back(pending.offset);
    }

    std::string_view m_text;
    std::string m_name;
    GraphStore m_store;
    bool m_sawVersion = false;
    bool m_badVersion = false;
    std::unordered_set<std::string> m_sourceIds;
    std::vector<PendingRelation> m_pending;
    std::vector<PendingRedirect> m_redirects;
    std::unordered_set<std::string> m_redirectFrom;
    std::vector<ParseError> *m_problems;
    std::function<void(std::size_t)> m_doneBefore;
    Offsets m_offsets;
};

std::vector<RecordPositions::At> positionsAt(std::string_view text, const std::vector<std::size_t> &offsets)
{
    std::vector<RecordPositions::At> out;
    out.reserve(offsets.size());
    for (const json::Position &p : json::positionsOf(text, offsets)) out.push_back({p.line, p.column});
    return out;
}

} // namespace

GraphStore readLiaisonJson(std::string_view text, const std::string &displayName)
{
    return DocumentReader(text, displayName, nullptr).read();
}

GraphStore readLiaisonJsonCollecting(std::string_view text, const std::string &displayName,
                                     std::vector<ParseError> &problems, RecordPositions *positions)
{
    DocumentReader reader(text, displayName, &problems);
    GraphStore store = reader.read();
    if (positions) {
        positions->sources = positionsAt(text, reader.offsets().sources);
        positions->entities = positionsAt(text, reader.offsets().entities);
        positions->relations = positionsAt(text, reader.offsets().relations);
    }
    return store;
}

GraphStore readLiaisonJsonFile(const std::string &path)
{
    FileBytes bytes(path); // mapped, not copied; pages given back as they are read
    DocumentReader reader(bytes.view(), path, nullptr);
    reader.onDoneBefore([&bytes](std::size_t offset) { bytes.doneBefore(offset); });
    return reader.read();
}

} // namespace liaison
