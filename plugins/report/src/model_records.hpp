// Core model values -> plugin ABI records, for the report loader, whose
// extractor still builds core model objects and hands them over record by
// record. It includes a core header, which loaders must not: it goes when
// the extraction library stops using core types (issue 11); until then the
// architecture check lists plugins/report/ as its one exception.
#pragma once

#include "liaison/model.hpp"
#include "liaison/plugin.hpp"

#include <cstdint>
#include <vector>

namespace liaison::loaders {

inline liaison_value_type valueType(AttributeValue::Type t)
{
    using T = AttributeValue::Type;
    switch (t) {
    case T::Number: return LIAISON_VALUE_NUMBER;
    case T::Bool: return LIAISON_VALUE_BOOL;
    case T::Null: return LIAISON_VALUE_NULL;
    case T::RawJson: return LIAISON_VALUE_RAW_JSON;
    case T::String: break;
    }
    return LIAISON_VALUE_STRING;
}

inline std::vector<plugin::Attribute> attributeRecords(const Attributes &in)
{
    std::vector<plugin::Attribute> out;
    for (const auto &[key, value] : in) out.push_back({key, value.text, valueType(value.type)});
    return out;
}

inline std::vector<plugin::Evidence> evidenceRecords(const std::vector<Evidence> &in)
{
    std::vector<plugin::Evidence> out;
    for (const auto &e : in)
        out.push_back({e.source, static_cast<std::uint32_t>(e.line > 0 ? e.line : 0), e.locator, e.quote,
                       e.confidence});
    return out;
}

// Uninterpreted members (raw JSON text) as extension records.
inline std::vector<plugin::Attribute> extraRecords(const ExtraFields &in)
{
    std::vector<plugin::Attribute> out;
    for (const auto &[key, raw] : in) out.push_back({key, raw, LIAISON_VALUE_RAW_JSON});
    return out;
}

} // namespace liaison::loaders
