// The columns an exchange export writes (internal to core/export).
#pragma once

#include "liaison/view.hpp"

#include <map>
#include <string>
#include <vector>

namespace liaison::detail {

// An attribute column and the type every value in it has ("string" when mixed).
struct ExchangeColumn {
    std::string name;
    std::string type; // "string", "double", "boolean"
};

// Columns of the node table: name.<lang> for every language, then every
// attribute key (sorted), typed from the values.
std::vector<ExchangeColumn> nodeAttributeColumns(const GraphStore &store, const View &view);
std::vector<ExchangeColumn> edgeAttributeColumns(const GraphStore &store, const View &view);
std::vector<std::string> nameLanguages(const GraphStore &store, const View &view);

std::string joinAliases(const std::vector<std::string> &aliases);
// Liaison JSON's evidence array, compact; "" when there is none.
std::string evidenceJson(const std::vector<Evidence> &evidence);
std::string xmlEscape(std::string_view text);

} // namespace liaison::detail
