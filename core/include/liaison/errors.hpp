// Typed errors of the core. Each carries what the user needs to act: the
// file, the 1-based line and column where known, and what was expected.
// The CLI maps them to exit code 1 (user error); anything else is exit 2.
#pragma once

#include <stdexcept>
#include <string>

namespace liaison {

// Base of every error caused by the user's input or request.
class UserError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A located problem in an input file. what() is "file:line:col: message".
class ParseError : public UserError {
public:
    ParseError(std::string file, int line, int column, std::string message);
    const std::string &file() const { return m_file; }
    int line() const { return m_line; }
    int column() const { return m_column; }
    const std::string &message() const { return m_message; }

private:
    std::string m_file;
    int m_line;
    int m_column;
    std::string m_message;
};

// A reference to an entity that matches nothing, or more than one entity.
class LookupError : public UserError {
public:
    using UserError::UserError;
};

// A file could not be read or written (names the path and the OS reason).
class IoError : public UserError {
public:
    using UserError::UserError;
};

// Work that would exceed a limit the user can change (a memory budget), or
// an allocation that failed: names what was being done and how far it got.
// Nothing was changed.
class ResourceError : public UserError {
public:
    using UserError::UserError;
};

// The graph refused a change that would break what it promises (graph_store.hpp):
// an empty or duplicate entity id, a relation to an entity it does not hold,
// a redirect onto a live id or onto itself, a value Liaison JSON cannot hold
// (storable.hpp). Readers and importers check first and report a located
// ParseError; this is what reaches the user when a command asks the store
// for something their input makes impossible. Nothing was changed.
class GraphError : public UserError {
public:
    using UserError::UserError;
};

// Graphviz refused a graph or a layout; names the engine and its messages.
class LayoutError : public UserError {
public:
    using UserError::UserError;
};

} // namespace liaison
