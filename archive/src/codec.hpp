// How model values that have no column of their own are stored as jsonb.
// attributes: an object; a string value is a JSON string, others are
// {"n": "3.10"} (number literal as written), true/false, null, or
// {"raw": "<json text>"} (structured values), so a round trip is exact.
// extra (unknown keys): an array of [key, "<raw json text>"] pairs, in order.
#pragma once

#include "liaison/model.hpp"

#include <string>
#include <string_view>

namespace liaison::archive {

std::string attributesToJson(const Attributes &attributes);
Attributes attributesFromJson(std::string_view json);
std::string extrasToJson(const ExtraFields &extra);
ExtraFields extrasFromJson(std::string_view json);
// The display text of one encoded attribute value (for conflict reports).
std::string attributeText(std::string_view encodedValue);

} // namespace liaison::archive
