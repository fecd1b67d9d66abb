// Streaming reader for Liaison JSON: parses with RapidJSON's iterative SAX
// reader (no recursion, so deep nesting cannot overflow the stack) and hands
// over each item of the top-level "sources", "entities", "relations",
// "judgements" and "redirects" arrays as a small Node tree the moment it is complete. Memory stays
// proportional to one record, not to the document.
#pragma once

#include "json/json_dom.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace liaison::json {

struct StreamCallbacks {
    // An item of a top-level record array; `section` is "sources", "entities",
    // "relations", "judgements" or "redirects".
    std::function<void(std::string_view section, Node &&item)> record;
    // Any other top-level member, e.g. "liaison" or an unknown key.
    std::function<void(const std::string &key, Node &&value, std::size_t keyOffset)> member;
    // Optional: told now and then (every few MiB) that the stream will not
    // read the bytes before this offset again, so a mapped file's pages can
    // be given back while the rest is read (an error message may still read
    // them, to count lines).
    std::function<void(std::size_t offset)> doneBefore;
};

// Parses `text`. Throws JsonSyntaxError (a ParseError) for malformed JSON and
// rethrows whatever the callbacks throw. `displayName` names the file in errors.
void streamDocument(std::string_view text, const std::string &displayName,
                    const StreamCallbacks &callbacks);

// Limits that keep memory bounded on hostile input (docs/limits.md). Each is
// refused with a located ParseError.
// Nesting deeper than this.
inline constexpr int kMaxNesting = 256;
// One string, key or number literal longer than this many bytes.
inline constexpr std::size_t kMaxValueBytes = std::size_t(64) << 20;
// More JSON values (keys included) than this in one record (an item of
// "sources"/"entities"/"relations", or one other top-level member); a value
// costs ~100 bytes in memory however short its text.
inline constexpr std::size_t kMaxRecordValues = 2'000'000;

} // namespace liaison::json
