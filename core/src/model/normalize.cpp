#include "liaison/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace liaison {

std::string foldText(std::string_view text)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *nfkcCasefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    icu::UnicodeString input = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    icu::UnicodeString folded = U_SUCCESS(status) ? nfkcCasefold->normalize(input, status) : input;
    if (U_FAILURE(status)) folded = input;

    // Whitespace and punctuation (ASCII and CJK: ，。、（）「」・ ...) fold to one space.
    icu::UnicodeString spaced;
    bool pendingSpace = false;
    for (int32_t i = 0; i < folded.length();) {
        UChar32 c = folded.char32At(i);
        i += U16_LENGTH(c);
        if (u_isUWhiteSpace(c) || u_ispunct(c) || c == '+' || c == '|' || c == '~') {
            pendingSpace = !spaced.isEmpty();
            continue;
        }
        if (pendingSpace) spaced.append(UChar32(' '));
        pendingSpace = false;
        spaced.append(c);
    }
    std::string out;
    spaced.toUTF8String(out);
    return out;
}

const std::vector<std::string> &knownTitles()
{
    // Longest first so 副教授 is removed before 教授.
    static const std::vector<std::string> titles = [] {
        std::vector<std::string> list{
            "prof", "professor", "dr", "mr", "mrs", "ms", "miss", "madam", "mme", "sir", "acad", "academician",
            "hon", "assoc", "associate", "h e", "his excellency", "her excellency",
            "副教授", "助理教授", "教授", "副處長", "處長", "副司長", "司長", "副主任委員",
            "主任委員", "副主任", "主任", "副主席", "主席", "副院長", "院長", "副校長", "校長",
            "副部長", "部長", "副局長", "局長", "理事長", "秘書長", "執行長", "資訊長", "博士",
            "先生", "女士", "小姐", "夫人", "研究員", "副研究員", "組長", "科長", "專員", "總監", "經理",
            "董事長", "總經理", "大使", "副總裁", "總裁"};
        std::sort(list.begin(), list.end(),
                  [](const std::string &a, const std::string &b) { return a.size() > b.size(); });
        return list;
    }();
    return titles;
}

static bool isAsciiWord(const std::string &s)
{
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x80; });
}

NormalizedName normalizeName(std::string_view name)
{
    NormalizedName result;
    std::string key = foldText(name);
    for (const std::string &title : knownTitles()) {
        if (isAsciiWord(title)) {
            // Latin honorifics are whole words: "dr x" or "x dr".
            // Built by append: GCC 12 warns falsely (-Wrestrict) on " " + s + " ".
            std::string padded(1, ' '), needle(1, ' ');
            padded.append(key).push_back(' ');
            needle.append(title).push_back(' ');
            std::size_t at = padded.find(needle);
            if (at == std::string::npos) continue;
            result.titles.push_back(title);
            padded.erase(at + 1, needle.size() - 1); // " title " becomes " "
            key = padded.substr(1, padded.size() > 2 ? padded.size() - 2 : 0);
            continue;
        }
        // CJK titles stand anywhere: 莊副處長明芬, 廖洲棚副教授. Keep at least one char.
        std::size_t at = key.find(title);
        if (at == std::string::npos || key.size() == title.size()) continue;
        result.titles.push_back(title);
        key.erase(at, title.size());
    }
    // Collapse spaces left by removals.
    std::string collapsed;
    for (char c : key) {
        if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
        collapsed.push_back(c);
    }
    while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
    result.key = collapsed.empty() ? foldText(name) : collapsed;
    return result;
}

} // namespace liaison
