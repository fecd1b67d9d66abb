// How foreign attribute names map onto Liaison's entity and relation fields,
// shared by the GraphML, GEXF and GML loaders (and mirrored by the exporters):
//   kind -> kind; label | name -> display name; aliases -> aliases ('|'-separated);
//   name.<lang> -> the name in <lang>; evidence -> evidence (JSON array as the
//   exporters write it is kept as a raw attribute "evidence" when not parsed).
#pragma once

#include "loader_text.hpp"

#include <rapidjson/document.h>

namespace liaison::loaders {

// Applies a well-known attribute to `e`; returns false when `key` is not one
// (the caller then keeps it as an ordinary attribute).
inline bool applyEntityField(plugin::EntityData &e, std::string_view key, std::string_view value)
{
    std::string k = lower(key);
    if (k == "kind") {
        e.kind = std::string(trim(value));
        return true;
    }
    if (k == "label" || k == "name") {
        if (e.name.empty() || k == "label") e.name = std::string(value);
        return true;
    }
    if (k == "aliases") {
        std::string_view rest = value;
        while (!rest.empty()) {
            auto bar = rest.find('|');
            std::string_view part = trim(rest.substr(0, bar));
            if (!part.empty()) e.aliases.emplace_back(part);
            if (bar == std::string_view::npos) break;
            rest.remove_prefix(bar + 1);
        }
        return true;
    }
    if (k.rfind("name.", 0) == 0 && k.size() > 5) {
        e.names.emplace_back(std::string(key.substr(5)), std::string(value));
        return true;
    }
    return false;
}

inline bool applyRelationField(plugin::RelationData &r, std::string_view key, std::string_view value)
{
    if (lower(key) == "kind") {
        r.kind = std::string(trim(value));
        return true;
    }
    return false;
}

// Typed value for a declared attribute type (GraphML attr.type, GEXF type).
// Values that do not fit their declared numeric/boolean type are kept as strings.
inline plugin::Attribute typedAttribute(std::string key, std::string_view value, std::string_view type)
{
    std::string t = lower(type);
    std::string_view v = trim(value);
    if (t == "int" || t == "integer" || t == "long" || t == "float" || t == "double" || t == "short" ||
        t == "byte" || t == "bigdecimal" || t == "biginteger") {
        if (isJsonNumber(v)) return {std::move(key), std::string(v), LIAISON_VALUE_NUMBER};
        // "1.0E3" and "+5" are numbers to Java and Python but not JSON literals.
        if (!v.empty() && v.front() == '+' && isJsonNumber(v.substr(1)))
            return {std::move(key), std::string(v.substr(1)), LIAISON_VALUE_NUMBER};
        return {std::move(key), std::string(value), LIAISON_VALUE_STRING};
    }
    if (t == "boolean" || t == "bool") {
        std::string b = lower(v);
        if (b == "true" || b == "1") return {std::move(key), "true", LIAISON_VALUE_BOOL};
        if (b == "false" || b == "0") return {std::move(key), "false", LIAISON_VALUE_BOOL};
    }
    return {std::move(key), std::string(value), LIAISON_VALUE_STRING};
}

// Liaison's own keys in GraphML and attributes in GEXF have ids starting with
// "liaison." (core/include/liaison/exchange_export.hpp). A file with any such
// id was written by Liaison: its reserved ids fill the fields and every other
// key is a plain attribute, whatever its name, so a user attribute "kind" or
// "label" cannot overwrite the entity's kind or name.
inline bool isReservedId(std::string_view id) { return id.substr(0, 8) == "liaison."; }

// A user attribute's name in Liaison's own file: the exporter writes names
// that Liaison's fields show as ("kind", "label", "name.en", "attr.x") as
// "attr.<name>"; one "attr." is stripped.
inline std::string userAttributeName(std::string_view name)
{
    return std::string(name.substr(0, 5) == "attr." ? name.substr(5) : name);
}

// A value written as JSON text (reserved ids "liaison.json.*": a column that
// mixes types or holds arrays/objects) back to its JSON type.
inline plugin::Attribute jsonValueAttribute(std::string key, std::string_view text)
{
    rapidjson::Document doc;
    doc.Parse(text.data(), text.size());
    if (doc.HasParseError()) return {std::move(key), std::string(text), LIAISON_VALUE_STRING};
    if (doc.IsString()) return {std::move(key), std::string(doc.GetString(), doc.GetStringLength()), LIAISON_VALUE_STRING};
    if (doc.IsNumber()) return {std::move(key), std::string(trim(text)), LIAISON_VALUE_NUMBER};
    if (doc.IsBool()) return {std::move(key), doc.GetBool() ? "true" : "false", LIAISON_VALUE_BOOL};
    if (doc.IsNull()) return {std::move(key), "", LIAISON_VALUE_NULL};
    return {std::move(key), std::string(trim(text)), LIAISON_VALUE_RAW_JSON};
}

// Applies a reserved id of an entity; false for an id it does not know.
// "evidence" becomes the attribute the host lifts back into evidence.
inline bool applyReservedEntityField(plugin::EntityData &e, std::string_view id, std::string_view value)
{
    std::string_view field = id.substr(8);
    if (field == "kind" || field == "aliases") return applyEntityField(e, field, value);
    if (field == "label") {
        e.name = std::string(value);
        return true;
    }
    if (field.substr(0, 5) == "name." && field.size() > 5) {
        e.names.emplace_back(std::string(field.substr(5)), std::string(value));
        return true;
    }
    if (field == "evidence") {
        e.attributes.push_back({"evidence", std::string(value), LIAISON_VALUE_STRING});
        return true;
    }
    return false;
}

inline bool applyReservedRelationField(plugin::RelationData &r, std::string_view id, std::string_view value)
{
    std::string_view field = id.substr(8);
    if (field == "relation.kind") {
        r.kind = std::string(trim(value));
        return true;
    }
    if (field == "relation.evidence") {
        r.attributes.push_back({"evidence", std::string(value), LIAISON_VALUE_STRING});
        return true;
    }
    return false;
}

} // namespace liaison::loaders
