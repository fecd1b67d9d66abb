// Liaison JSON v1: reading and writing the native file format with RapidJSON.
// See docs/liaison-json.md and schema/liaison-v1.schema.json.
#pragma once

#include "liaison/errors.hpp"
#include "liaison/graph_store.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace liaison {

// The text is not JSON at all (as opposed to JSON that is not a valid Liaison
// document, which is a plain ParseError).
class JsonSyntaxError : public ParseError {
public:
    using ParseError::ParseError;
};

// Reads a Liaison JSON document. Throws ParseError naming `displayName`, the
// line and column, and what was expected, for any syntax or structural
// problem (missing/duplicate id, dangling relation endpoint, wrong type,
// invalid UTF-8, truncated text). Returns a complete store or nothing.
GraphStore readLiaisonJson(std::string_view text, const std::string &displayName);
// Reads what it can, for a lenient import: each record with a problem
// (wrong type, duplicate or missing id, dangling endpoint, out-of-range
// value) is left out and its located error appended to `problems`; a syntax
// error ends the reading there and keeps the records before it. Relations
// whose endpoint was left out are left out too, each with its own error.
// When `positions` is given, it receives the line and column where each
// record the store holds starts, in the store's order, so an import can
// locate what it finds wrong with a record later (an unknown source).
struct RecordPositions {
    struct At {
        int line = 0, column = 0;
    };
    std::vector<At> sources, entities, relations;
};
GraphStore readLiaisonJsonCollecting(std::string_view text, const std::string &displayName,
                                     std::vector<ParseError> &problems, RecordPositions *positions = nullptr);
// Reads the file at `path` (a file: core gives "-" no meaning; standard
// streams are the command line's, cli/std_streams.hpp).
GraphStore readLiaisonJsonFile(const std::string &path);

// Receives the next bytes of a document; throws IoError when they cannot be written.
using ByteSink = std::function<void(std::string_view)>;

// Serialises the store (pretty-printed, stable order, unknown keys kept).
std::string writeLiaisonJson(const GraphStore &store);
// The same bytes, passed to `sink` piece by piece (never the whole document
// held in memory). Throws GraphError before the first byte when the store
// holds what the format cannot (storable.hpp).
void writeLiaisonJson(const GraphStore &store, const ByteSink &sink);
// Writes atomically: a temp file beside `path`, fsync, rename, fsync of the
// directory. On any failure the previous file is intact and IoError is thrown.
void saveLiaisonJsonFile(const GraphStore &store, const std::string &path);

// Writes `bytes` to the file `path` atomically (same guarantees as above).
// Shared by every exporter.
void writeFileAtomically(const std::string &path, std::string_view bytes);
// Reads a whole file. Throws IoError naming the path.
std::string readWholeFile(const std::string &path);

} // namespace liaison
