// The one sanitiser for human-readable output (issue 10, case 9): text from
// a user's files shown on a terminal or in a one-line message can carry no
// escape sequence, no invisible reordering and no line break of its own.
#pragma once

#include <string>
#include <string_view>

namespace liaison {

enum class LineBreaks {
    Escape, // one-line messages: \n and \t are escaped too
    Keep    // multi-line output: \n and \t pass, every other control is escaped
};

// `text` with each control character shown escaped: C0 and DEL as \xHH, C1
// controls, bidirectional overrides and isolates (U+202A..U+202E,
// U+2066..U+2069, U+200E, U+200F, U+061C) and line/paragraph separators as
// \uHHHH, bytes that are not UTF-8 as \xHH. Everything else is unchanged.
std::string printableText(std::string_view text, LineBreaks lineBreaks = LineBreaks::Escape);

// Length of the prefix of `text` that printableText can decide on now: all
// but an incomplete UTF-8 sequence at the very end (for streams fed in pieces).
std::size_t completeUtf8Prefix(std::string_view text);

} // namespace liaison
