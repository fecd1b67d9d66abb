// The query commands against a team archive (PostgreSQL) instead of a file:
// the server picks the slice each question needs; core answers it on that
// slice, so output and --json are the file's. Built only with libpq
// (cli/archive/); without it these say what to install.
#pragma once

#include "liaison/graph_store.hpp"
#include "liaison/view.hpp"

#include <functional>
#include <string>
#include <vector>

namespace liaison::cli {

// Whether the FILE argument names an archive (a postgresql:// URI or a
// key=value conninfo) rather than an existing file.
bool isArchive(const std::string &where);

struct ArchiveSlice {
    GraphStore store;
    EntityIndex a = kNoEntity, b = kNoEntity; // the resolved entities of the question
};
ArchiveSlice archiveMetSlice(const std::string &url, const std::string &person);
ArchiveSlice archivePathSlice(const std::string &url, const std::string &from, const std::string &to,
                              const ViewFilter &filter);
// Path questions a single server search cannot answer (--k, or filters
// on sources, countries or dates): corridors of growing length (chains of at
// most 1, 2, ... 12 steps, Archive::corridorSlice) are pulled and handed to
// `answer(slice, length)`, which returns true once its result on that slice
// is the file's (its chains are the k shortest and none is longer than
// `length`), or until a corridor holds all that a or b is connected to.
// Returns the last slice answered (just a and b when they are not
// connected); throws when neither happened within archive::kMaxChainSteps
// steps, as a longer chain may exist (archive::longerChainsUnsearched).
ArchiveSlice archiveCorridorSearch(const std::string &url, const std::string &from, const std::string &to,
                                   const ViewFilter &filter,
                                   const std::function<bool(const ArchiveSlice &, int length)> &answer);
// The entities matching `text` (already filtered), with their names.
GraphStore archiveSearch(const std::string &url, const std::string &text, const ViewFilter &filter);
// Pulls the ego slice of `focus` to a new temporary file and returns its path.
std::string pullFocusToTempFile(const std::string &url, const std::string &focus, int depth);

} // namespace liaison::cli
