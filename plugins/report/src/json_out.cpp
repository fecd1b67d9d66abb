// Liaison JSON v1 output of an Extraction (used by the test driver and the
// evaluation tool before the plugin host turns extractions into a store).
#include "liaison/report/extract.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

namespace liaison::report {

namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void writeAttributes(Writer &w, const Attributes &attrs) {
    w.Key("attributes");
    w.StartObject();
    for (const auto &[k, v] : attrs) {
        w.Key(k);
        if (v.type == AttributeValue::Type::Number)
            w.RawNumber(v.text.c_str(), static_cast<rapidjson::SizeType>(v.text.size()));
        else
            w.String(v.text);
    }
    w.EndObject();
}

void writeEvidence(Writer &w, const std::vector<Evidence> &evidence) {
    w.Key("evidence");
    w.StartArray();
    for (const auto &e : evidence) {
        w.StartObject();
        w.Key("source");
        w.String(e.source);
        w.Key("line");
        w.Int(e.line);
        w.Key("quote");
        w.String(e.quote);
        if (e.confidence >= 0) {
            w.Key("confidence");
            w.Double(static_cast<double>(static_cast<int>(e.confidence * 100 + 0.5)) / 100.0);
        }
        w.EndObject();
    }
    w.EndArray();
}

} // namespace

std::string extractionToJson(const Extraction &x) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.SetIndent(' ', 1);
    w.StartObject();
    w.Key("liaison");
    w.Int(1);
    w.Key("sources");
    w.StartArray();
    for (const auto &s : x.sources) {
        w.StartObject();
        w.Key("id");
        w.String(s.id);
        w.Key("title");
        w.String(s.title);
        if (!s.date.empty()) {
            w.Key("date");
            w.String(s.date);
        }
        w.Key("language");
        w.String(s.language);
        if (!s.path.empty()) {
            w.Key("path");
            w.String(s.path);
        }
        w.EndObject();
    }
    w.EndArray();
    w.Key("entities");
    w.StartArray();
    for (const auto &e : x.entities) {
        w.StartObject();
        w.Key("id");
        w.String(e.id);
        w.Key("kind");
        w.String(e.kind);
        w.Key("name");
        w.String(e.name);
        w.Key("names");
        w.StartObject();
        for (const auto &[lang, n] : e.names) {
            w.Key(lang);
            w.String(n);
        }
        w.EndObject();
        w.Key("aliases");
        w.StartArray();
        for (const auto &a : e.aliases)
            w.String(a);
        w.EndArray();
        writeAttributes(w, e.attributes);
        writeEvidence(w, e.evidence);
        w.EndObject();
    }
    w.EndArray();
    w.Key("relations");
    w.StartArray();
    for (const auto &r : x.relations) {
        w.StartObject();
        w.Key("kind");
        w.String(r.kind);
        w.Key("from");
        w.String(r.from);
        w.Key("to");
        w.String(r.to);
        writeAttributes(w, r.attributes);
        writeEvidence(w, r.evidence);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

} // namespace liaison::report
