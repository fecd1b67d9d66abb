// Small text helpers shared by Liaison's own loaders (header-only, so each
// module stays self-contained). Not part of the plugin SDK.
#pragma once

#include "liaison/plugin.hpp"

#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>

namespace liaison::loaders {

inline std::string lower(std::string_view s)
{
    std::string out(s);
    for (char &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

inline std::string_view trim(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

inline std::string_view stripBom(std::string_view s)
{
    return s.substr(0, 3) == "\xEF\xBB\xBF" ? s.substr(3) : s;
}

// True for a JSON number literal ("-1", "3.10", "2e5"; not "007", "1.", "inf").
inline bool isJsonNumber(std::string_view s)
{
    std::size_t i = 0;
    auto digits = [&] {
        std::size_t start = i;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
        return i > start;
    };
    if (i < s.size() && s[i] == '-') ++i;
    if (i >= s.size()) return false;
    if (s[i] == '0') ++i;
    else if (!digits()) return false;
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (!digits()) return false;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (!digits()) return false;
    }
    return i == s.size();
}

// A value whose type is guessed from its text: numbers and booleans keep
// their type, everything else is a string.
inline plugin::Attribute guessedAttribute(std::string key, std::string_view value)
{
    if (isJsonNumber(value)) return {std::move(key), std::string(value), LIAISON_VALUE_NUMBER};
    if (value == "true" || value == "false") return {std::move(key), std::string(value), LIAISON_VALUE_BOOL};
    return {std::move(key), std::string(value), LIAISON_VALUE_STRING};
}

// Turns a header or key name into a kind: lower case, spaces to '_'.
inline std::string kindFromName(std::string_view name)
{
    std::string out;
    for (char c : trim(name)) {
        unsigned char u = static_cast<unsigned char>(c);
        out += std::isspace(u) ? '_' : static_cast<char>(std::tolower(u));
    }
    return out;
}

// True when `s` is well-formed UTF-8 as far as its lead and continuation
// bytes go (overlongs and surrogates are the host's to refuse).
inline bool validUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        int n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0 || i + static_cast<std::size_t>(n) >= s.size() + (n == 0 ? 1 : 0)) return false;
        for (int k = 1; k <= n; ++k)
            if ((static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0xC0) != 0x80) return false;
        i += static_cast<std::size_t>(n) + 1;
    }
    return true;
}

// 1-based line and column of byte `offset` in `text` (column in bytes).
inline plugin::Location locate(std::string_view text, std::size_t offset)
{
    plugin::Location loc;
    loc.line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n') {
            ++loc.line;
            lineStart = i + 1;
        }
    loc.column = static_cast<std::uint32_t>(offset - lineStart + 1);
    return loc;
}

} // namespace liaison::loaders
