// What the identity-editing commands (merge, split, alias, judge) share: the
// graph is read, changed by one core operation, and written back atomically
// (to -o OUT when given, else in place), so a refused change writes nothing.
#pragma once

#include "args.hpp"
#include "query.hpp"

#include <functional>
#include <string>

namespace liaison::cli {

// Flags and options every editing command takes.
const std::set<std::string> &editFlags();
const std::set<std::string> &editOptions();
extern const char *const kEditHelp;

// What a change did: the new graph, a line for people, a JSON object for scripts.
struct EditResult {
    GraphStore store;
    std::string message;
    std::function<void(JsonOut &)> json; // writes one object
};

// Loads FILE (positional 0), runs `change`, saves the result to -o or FILE,
// then (only once saved) prints the message, or the JSON with --json.
int runEdit(const Args &args, const std::function<EditResult(const GraphStore &)> &change);

// True when `reference` is a merged-away id (it resolves through a redirect).
bool isRedirectedId(const GraphStore &store, const std::string &reference);

} // namespace liaison::cli
