#include "exchange_columns.hpp"

#include "liaison/storable.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cctype>
#include <set>

namespace liaison::detail {

static std::string typeOf(const AttributeValue &v)
{
    switch (v.type) {
    case AttributeValue::Type::Number:
        return v.text.find_first_of(".eE") == std::string::npos ? "long" : "double";
    case AttributeValue::Type::Bool: return "boolean";
    case AttributeValue::Type::String: return "string";
    default: return "json";
    }
}

static std::string unite(const std::string &a, const std::string &b)
{
    if (a == b) return a;
    if ((a == "long" && b == "double") || (a == "double" && b == "long")) return "double";
    return "json";
}

static void collect(std::map<std::string, std::string> &types, const Attributes &attrs)
{
    for (const auto &[key, value] : attrs) {
        auto [it, fresh] = types.emplace(key, typeOf(value));
        if (!fresh) it->second = unite(it->second, typeOf(value));
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

std::string columnText(const AttributeValue &value, const std::string &type)
{
    if (type != "json") return value.text;
    switch (value.type) {
    case AttributeValue::Type::String: {
        rapidjson::StringBuffer buffer;
        rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
        w.String(value.text.c_str(), static_cast<rapidjson::SizeType>(value.text.size()));
        return buffer.GetString();
    }
    case AttributeValue::Type::Null: return "null";
    default: return value.text;
    }
}

bool undirectedExport(const GraphStore &store, const View &view, const ExchangeOptions &options)
{
    if (options.undirected) return true;
    if (view.relations.empty()) return false;
    for (RelationIndex r : view.relations) {
        const std::string *directed = store.relation(r).attribute("directed");
        if (!directed || *directed != "false") return false;
    }
    return true;
}

static void writeString(rapidjson::Writer<rapidjson::StringBuffer> &w, const std::string &s)
{
    w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
}

static void writeExtras(rapidjson::Writer<rapidjson::StringBuffer> &w, const ExtraFields &extra)
{
    for (const auto &[key, raw] : extra) {
        writeString(w, key);
        w.RawValue(raw.c_str(), raw.size(), rapidjson::kObjectType);
    }
}

std::string sourcesJson(const GraphStore &store)
{
    if (store.sources().empty()) return {};
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartArray();
    for (const Source &s : store.sources()) {
        w.StartObject();
        w.Key("id"), writeString(w, s.id);
        for (auto [key, value] : {std::pair{"title", &s.title}, std::pair{"date", &s.date},
                                  std::pair{"language", &s.language}, std::pair{"path", &s.path},
                                  std::pair{"hash", &s.hash}})
            if (!value->empty()) w.Key(key), writeString(w, *value);
        writeExtras(w, s.extra);
        w.EndObject();
    }
    w.EndArray();
    return buffer.GetString();
}

std::string documentJson(const GraphStore &store)
{
    if (store.documentExtras().empty()) return {};
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    writeExtras(w, store.documentExtras());
    w.EndObject();
    return buffer.GetString();
}

std::string exchangeName(const std::string &name)
{
    std::string l = name;
    for (char &c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool reserved = l == "id" || l == "kind" || l == "label" || l == "aliases" || l == "evidence" || l.rfind("name.", 0) == 0 ||
                    l.rfind("attr.", 0) == 0;
    return reserved ? "attr." + name : name;
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

} // namespace liaison::detail
