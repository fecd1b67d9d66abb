// RFC 4180 reader: quoted fields with "" escapes and line breaks, CRLF or
// LF, a delimiter chosen from the header line. Positions are 1-based.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace liaison::loaders {

struct CsvRow {
    std::vector<std::string> fields;
    std::uint32_t line = 0; // line of the row's first byte
};

class CsvReader {
public:
    // `text` must outlive the reader; a UTF-8 BOM must already be stripped.
    CsvReader(std::string_view text, char delimiter) : m_text(text), m_delimiter(delimiter) {}
    // Reads the next non-empty row; false at the end. Throws plugin::LoadError
    // for an unterminated quote or text after a closing quote.
    bool next(CsvRow &row);

private:
    std::string_view m_text;
    char m_delimiter;
    std::size_t m_pos = 0;
    std::uint32_t m_line = 1;
    std::size_t m_lineStart = 0;
};

// ',' ';' '\t' or '|': the one that occurs most outside quotes in the first
// line; ' ' when none does and the line has spaces; else ','.
char guessDelimiter(std::string_view text);

} // namespace liaison::loaders
