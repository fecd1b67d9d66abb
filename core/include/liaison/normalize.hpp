// Name normalisation for search and entity resolution: Unicode NFKC with case
// folding (ICU), so full-width and half-width forms and case differences
// match; whitespace and punctuation folded; honorifics stripped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace liaison {

// NFKC + case fold + whitespace/punctuation folded to single spaces, trimmed.
// "Ｐｒｏｆ.  Dr. Ａ-B" -> "prof dr a b". Invalid UTF-8 is replaced, never thrown.
std::string foldText(std::string_view text);

struct NormalizedName {
    std::string key;                  // folded name without honorifics
    std::vector<std::string> titles;  // honorifics found, as written
};
// foldText plus removal of honorifics and titles in any position
// (Prof., Dr., Mr., Ms., Acad., 教授, 副教授, 副處長, 主席, ...).
NormalizedName normalizeName(std::string_view name);

// The honorifics and titles normalizeName strips, as written in sources.
const std::vector<std::string> &knownTitles();

} // namespace liaison
