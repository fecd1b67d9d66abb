#include "liaison/errors.hpp"

namespace liaison {

static std::string located(const std::string &file, int line, int column, const std::string &message)
{
    std::string text = file;
    for (int part : {line, column}) {
        if (part <= 0) break;
        text.push_back(':');
        text.append(std::to_string(part));
    }
    text.append(": ");
    text.append(message);
    return text;
}

ParseError::ParseError(std::string file, int line, int column, std::string message)
    : UserError(located(file, line, column, message)), m_file(std::move(file)), m_line(line),
      m_column(column), m_message(std::move(message))
{
}

} // namespace liaison
