// Exports for Gephi, Cytoscape, Neo4j, yEd, networkx, igraph and spreadsheets:
// GraphML, GEXF 1.2draft and CSV. What has no native place travels as
// attributes named as the loaders read them back (plugins/common/
// entity_fields.hpp), so Liaison -> other tool -> Liaison keeps kinds, names
// per language, aliases and evidence. In GraphML and GEXF, Liaison's own
// fields are keys whose ids start with "liaison." (their names are the
// friendly "kind", "label", "name.<lang>", "aliases", "evidence"), so a user
// attribute called "kind" or "label" never overwrites the entity's kind or
// name on re-import. Output is stable for the same input.
#pragma once

#include "liaison/view.hpp"

#include <string>
#include <vector>

namespace liaison {

struct ExchangeOptions {
    // GraphML edgedefault / GEXF defaultedgetype "undirected" even when some
    // relations are directed (by default: undirected only when every relation
    // carries directed=false).
    bool undirected = false;
    // CSV column conventions: "liaison" (default), "gephi", "neo4j", "cytoscape".
    std::string csvDialect = "liaison";
    // Start each CSV table with a UTF-8 byte order mark (Excel wants it).
    bool csvBom = false;
};

// The CSV dialects, for option validation and help.
const std::vector<std::string> &csvDialects();

std::string writeGraphml(const GraphStore &store, const View &view, const ExchangeOptions &options = {});
std::string writeGexf(const GraphStore &store, const View &view, const ExchangeOptions &options = {});

// Two RFC 4180 tables (UTF-8, CRLF as RFC 4180 asks), columns by dialect:
//   liaison   nodes Id, Label, kind, name.<lang>, aliases, evidence, attributes;
//             edges Source, Target, kind, Id, evidence, attributes;
//   gephi     as liaison plus the edge columns Gephi reads: Type
//             (Directed/Undirected), Label (the kind), Weight (when any
//             relation has a weight);
//   neo4j     neo4j-admin import headers: nodes id:ID, :LABEL (kind), name,
//             aliases:string[], evidence, typed attribute columns (year:long);
//             edges :START_ID, :END_ID, :TYPE, evidence, typed attributes;
//   cytoscape edges source, target, interaction (the kind), attributes;
//             nodes name (the id), label, kind, ...
// Attribute columns whose name a dialect reserves ("id", "Source", "kind"...)
// or that starts with "attr." are written as "attr.<name>"; the CSV loader
// strips one "attr." again. A column whose text would read back as another
// type gets a type suffix (year:string, mixed:json) that the loader honours.
struct CsvTables {
    std::string nodes;
    std::string edges;
};
CsvTables writeCsvTables(const GraphStore &store, const View &view, const ExchangeOptions &options = {});

// Where the csv export puts the edges table for nodes table `nodesPath`.
std::string csvEdgesPath(const std::string &nodesPath);

// "graphml" | "gexf" | "csv" export to files: OUT for the XML formats; for
// csv, OUT names the nodes table and the edges table goes beside it
// (x.csv -> x.csv + x.edges.csv). Atomic writes. Throws UserError for an
// unknown format or dialect. Returns the files written.
std::vector<std::string> exportExchangeFormat(const GraphStore &store, const View &view,
                                              const std::string &format, const std::string &out,
                                              const ExchangeOptions &options = {});

} // namespace liaison
