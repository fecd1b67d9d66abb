#include "liaison/printable.hpp"

#include <cstdint>

namespace liaison {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

void escapeByte(std::string &out, unsigned char byte)
{
    out += "\\x";
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
}

void escapeCodePoint(std::string &out, std::uint32_t cp)
{
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 15];
}

// Characters that are invisible but change what the terminal shows, and the
// two noncharacters XML cannot hold (labels go into SVG).
bool isHiddenControl(std::uint32_t cp)
{
    return (cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF || cp == 0x061C || cp == 0x200E || cp == 0x200F || cp == 0x2028 ||
           cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

// Length of the well-formed UTF-8 sequence at `p` (2..4), or 0.
std::size_t sequenceLength(std::string_view text, std::size_t i, std::uint32_t &cp)
{
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t length;
    if ((c & 0xE0) == 0xC0) length = 2, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) length = 3, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) length = 4, cp = c & 0x07;
    else return 0;
    if (i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (next & 0x3F);
    }
    static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return length;
}

} // namespace

std::string printableText(std::string_view text, LineBreaks lineBreaks)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            bool keep = (c >= 0x20 && c != 0x7F) || (lineBreaks == LineBreaks::Keep && (c == '\n' || c == '\t'));
            if (keep) out += static_cast<char>(c);
            else escapeByte(out, c);
            ++i;
            continue;
        }
        std::uint32_t cp = 0;
        std::size_t length = sequenceLength(text, i, cp);
        if (length == 0) {
            escapeByte(out, c);
            ++i;
            continue;
        }
        if (isHiddenControl(cp)) escapeCodePoint(out, cp);
        else out.append(text.substr(i, length));
        i += length;
    }
    return out;
}

std::size_t completeUtf8Prefix(std::string_view text)
{
    // Look back at most 3 bytes for the lead byte of an unfinished sequence.
    for (std::size_t back = 1; back <= 3 && back <= text.size(); ++back) {
        auto c = static_cast<unsigned char>(text[text.size() - back]);
        if ((c & 0xC0) == 0x80) continue; // continuation: keep looking
        std::size_t need = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
        return need > back ? text.size() - back : text.size();
    }
    return text.size();
}

} // namespace liaison
