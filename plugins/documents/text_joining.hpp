// Small text rules of document_text (internal): CJK detection, joining a
// line the layout wrapped, running header/footer recognition.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace liaison::documents {

// The code point starting at s[i] (UTF-8; 0xFFFD for a broken sequence) and its length.
inline char32_t codePointAt(std::string_view s, std::size_t i, std::size_t &length)
{
    auto u = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = u(i);
    length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + length > s.size() || (c >= 0x80 && c < 0xC0)) {
        length = 1;
        return 0xFFFD;
    }
    if (length == 1) return c;
    char32_t cp = c & (0x3F >> (length - 1));
    for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (u(i + k) & 0x3F);
    return cp;
}

// Han, kana, hangul, CJK and full-width punctuation: text written without spaces.
inline bool isCjk(char32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x2FFFF);
}

inline bool startsWithCjk(std::string_view s)
{
    std::size_t n = 0;
    return !s.empty() && isCjk(codePointAt(s, 0, n));
}

inline char32_t lastCodePoint(std::string_view s)
{
    std::size_t i = s.size();
    while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
    if (i == 0) return 0;
    std::size_t n = 0;
    return codePointAt(s, i - 1, n);
}

inline bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Appends the continuation of a wrapped line: "infor-" + "mation" ->
// "information"; CJK + CJK without a space; otherwise one space.
inline void joinWrapped(std::string &line, std::string_view next)
{
    if (line.size() >= 2 && line.back() == '-' && isAsciiLetter(line[line.size() - 2]) && !next.empty() &&
        next.front() >= 'a' && next.front() <= 'z') {
        line.pop_back();
        line += next;
        return;
    }
    if (isCjk(lastCodePoint(line)) || startsWithCjk(next)) {
        line += next;
        return;
    }
    if (!line.empty() && !next.empty()) line += ' ';
    line += next;
}

// True when `line` ends a sentence: . ! ? : or their full-width forms.
inline bool endsSentence(std::string_view line)
{
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    char32_t last = lastCodePoint(line);
    return last == '.' || last == '!' || last == '?' || last == ':' || last == U'。' || last == U'！' ||
           last == U'？' || last == U'：';
}

// The text with every run of digits as '#' and spaces removed, so running
// headers and footers that differ only by their page number compare equal.
inline std::string digitsMasked(std::string_view s)
{
    std::string out;
    for (char c : s) {
        if (c == ' ') continue;
        if (c >= '0' && c <= '9') {
            if (out.empty() || out.back() != '#') out += '#';
            continue;
        }
        out += c;
    }
    return out;
}

// A bare page number after digitsMasked: "#", "-#-", "Page#", "Page#of#",
// "#/#", "第#頁", "第#页", "p.#".
inline bool isPageNumber(std::string_view masked)
{
    for (std::string_view p : {"#", "-#-", "Page#", "page#", "Page#of#", "#/#", "第#頁", "第#页", "p.#", "P.#",
                               "第#頁，共#頁", "第#页，共#页", "-#/#-"})
        if (masked == p) return true;
    return false;
}

} // namespace liaison::documents
