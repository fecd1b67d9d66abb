// Exports for Gephi, Cytoscape, yEd and spreadsheets: GraphML, GEXF and CSV.
// What has no native place travels as attributes, named as the loaders read
// them back (plugins/common/entity_fields.hpp), so Liaison -> Gephi ->
// Liaison keeps kinds, names per language, aliases and evidence:
//   node: id, "kind", "label" (display name), "name.<lang>", "aliases"
//         ('|'-joined), "evidence" (JSON array), then every attribute;
//   edge: id "r<index>", source, target, "kind", "evidence", every attribute.
// Output is stable for the same input (ordered keys, view order).
#pragma once

#include "liaison/view.hpp"

#include <string>

namespace liaison {

std::string writeGraphml(const GraphStore &store, const View &view);
std::string writeGexf(const GraphStore &store, const View &view);

// Two RFC 4180 tables (UTF-8, no BOM, CRLF as RFC 4180 asks): nodes with
// Id, Label, kind, name.<lang>, aliases, evidence and one column per
// attribute key; edges with Source, Target, kind, Id, evidence and attributes.
struct CsvTables {
    std::string nodes;
    std::string edges;
};
CsvTables writeCsvTables(const GraphStore &store, const View &view);

// Where the csv export puts the edges table for nodes table `nodesPath`.
std::string csvEdgesPath(const std::string &nodesPath);

// "graphml" | "gexf" | "csv" export to files: OUT for the XML formats; for
// csv, OUT names the nodes table and the edges table goes beside it
// (x.csv -> x.csv + x.edges.csv). Atomic writes. Throws UserError for an
// unknown format. Returns the files written.
std::vector<std::string> exportExchangeFormat(const GraphStore &store, const View &view,
                                              const std::string &format, const std::string &out);

} // namespace liaison
