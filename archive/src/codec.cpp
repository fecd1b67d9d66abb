#include "codec.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <stdexcept>

namespace liaison::archive {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void writeString(Writer &w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

void writeTagged(Writer &w, const char *tag, const std::string &text)
{
    w.StartObject();
    w.Key(tag);
    writeString(w, text);
    w.EndObject();
}

rapidjson::Document parse(std::string_view json)
{
    rapidjson::Document doc;
    doc.Parse(json.data(), json.size());
    if (doc.HasParseError()) throw std::runtime_error("archive holds malformed JSON: " + std::string(json.substr(0, 80)));
    return doc;
}

std::string text(const rapidjson::Value &v) { return std::string(v.GetString(), v.GetStringLength()); }

} // namespace

std::string attributesToJson(const Attributes &attributes)
{
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    for (const auto &[key, value] : attributes) {
        writeString(w, key);
        switch (value.type) {
        case AttributeValue::Type::String: writeString(w, value.text); break;
        case AttributeValue::Type::Number: writeTagged(w, "n", value.text); break;
        case AttributeValue::Type::Bool: w.Bool(value.text == "true"); break;
        case AttributeValue::Type::Null: w.Null(); break;
        case AttributeValue::Type::RawJson: writeTagged(w, "raw", value.text); break;
        }
    }
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

Attributes attributesFromJson(std::string_view json)
{
    Attributes attributes;
    rapidjson::Document doc = parse(json);
    for (auto &member : doc.GetObject()) {
        AttributeValue value;
        const rapidjson::Value &v = member.value;
        if (v.IsString()) {
            value = AttributeValue::string(text(v));
        } else if (v.IsBool()) {
            value = {AttributeValue::Type::Bool, v.GetBool() ? "true" : "false"};
        } else if (v.IsNull()) {
            value = {AttributeValue::Type::Null, "null"};
        } else if (v.IsObject() && v.HasMember("n")) {
            value = AttributeValue::number(text(v["n"]));
        } else if (v.IsObject() && v.HasMember("raw")) {
            value = {AttributeValue::Type::RawJson, text(v["raw"])};
        }
        attributes.emplace(text(member.name), std::move(value));
    }
    return attributes;
}

std::string extrasToJson(const ExtraFields &extra)
{
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartArray();
    for (const auto &[key, raw] : extra) {
        w.StartArray();
        writeString(w, key);
        writeString(w, raw);
        w.EndArray();
    }
    w.EndArray();
    return {buffer.GetString(), buffer.GetSize()};
}

ExtraFields extrasFromJson(std::string_view json)
{
    ExtraFields extra;
    if (json == "[]") return extra;
    rapidjson::Document doc = parse(json);
    for (const auto &pair : doc.GetArray()) extra.emplace_back(text(pair[0]), text(pair[1]));
    return extra;
}

std::string attributeText(std::string_view encodedValue)
{
    rapidjson::Document doc = parse(encodedValue);
    if (doc.IsString()) return text(doc);
    if (doc.IsObject() && doc.HasMember("n")) return text(doc["n"]);
    if (doc.IsObject() && doc.HasMember("raw")) return text(doc["raw"]);
    return std::string(encodedValue);
}

} // namespace liaison::archive
