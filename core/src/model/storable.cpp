// The store's value invariants (storable.hpp): each check mirrors what
// json_writer.cpp writes and json_reader.cpp accepts.
#include "liaison/storable.hpp"

#include "liaison/iso_date.hpp"

#include <rapidjson/reader.h>

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace liaison {

std::string jsonNumber(double value)
{
    if (!std::isfinite(value)) throw std::domain_error("a number that is not finite cannot be written as JSON");
    char text[32];
    auto [end, ec] = std::to_chars(text, text + sizeof text, value);
    if (ec != std::errc()) throw std::domain_error("cannot format a number");
    return std::string(text, end);
}

namespace {

// The type of the one JSON value `text` holds, as readLiaisonJson parses it
// (numbers as literals, UTF-8 validated, iterative), or kNone when `text` is
// not exactly one such value. RapidJSON refuses numbers past double range
// ("1e400") even though JSON's grammar allows them.
enum class JsonKind { None, Null, Bool, Number, String, Object, Array };

struct FirstValueType : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, FirstValueType> {
    JsonKind kind = JsonKind::None;
    bool Default() { return true; }
    void set(JsonKind k)
    {
        if (kind == JsonKind::None) kind = k;
    }
    bool Null() { return set(JsonKind::Null), true; }
    bool Bool(bool) { return set(JsonKind::Bool), true; }
    bool RawNumber(const char *, rapidjson::SizeType, bool) { return set(JsonKind::Number), true; }
    bool String(const char *, rapidjson::SizeType, bool) { return set(JsonKind::String), true; }
    bool StartObject() { return set(JsonKind::Object), true; }
    bool StartArray() { return set(JsonKind::Array), true; }
};

JsonKind jsonKindOf(std::string_view text)
{
    // Leading blanks would be skipped on the way in, so the text would not come back as it was.
    if (text.empty() || text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.front() == '\r')
        return JsonKind::None;
    std::string copy(text); // RapidJSON reads NUL-terminated text
    rapidjson::Reader reader;
    rapidjson::StringStream stream(copy.c_str());
    FirstValueType handler;
    constexpr unsigned flags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag |
                               rapidjson::kParseNumbersAsStringsFlag | rapidjson::kParseStopWhenDoneFlag;
    if (reader.Parse<flags>(stream, handler).IsError()) return JsonKind::None;
    // Trailing bytes (including a NUL the copy cut at) are not one value.
    if (stream.Tell() != text.size()) return JsonKind::None;
    return handler.kind;
}

bool hasControl(std::string_view text)
{
    for (unsigned char c : text)
        if (c < 0x20 || c == 0x7F) return true;
    return false;
}

std::string nameProblem(std::string_view field, const std::string &value, bool required)
{
    if (required && value.empty()) return field.empty() ? "empty" : std::string(field) + " is empty";
    if (hasControl(value)) return std::string(field) + " contains a control character";
    return {};
}

std::string attributesProblem(const Attributes &attributes)
{
    for (const auto &[key, value] : attributes) {
        std::string why = attributeProblem(value);
        if (why.empty() && isDateKey(key) && value.type == AttributeValue::Type::String)
            if (std::string date = impossibleDateProblem(value.text); !date.empty()) why = "\"" + value.text + "\" " + date;
        if (!why.empty()) return "attribute \"" + key + "\": " + why;
    }
    return {};
}

std::string evidenceListProblem(const std::vector<Evidence> &evidence)
{
    for (const Evidence &e : evidence)
        if (std::string why = evidenceProblem(e); !why.empty()) return "evidence: " + why;
    return {};
}

} // namespace

std::string confidenceProblem(double confidence)
{
    if (confidence == -1 || (confidence >= 0 && confidence <= 1)) return {};
    std::string shown = std::isfinite(confidence) ? jsonNumber(confidence) : std::isnan(confidence) ? "NaN" : "infinite";
    return "confidence " + shown + " is not between 0 and 1";
}

std::string attributeProblem(const AttributeValue &value)
{
    switch (value.type) {
    case AttributeValue::Type::String: return {};
    case AttributeValue::Type::Number:
        if (jsonKindOf(value.text) == JsonKind::Number) return {};
        return "\"" + value.text + "\" is not a JSON number within double range";
    case AttributeValue::Type::Bool:
        if (value.text == "true" || value.text == "false") return {};
        return "a boolean must be true or false";
    case AttributeValue::Type::Null: return value.text == "null" ? std::string() : "a null must read \"null\"";
    case AttributeValue::Type::RawJson: {
        JsonKind kind = jsonKindOf(value.text);
        if (kind == JsonKind::Object || kind == JsonKind::Array) return {};
        return "structured value is not a JSON object or array";
    }
    }
    return "unknown attribute type";
}

std::string evidenceProblem(const Evidence &evidence)
{
    if (std::string why = confidenceProblem(evidence.confidence); !why.empty()) return why;
    if (evidence.line < 0 || evidence.line > 1'000'000'000) return "line " + std::to_string(evidence.line) + " is out of range";
    return extrasProblem(evidence.extra, json_keys::kEvidence);
}

std::string extrasProblem(const ExtraFields &extra, std::span<const std::string_view> knownKeys)
{
    for (const auto &[key, raw] : extra) {
        for (std::string_view known : knownKeys)
            if (key == known) return "unknown field \"" + key + "\" has the name of a known one";
        if (jsonKindOf(raw) == JsonKind::None) return "field \"" + key + "\" is not one JSON value";
    }
    return {};
}

std::string valuesProblem(const Attributes &attributes, const std::vector<Evidence> &evidence)
{
    if (std::string why = attributesProblem(attributes); !why.empty()) return why;
    return evidenceListProblem(evidence);
}

std::string storableProblem(const Entity &entity)
{
    for (const std::string &why : {nameProblem("id", entity.id, true), nameProblem("kind", entity.kind, false),
                                   attributesProblem(entity.attributes), evidenceListProblem(entity.evidence),
                                   extrasProblem(entity.extra, json_keys::kEntity)})
        if (!why.empty()) return why;
    return {};
}

std::string storableProblem(const Relation &relation)
{
    for (const std::string &why :
         {nameProblem("kind", relation.kind, true), nameProblem("from", relation.from, true),
          nameProblem("to", relation.to, true), attributesProblem(relation.attributes),
          evidenceListProblem(relation.evidence), extrasProblem(relation.extra, json_keys::kRelation)})
        if (!why.empty()) return why;
    return {};
}

std::string storableProblem(const Source &source)
{
    if (std::string why = nameProblem("id", source.id, true); !why.empty()) return why;
    if (std::string why = impossibleDateProblem(source.date); !why.empty()) return "date \"" + source.date + "\" " + why;
    return extrasProblem(source.extra, json_keys::kSource);
}

} // namespace liaison
