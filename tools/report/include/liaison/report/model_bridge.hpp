// The report extraction in core's terms, for the tools that need core (the
// bench programs, the tests, the fuzz target): the extraction library itself
// knows no core type (extract.hpp), so this bridge lives here, beside it.
#pragma once

#include "liaison/model.hpp"
#include "liaison/report/extract.hpp"

#include <string>
#include <vector>

namespace liaison::report {

// An extraction as core model values, in the extraction's order. Attribute
// values become strings; evidence keeps source, line, locator, quote and
// confidence.
struct ModelGraph {
    std::vector<liaison::Source> sources;
    std::vector<liaison::Entity> entities;
    std::vector<liaison::Relation> relations;
};
ModelGraph toModel(const Extraction &extraction);

// An extraction as a Liaison JSON v1 document, written by core's writer (one
// Liaison JSON writer in the project), in a stable order.
std::string extractionToJson(const Extraction &extraction);

} // namespace liaison::report
