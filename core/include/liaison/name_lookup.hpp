// Finding an entity by a name written differently from any stored one:
// the identity module's name forms applied to a user's lookup.
#pragma once

#include "liaison/graph_store.hpp"

#include <string_view>
#include <vector>

namespace liaison {

// Entities one of whose names is `text` up to Traditional/Simplified script,
// name order, hyphenation and case ("庄明芬" finds 莊明芬, "CHEN Weiling" finds
// Chen Wei-ling). Surname-only text finds nothing. For lookups that found no
// exact name: it indexes the whole store (linear).
std::vector<EntityIndex> findByNameForm(const GraphStore &store, std::string_view text);

// Entities one of whose names or aliases is close to `text` (closeMatches:
// a few edits, case-, width- and punctuation-insensitive), best first, at most
// `limit`: the "did you mean" of a name that names nothing. Linear in the store.
std::vector<EntityIndex> closeByName(const GraphStore &store, std::string_view text, std::size_t limit = 5);

} // namespace liaison
