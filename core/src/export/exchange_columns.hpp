// The columns an exchange export writes (internal to core/export).
#pragma once

#include "liaison/exchange_export.hpp"
#include "util/xml_text.hpp"

#include <map>
#include <string>
#include <vector>

namespace liaison::detail {

// An attribute column and the type every value in it has.
//   "string", "long" (integer literals only), "double", "boolean";
//   "json" when the column holds JSON arrays/objects/null or mixes types:
//   each value is then written as its JSON text ("2017" as "\"2017\"") so
//   its type survives the trip.
struct ExchangeColumn {
    std::string name;
    std::string type;
};

// Columns of the node table: every attribute key (sorted), typed from the values.
std::vector<ExchangeColumn> nodeAttributeColumns(const GraphStore &store, const View &view);
std::vector<ExchangeColumn> edgeAttributeColumns(const GraphStore &store, const View &view);
std::vector<std::string> nameLanguages(const GraphStore &store, const View &view);

// A value as written in a column of `type` (see ExchangeColumn).
std::string columnText(const AttributeValue &value, const std::string &type);

// True when the export is undirected: asked for, or every relation of the
// view says directed=false (as the loaders record an undirected edge).
bool undirectedExport(const GraphStore &store, const View &view, const ExchangeOptions &options);

// The name a user attribute travels under in GraphML and GEXF: "attr.<name>"
// when <name> is one Liaison's own fields show as (id, kind, label, aliases,
// evidence, name.<lang>) or starts with "attr.", so networkx, igraph (its
// vertex "id") or Gephi never see two attributes of one name; Liaison's
// loaders strip one "attr." again.
std::string exchangeName(const std::string &name);

std::string joinAliases(const std::vector<std::string> &aliases);
// Liaison JSON's evidence array, compact; "" when there is none.
std::string evidenceJson(const std::vector<Evidence> &evidence);
// Liaison JSON's sources array and the document's uninterpreted top-level
// keys as an object, compact; "" when there are none.
std::string sourcesJson(const GraphStore &store);
std::string documentJson(const GraphStore &store);

// Ids of Liaison's own keys in GraphML and attributes in GEXF. A loader that
// sees any id with this prefix reads the file as Liaison's: the reserved ids
// fill kind, name, names, aliases and evidence, every other key is a plain
// attribute, whatever its name (so a user attribute "kind" stays one).
inline constexpr std::string_view kReservedPrefix = "liaison.";

} // namespace liaison::detail
