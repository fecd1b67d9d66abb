#include "text.hpp"

#include "liaison/report/errors.hpp"

#include <algorithm>

namespace liaison::report {

U32 decodeUtf8(std::string_view bytes, const std::string &displayName) {
    U32 out;
    out.reserve(bytes.size());
    int line = 1;
    int column = 1;
    std::size_t i = 0;
    auto fail = [&](const char *what) {
        throw TextError(displayName, line, column, what);
    };
    while (i < bytes.size()) {
        const auto b0 = static_cast<unsigned char>(bytes[i]);
        char32_t cp = 0;
        int extra = 0;
        if (b0 < 0x80) {
            cp = b0;
        } else if (b0 >= 0xC2 && b0 <= 0xDF) {
            cp = b0 & 0x1F;
            extra = 1;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            cp = b0 & 0x0F;
            extra = 2;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            cp = b0 & 0x07;
            extra = 3;
        } else {
            fail("invalid UTF-8: unexpected byte");
        }
        for (int k = 1; k <= extra; ++k) {
            if (i + k >= bytes.size())
                fail("invalid UTF-8: truncated sequence");
            const auto b = static_cast<unsigned char>(bytes[i + k]);
            if ((b & 0xC0) != 0x80)
                fail("invalid UTF-8: bad continuation byte");
            cp = (cp << 6) | (b & 0x3F);
        }
        if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            fail("invalid UTF-8: overlong or out-of-range sequence");
        if (cp >= 0xD800 && cp <= 0xDFFF)
            fail("invalid UTF-8: encoded surrogate");
        out.push_back(cp);
        i += 1 + extra;
        if (cp == U'\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return out;
}

std::string toUtf8(U32View text) {
    std::string out;
    out.reserve(text.size() * 3);
    for (char32_t c : text) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

U32 fromUtf8(std::string_view text) { return decodeUtf8(text, "<built-in>"); }

bool isHan(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x2FFFF);
}
bool isUpper(char32_t c) { return (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7); }
bool isLower(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7); }
bool isLatin(char32_t c) { return isUpper(c) || isLower(c) || (c >= 0x100 && c <= 0x24F); }
bool isDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool isSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\r' || c == U'\f' || c == U'\v'; }
bool isCjkPunct(char32_t c) { return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF65) || c == 0x2027; }

char32_t foldChar(char32_t c) {
    if (c >= 0xFF01 && c <= 0xFF5E)
        return c - 0xFEE0;
    if (c == 0x3000 || c == 0xA0 || c == 0x2002 || c == 0x2003 || c == 0x2009)
        return U' ';
    if (c == 0x2018 || c == 0x2019)
        return U'\'';
    if (c == 0x201C || c == 0x201D)
        return U'"';
    if (c == 0x2013 || c == 0x2014 || c == 0x2212)
        return U'-';
    return c;
}

U32 asciiLower(U32View s) {
    U32 out(s);
    for (auto &c : out)
        if (c >= U'A' && c <= U'Z')
            c += 32;
    return out;
}

std::size_t skipSpaces(const U32 &t, std::size_t i) {
    while (i < t.size() && isSpace(t[i]))
        ++i;
    return i;
}

U32 trim(U32View s) {
    std::size_t b = 0;
    std::size_t e = s.size();
    while (b < e && isSpace(s[b]))
        ++b;
    while (e > b && isSpace(s[e - 1]))
        --e;
    return U32(s.substr(b, e - b));
}

namespace {

int displayWidth(U32View s) {
    int w = 0;
    for (char32_t c : s)
        w += (isHan(c) || isCjkPunct(c)) ? 2 : 1;
    return w;
}

bool isWide(char32_t c) { return isHan(c) || isCjkPunct(c); }

const U32 kUpperNumerals = U"壹貳參肆伍陸柒捌玖拾";
const U32 kNumerals = U"一二三四五六七八九十";

// Recognises a numbering marker at the start of a (trimmed, folded) line:
// returns the heading level and sets `length` to the marker's length.
int markerLevel(U32View s, std::size_t &length) {
    std::size_t i = 0;
    auto run = [&](const U32 &set) {
        while (i < s.size() && set.find(s[i]) != U32::npos)
            ++i;
        return i;
    };
    if (run(kUpperNumerals) > 0 && i < s.size() && s[i] == U'、') {
        length = i + 1;
        return 1;
    }
    i = 0;
    if (run(kNumerals) > 0 && i < s.size() && s[i] == U'、') {
        length = i + 1;
        return 2;
    }
    if (!s.empty() && s[0] == U'(') {
        i = 1;
        if (run(kNumerals) > 1 && i < s.size() && s[i] == U')') {
            length = i + 1;
            return 3;
        }
        i = 1;
        while (i < s.size() && isDigit(s[i]))
            ++i;
        if (i > 1 && i < s.size() && s[i] == U')') {
            length = i + 1;
            return 5;
        }
        return 0;
    }
    i = 0;
    while (i < s.size() && isDigit(s[i]))
        ++i;
    if (i > 0 && i <= 2 && i < s.size() && (s[i] == U'.' || s[i] == U'、') &&
        (i + 1 >= s.size() || !isDigit(s[i + 1]))) {
        length = i + 1;
        return 4;
    }
    return 0;
}

// "時間:", "出席人員:", "Date:" — a short label opening a paragraph.
bool startsWithLabel(U32View s) {
    const auto colon = s.find(U':');
    if (colon == U32::npos || colon == 0 || colon > 10)
        return false;
    for (std::size_t i = 0; i < colon; ++i)
        if (!(isHan(s[i]) || isLatin(s[i]) || s[i] == U' '))
            return false;
    return true;
}

bool isTocOrPageNumber(U32View s) {
    if (s.find(U".....") != U32::npos || s.find(U"……") != U32::npos)
        return true;
    return std::all_of(s.begin(), s.end(), [](char32_t c) { return isDigit(c) || isSpace(c); });
}

bool endsSentence(char32_t c) { return c == U'。' || c == U'!' || c == U'?' || c == U':' || c == U'.'; }

} // namespace

std::vector<Paragraph> splitParagraphs(const std::vector<U32> &rawLines) {
    struct Line {
        U32 text;     // folded, trimmed
        U32 original; // trimmed
        int number;
        bool blankBefore;
        bool gapBefore; // two or more blank lines before
    };
    std::vector<Line> lines;
    bool blank = false;
    int blankRun = 0;
    int blanks = 0;
    int gaps = 0;
    for (std::size_t n = 0; n < rawLines.size(); ++n) {
        U32 original = trim(rawLines[n]);
        U32 folded = original;
        for (auto &c : folded)
            c = foldChar(c);
        const U32 t = trim(folded);
        if (t.empty()) {
            blank = true;
            ++blankRun;
            continue;
        }
        if (isTocOrPageNumber(t)) {
            blankRun = 0; // the blanks around a page number are one page break, no gap
            continue;
        }
        // Keep original and folded the same length: trim both by the same count.
        std::size_t lead = 0;
        while (lead < folded.size() && isSpace(folded[lead]))
            ++lead;
        folded = folded.substr(lead, t.size());
        original = original.substr(lead, t.size());
        if (blank && !lines.empty())
            ++blanks;
        if (blankRun >= 2 && !lines.empty())
            ++gaps;
        lines.push_back({folded, original, static_cast<int>(n) + 1, blank, blankRun >= 2});
        blank = false;
        blankRun = 0;
    }
    // Blank lines separate paragraphs unless the text puts one after nearly every line; then a
    // run of two or more still does (hard-wrapped text: one blank after each line, two between
    // paragraphs), unless that too comes after nearly every line.
    const bool blanksMatter = lines.size() < 4 || blanks * 10 < static_cast<int>(lines.size()) * 8;
    const bool gapsMatter = !blanksMatter && gaps * 10 < static_cast<int>(lines.size()) * 8;
    std::vector<int> widths;
    for (const auto &l : lines)
        widths.push_back(displayWidth(l.text));
    std::vector<int> sorted = widths;
    std::sort(sorted.begin(), sorted.end());
    const int typical = sorted.empty() ? 0 : sorted[sorted.size() * 3 / 4];

    std::vector<Paragraph> out;
    bool open = false;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const Line &l = lines[k];
        std::size_t markerLength = 0;
        const int level = markerLevel(l.text, markerLength);
        const bool figure = l.text.rfind(U"圖", 0) == 0 || l.text.rfind(U"Figure", 0) == 0;
        const bool startNew = !open || level > 0 || startsWithLabel(l.text) || figure || (blanksMatter && l.blankBefore) ||
                              (gapsMatter && l.gapBefore);
        if (startNew) {
            out.emplace_back();
            out.back().level = level;
            out.back().bodyStart = markerLength;
            open = true;
        }
        Paragraph &p = out.back();
        if (!p.text.empty() && !isWide(p.text.back()) && !isWide(l.text.front())) {
            p.text.push_back(U' ');
            p.original.push_back(U' ');
            p.line.push_back(p.line.back());
        }
        p.text += l.text;
        p.original += l.original;
        p.line.insert(p.line.end(), l.text.size(), l.number);
        const bool shortLine = widths[k] * 10 < typical * 7;
        const bool firstLine = startNew;
        if (firstLine && level > 0 && shortLine && !endsSentence(l.text.back()) && l.text.back() != U'。')
            p.heading = true;
        // An unnumbered title: one short line standing alone between blank lines.
        const bool alone = blanksMatter && (l.blankBefore || k == 0);
        if (firstLine && level == 0 && alone && shortLine && !endsSentence(l.text.back()) && l.text.back() != U'。' &&
            !startsWithLabel(l.text)) {
            p.heading = true;
            p.level = 6;
        }
        if (shortLine || figure || l.text.back() == U':' || (!p.heading && l.text.back() == U'。' && widths[k] * 10 < typical * 9))
            open = false;
        if (p.heading)
            open = false;
    }
    return out;
}

namespace {

bool isAbbreviation(U32View token) {
    static const std::vector<U32> known = {U"prof", U"dr",  U"mr",  U"mrs", U"ms",   U"acad", U"st",  U"univ",
                                           U"pro",  U"jr",  U"sr",  U"no",  U"vol",  U"etc",  U"vs",  U"inc",
                                           U"ltd",  U"co",  U"dept", U"mt", U"gov",  U"sept", U"sep", U"oct",
                                           U"nov",  U"dec", U"jan", U"feb", U"mar",  U"apr",  U"jun", U"jul",
                                           U"aug",  U"hon", U"amb", U"e.g", U"i.e", U"fig", U"corp"};
    if (token.size() == 1)
        return true; // an initial
    if (token.find(U'.') != U32::npos)
        return true; // U.S.A, A.G
    const U32 lower = asciiLower(token);
    return std::find(known.begin(), known.end(), lower) != known.end();
}

} // namespace

std::vector<Sentence> splitSentences(const Paragraph &p) {
    std::vector<Sentence> out;
    const U32 &s = p.text;
    std::size_t begin = 0;
    auto push = [&](std::size_t end) {
        std::size_t b = begin;
        while (b < end && isSpace(s[b]))
            ++b;
        if (end > b)
            out.push_back({b, end});
        begin = end;
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char32_t c = s[i];
        if (c == U'。' || c == U'!' || c == U'?' || c == U';' || c == U'!') {
            push(i + 1);
            continue;
        }
        if (c != U'.')
            continue;
        if (i + 1 < s.size() && !isSpace(s[i + 1]))
            continue;
        std::size_t t = i;
        while (t > begin && (isLatin(s[t - 1]) || s[t - 1] == U'.'))
            --t;
        if (t < i && isAbbreviation(U32View(s).substr(t, i - t)))
            continue;
        std::size_t n = i + 1;
        while (n < s.size() && isSpace(s[n]))
            ++n;
        if (n < s.size() && !(isUpper(s[n]) || isHan(s[n]) || isDigit(s[n])))
            continue;
        push(i + 1);
    }
    push(s.size());
    return out;
}

bool wordAt(const U32 &t, std::size_t pos, U32View word) {
    if (pos + word.size() > t.size())
        return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        char32_t a = t[pos + i];
        if (a >= U'A' && a <= U'Z')
            a += 32;
        if (a != word[i])
            return false;
    }
    const bool latin = isLatin(word.front());
    return !latin || ((pos == 0 || !isLatin(t[pos - 1])) &&
                      (pos + word.size() >= t.size() || !isLatin(t[pos + word.size()])));
}

} // namespace liaison::report
