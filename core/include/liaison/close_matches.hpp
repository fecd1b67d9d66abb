// "Did you mean ...": the known values closest to what a user typed, so an
// option value that matches nothing can be refused with useful candidates.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace liaison {

// The entries of `known` closest to `typed` (case-, width- and
// punctuation-insensitive edit distance in code points, or a prefix / substring
// match), best first, at most `limit`. Empty when nothing is reasonably close.
std::vector<std::string> closeMatches(std::string_view typed, const std::vector<std::string> &known,
                                      std::size_t limit = 5);

// "did you mean 'person'?" / "did you mean one of 'a', 'b'?", or "" when
// `candidates` is empty.
std::string didYouMean(const std::vector<std::string> &candidates);

} // namespace liaison
