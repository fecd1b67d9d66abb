// Text primitives of the report extractor: UTF-8 <-> UTF-32, character
// classes, and the document split into paragraphs and sentences with a line
// number for every character (so each fact can name its line).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace liaison::report {

using U32 = std::u32string;
using U32View = std::u32string_view;

// Decodes UTF-8. Throws TextError(displayName, line, column, ...) at the
// first invalid sequence (column counts code points, 1-based).
U32 decodeUtf8(std::string_view bytes, const std::string &displayName);
std::string toUtf8(U32View text);
U32 fromUtf8(std::string_view text); // for trusted (built-in/validated) text

bool isHan(char32_t c);
bool isLatin(char32_t c); // ASCII and Latin-1/Extended letters
bool isUpper(char32_t c);
bool isLower(char32_t c);
bool isDigit(char32_t c);
bool isSpace(char32_t c);
bool isCjkPunct(char32_t c);
// Full-width ASCII to ASCII, ideographic and no-break spaces to space, curly
// quotes to straight ones. One code point in, one out (offsets survive).
char32_t foldChar(char32_t c);
// Lower-cases ASCII only.
U32 asciiLower(U32View s);
U32 trim(U32View s);
// The first position at or after `i` that is not a space (t.size() at the end).
std::size_t skipSpaces(const U32 &t, std::size_t i);

// A paragraph: the text of consecutive source lines joined (a space between
// two Latin ends, nothing between CJK), each character's source line kept.
struct Paragraph {
    U32 text;              // folded (foldChar) text used for matching
    U32 original;          // the same characters as written, used for quotes
    std::vector<int> line; // 1-based source line of each character
    int level = 0;         // heading level (1 = 壹、, 2 = 一、, 3 = （一）, 4 = 1., 5 = (1)); 0 = body
    bool heading = false;  // a one-line numbered title
    std::size_t bodyStart = 0; // first character after the numbering marker
};

struct Sentence {
    std::size_t begin = 0;
    std::size_t end = 0;
};

std::vector<Paragraph> splitParagraphs(const std::vector<U32> &lines);
std::vector<Sentence> splitSentences(const Paragraph &paragraph);

// `word` (lower case) is written at `pos` of `t`, ASCII letters compared without case; a Latin
// word must stand alone (no Latin letter right before or after it).
bool wordAt(const U32 &t, std::size_t pos, U32View word);

} // namespace liaison::report
