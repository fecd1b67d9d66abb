#include "exchange_columns.hpp"

#include "liaison/printable.hpp"
#include "liaison/storable.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <set>

namespace liaison::detail {

static std::string typeOf(const AttributeValue &v)
{
    switch (v.type) {
    case AttributeValue::Type::Number: return "double";
    case AttributeValue::Type::Bool: return "boolean";
    default: return "string";
    }
}

static void collect(std::map<std::string, std::string> &types, const Attributes &attrs)
{
    for (const auto &[key, value] : attrs) {
        if (value.type == AttributeValue::Type::Null) continue;
        auto [it, fresh] = types.emplace(key, typeOf(value));
        if (!fresh && it->second != typeOf(value)) it->second = "string";
    }
}

static std::vector<ExchangeColumn> columns(const std::map<std::string, std::string> &types)
{
    std::vector<ExchangeColumn> out;
    for (const auto &[name, type] : types) out.push_back({name, type});
    return out;
}

std::vector<ExchangeColumn> nodeAttributeColumns(const GraphStore &store, const View &view)
{
    std::map<std::string, std::string> types;
    for (EntityIndex e : view.entities) collect(types, store.entity(e).attributes);
    return columns(types);
}

std::vector<ExchangeColumn> edgeAttributeColumns(const GraphStore &store, const View &view)
{
    std::map<std::string, std::string> types;
    for (RelationIndex r : view.relations) collect(types, store.relation(r).attributes);
    return columns(types);
}

std::vector<std::string> nameLanguages(const GraphStore &store, const View &view)
{
    std::set<std::string> langs;
    for (EntityIndex e : view.entities)
        for (const auto &[lang, name] : store.entity(e).names) langs.insert(lang);
    return {langs.begin(), langs.end()};
}

std::string joinAliases(const std::vector<std::string> &aliases)
{
    std::string out;
    for (const auto &a : aliases) out += (out.empty() ? "" : "|") + a;
    return out;
}

std::string evidenceJson(const std::vector<Evidence> &evidence)
{
    if (evidence.empty()) return {};
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartArray();
    for (const Evidence &e : evidence) {
        w.StartObject();
        w.Key("source"), w.String(e.source.c_str(), static_cast<rapidjson::SizeType>(e.source.size()));
        if (e.line > 0) w.Key("line"), w.Int(e.line);
        if (!e.locator.empty()) w.Key("locator"), w.String(e.locator.c_str(), static_cast<rapidjson::SizeType>(e.locator.size()));
        if (!e.quote.empty()) w.Key("quote"), w.String(e.quote.c_str(), static_cast<rapidjson::SizeType>(e.quote.size()));
        if (e.confidence >= 0) {
            std::string number = jsonNumber(e.confidence);
            w.Key("confidence"), w.RawValue(number.data(), number.size(), rapidjson::kNumberType);
        }
        w.EndObject();
    }
    w.EndArray();
    return buffer.GetString();
}

// XML 1.0 cannot hold C0 controls other than tab, LF and CR, not even as
// character references, nor U+FFFE/U+FFFF: those are written visibly escaped
// (printable.hpp) so the document stays well-formed for every string the
// store can hold.
std::string xmlEscape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            out += printableText(text.substr(i, 1));
            continue;
        }
        if (std::string_view three = text.substr(i, 3); three == "\xEF\xBF\xBE" || three == "\xEF\xBF\xBF") {
            out += three == "\xEF\xBF\xBE" ? "\\uFFFE" : "\\uFFFF";
            i += 2;
            continue;
        }
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\n': out += "&#10;"; break;
        case '\r': out += "&#13;"; break;
        case '\t': out += "&#9;"; break;
        default: out += c;
        }
    }
    return out;
}

} // namespace liaison::detail
