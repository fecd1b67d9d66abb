#include "liaison/positions.hpp"

#include "liaison/errors.hpp"

#include <rapidjson/document.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>

namespace liaison {

namespace {

[[noreturn]] void malformed(const std::string &what)
{
    throw UserError("the \"positions\" section of the graph file: " + what);
}

double coordinate(const rapidjson::Value &entry, const char *key, const std::string &id)
{
    auto it = entry.FindMember(key);
    if (it == entry.MemberEnd() || !it->value.IsNumber() || !std::isfinite(it->value.GetDouble()))
        malformed("entity '" + id + "': expected a finite number \"" + key + "\"");
    return it->value.GetDouble();
}

} // namespace

Positions readPositions(const GraphStore &store)
{
    const ExtraFields &extras = store.documentExtras();
    auto section = std::find_if(extras.begin(), extras.end(), [](const auto &kv) { return kv.first == kPositionsKey; });
    if (section == extras.end()) return {};
    rapidjson::Document doc;
    doc.Parse(section->second.data(), section->second.size());
    if (doc.HasParseError() || !doc.IsObject()) malformed("expected an object");
    Positions positions;
    if (auto unit = doc.FindMember("unit"); unit != doc.MemberEnd() &&
                                             (!unit->value.IsString() || std::string_view(unit->value.GetString()) != "pt"))
        malformed("\"unit\" must be \"pt\"");
    if (auto engine = doc.FindMember("engine"); engine != doc.MemberEnd()) {
        if (!engine->value.IsString()) malformed("\"engine\" must be a string");
        positions.engine = engine->value.GetString();
    }
    auto entities = doc.FindMember("entities");
    if (entities == doc.MemberEnd()) return positions;
    if (!entities->value.IsObject()) malformed("\"entities\" must be an object of id -> {x, y}");
    for (const auto &member : entities->value.GetObject()) {
        std::string id(member.name.GetString(), member.name.GetStringLength());
        if (!member.value.IsObject()) malformed("entity '" + id + "': expected {\"x\": .., \"y\": ..}");
        EntityPosition p;
        p.x = coordinate(member.value, "x", id);
        p.y = coordinate(member.value, "y", id);
        if (auto pinned = member.value.FindMember("pinned"); pinned != member.value.MemberEnd()) {
            if (!pinned->value.IsBool()) malformed("entity '" + id + "': \"pinned\" must be true or false");
            p.pinned = pinned->value.GetBool();
        }
        positions.entities[id] = p;
    }
    return positions;
}

void storePositions(GraphStore &store, const Positions &positions)
{
    ExtraFields &extras = store.documentExtras();
    auto section = std::find_if(extras.begin(), extras.end(), [](const auto &kv) { return kv.first == kPositionsKey; });
    if (positions.empty()) {
        if (section != extras.end()) extras.erase(section);
        return;
    }
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("unit"), w.String("pt");
    if (!positions.engine.empty())
        w.Key("engine"), w.String(positions.engine.data(), static_cast<rapidjson::SizeType>(positions.engine.size()));
    w.Key("entities");
    w.StartObject();
    for (const auto &[id, p] : positions.entities) {
        w.Key(id.data(), static_cast<rapidjson::SizeType>(id.size()));
        w.StartObject();
        // Hundredths of a point: far below a pixel, and stable text on re-save.
        w.Key("x"), w.Double(std::round(p.x * 100) / 100);
        w.Key("y"), w.Double(std::round(p.y * 100) / 100);
        if (p.pinned) w.Key("pinned"), w.Bool(true);
        w.EndObject();
    }
    w.EndObject();
    w.EndObject();
    std::string raw(buffer.GetString(), buffer.GetSize());
    if (section != extras.end())
        section->second = std::move(raw);
    else
        extras.emplace_back(kPositionsKey, std::move(raw));
}

} // namespace liaison
