// The extraction's own records: what the report extractor finds, in plain
// values of its own (no Liaison core type), so the extraction library builds
// and runs without core. The fields mirror Liaison JSON v1 (docs/liaison-json.md);
// the loader hands them to the host through the plugin ABI, and the tools
// (liaison_report_tools) turn them into core's model when they need it.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace liaison::report {

// Attribute values are text ("start" -> "2017-09-28", "title" -> "教授").
// Ordered, so output is stable for the same input.
using Attributes = std::map<std::string, std::string, std::less<>>;

// Where a fact comes from: the sentence that supports it.
struct Evidence {
    std::string source;     // id of the Source
    int line = 0;           // 1-based line of the text, 0 when `locator` says where
    std::string locator;    // "page 2, line 4" for a document read as text; else empty
    std::string quote;      // the sentence or its part around the fact
    double confidence = -1; // 0..1
    bool operator==(const Evidence &) const = default;
};

struct Entity {
    std::string id;   // "kind:slug", unique in an Extraction
    std::string kind; // person, organisation, event, country, topic, programme
    std::string name; // display name
    std::map<std::string, std::string, std::less<>> names; // language -> name
    std::vector<std::string> aliases; // every other surface form seen
    Attributes attributes;
    std::vector<Evidence> evidence;

    // The attribute's value, or nullptr when the entity has none.
    const std::string *attribute(std::string_view key) const;
};

struct Relation {
    std::string kind; // met, attended, works_for, ... (the README's vocabulary)
    std::string from; // entity id
    std::string to;   // entity id
    Attributes attributes;
    std::vector<Evidence> evidence;

    const std::string *attribute(std::string_view key) const;
};

// The report itself.
struct Source {
    std::string id;
    std::string title;
    std::string date;
    std::string language; // "en", "zh-Hant", "zh-Hans,en", ...
    std::string path;
};

} // namespace liaison::report
