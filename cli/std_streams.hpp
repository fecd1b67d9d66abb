// The command line's "-": standard input where a file is read, standard
// output where one is written (DESIGN §8). The one place that gives "-" a
// meaning: core reads and writes files only.
#pragma once

#include "liaison/graph_store.hpp"

#include <string>
#include <string_view>

namespace liaison::cli {

// True for "-", the name of a standard stream.
bool isStandardStream(const std::string &path);
// How errors name `path`: "<stdin>" for "-", else the path.
std::string inputName(const std::string &path);

// The whole file at `path`, or all of standard input for "-". Throws IoError.
std::string readInput(const std::string &path);
// The Liaison JSON graph at `path` ("-": standard input). Throws ParseError
// naming the input, line and column.
GraphStore loadGraph(const std::string &path);

// Writes `bytes` as the file `path`, atomically (json_io.hpp), or straight to
// the standard output descriptor for "-" (the bytes are a file, PNG or PDF
// as much as JSON, not text a stream filter may touch). Throws IoError.
void writeOutput(const std::string &path, std::string_view bytes);
// Saves the graph as Liaison JSON the same way (streamed to standard output
// for "-", never held in memory whole).
void saveGraph(const GraphStore &store, const std::string &path);

} // namespace liaison::cli
