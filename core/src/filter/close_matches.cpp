#include "liaison/close_matches.hpp"

#include "liaison/normalize.hpp"

#include <algorithm>
#include <cstdint>

namespace liaison {

namespace {

// Code points of valid UTF-8 (foldText's output is always valid).
std::u32string codePoints(std::string_view s)
{
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
        char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
        for (int k = 1; k <= extra && i + k < s.size(); ++k) cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += static_cast<std::size_t>(extra) + 1;
    }
    return out;
}

std::size_t editDistance(const std::u32string &a, const std::u32string &b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

std::vector<std::string> closeMatches(std::string_view typed, const std::vector<std::string> &known,
                                      std::size_t limit)
{
    const std::string folded = foldText(typed);
    const std::u32string want = codePoints(folded);
    // A typo of a short word is one or two edits; longer words allow a third.
    const std::size_t tolerance = std::max<std::size_t>(2, want.size() / 3);
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const std::string &candidate : known) {
        std::string key = foldText(candidate);
        std::size_t distance = editDistance(want, codePoints(key));
        bool contains = !folded.empty() && (key.find(folded) != std::string::npos ||
                                            (!key.empty() && folded.find(key) != std::string::npos));
        if (distance > tolerance && !contains) continue;
        scored.emplace_back(contains ? std::min(distance, tolerance) : distance, candidate);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (auto &[distance, candidate] : scored) {
        if (out.size() == limit) break;
        if (std::find(out.begin(), out.end(), candidate) == out.end()) out.push_back(std::move(candidate));
    }
    return out;
}

std::string didYouMean(const std::vector<std::string> &candidates)
{
    if (candidates.empty()) return "";
    if (candidates.size() == 1) return "did you mean '" + candidates.front() + "'?";
    std::string text = "did you mean one of ";
    for (std::size_t i = 0; i < candidates.size(); ++i) text += (i ? ", '" : "'") + candidates[i] + "'";
    return text + "?";
}

} // namespace liaison
