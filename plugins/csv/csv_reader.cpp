#include "csv_reader.hpp"

#include "liaison/plugin.hpp"

namespace liaison::loaders {

char guessDelimiter(std::string_view text)
{
    const char candidates[] = {',', ';', '\t', '|'};
    std::size_t counts[4] = {};
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n') break;
        for (int i = 0; i < 4; ++i)
            if (c == candidates[i]) ++counts[i];
    }
    int best = 0;
    for (int i = 1; i < 4; ++i)
        if (counts[i] > counts[best]) best = i;
    if (counts[best] > 0) return candidates[best];
    // Gephi also reads space-separated tables ("Source Target Type").
    auto nl = text.find('\n');
    return text.substr(0, nl).find(' ') != std::string_view::npos ? ' ' : ',';
}

bool CsvReader::next(CsvRow &row)
{
    row.fields.clear();
    // Skip blank lines between rows.
    while (m_pos < m_text.size() && (m_text[m_pos] == '\n' || m_text[m_pos] == '\r')) {
        if (m_text[m_pos] == '\n') {
            ++m_line;
            m_lineStart = m_pos + 1;
        }
        ++m_pos;
    }
    if (m_pos >= m_text.size()) return false;
    row.line = m_line;
    std::string field;
    for (;;) {
        field.clear();
        if (m_pos < m_text.size() && m_text[m_pos] == '"') {
            std::uint32_t qLine = m_line, qCol = static_cast<std::uint32_t>(m_pos - m_lineStart + 1);
            ++m_pos;
            for (;;) {
                if (m_pos >= m_text.size())
                    throw plugin::LoadError({qLine, qCol, {}}, "unterminated quoted field");
                char c = m_text[m_pos++];
                if (c == '"') {
                    if (m_pos < m_text.size() && m_text[m_pos] == '"') {
                        field += '"';
                        ++m_pos;
                        continue;
                    }
                    break;
                }
                if (c == '\n') {
                    ++m_line;
                    m_lineStart = m_pos;
                }
                field += c;
            }
            if (m_pos < m_text.size() && m_text[m_pos] != m_delimiter && m_text[m_pos] != '\n' &&
                m_text[m_pos] != '\r')
                throw plugin::LoadError({m_line, static_cast<std::uint32_t>(m_pos - m_lineStart + 1), {}},
                                        "text after the closing quote of a field");
            // Liaison's CSV export writes a quoted cell that a spreadsheet
            // would run as a formula (= + - @ tab CR), or that starts with
            // ' before one of those, with one ' in front (core/src/export/
            // csv_export.cpp); take it off again so a round trip is exact.
            if (field.size() > 1 && field[0] == '\'' &&
                std::string_view("=+-@\t\r'").find(field[1]) != std::string_view::npos)
                field.erase(0, 1);
        } else {
            while (m_pos < m_text.size() && m_text[m_pos] != m_delimiter && m_text[m_pos] != '\n') {
                if (m_text[m_pos] == '\r' && (m_pos + 1 >= m_text.size() || m_text[m_pos + 1] == '\n')) {
                    ++m_pos;
                    continue;
                }
                field += m_text[m_pos++];
            }
        }
        row.fields.push_back(std::move(field));
        if (m_pos < m_text.size() && m_text[m_pos] == '\r') ++m_pos;
        if (m_pos >= m_text.size()) return true;
        if (m_text[m_pos] == m_delimiter) {
            ++m_pos;
            continue;
        }
        // '\n': end of the row
        ++m_pos;
        ++m_line;
        m_lineStart = m_pos;
        return true;
    }
}

} // namespace liaison::loaders
