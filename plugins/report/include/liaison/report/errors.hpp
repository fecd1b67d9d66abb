// Errors of the report extractor (its own: the library knows no core type).
// The loader turns them into the plugin ABI's located load errors; the tools
// report them as they are.
#pragma once

#include <stdexcept>
#include <string>

namespace liaison::report {

// The options or the data cannot be used: an unknown home country, a data
// folder that is missing or unreadable. what() says which and why.
class ExtractError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Text that is not valid UTF-8 (the report's, or a data file's).
// what() is "name:line:column: message"; line and column are 1-based, the
// column counts code points.
class TextError : public ExtractError {
public:
    TextError(std::string name, int line, int column, std::string message);
    const std::string &name() const { return m_name; }
    int line() const { return m_line; }
    int column() const { return m_column; }
    const std::string &message() const { return m_message; }

private:
    std::string m_name;
    int m_line;
    int m_column;
    std::string m_message;
};

} // namespace liaison::report
