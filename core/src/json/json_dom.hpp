// A small JSON tree with source offsets, built by a RapidJSON SAX reader.
// RapidJSON's own DOM forgets where values were; error messages need
// file:line:col, so every node remembers the offset where it ends.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace liaison::json {

struct Node {
    enum class Type { Null, Bool, Number, String, Object, Array };
    Type type = Type::Null;
    std::string text;             // string value, number literal, "true"/"false"
    std::vector<std::string> keys; // object member names, in order
    std::vector<Node> values;     // object member values (parallel to keys) or array items
    std::size_t offset = 0;       // byte offset in the document (start of containers)

    const Node *member(std::string_view key) const;
    Node *member(std::string_view key) { return const_cast<Node *>(std::as_const(*this).member(key)); }
    std::size_t memberOffset(std::string_view key) const;
};

const char *typeName(Node::Type type);
// Compact JSON text of a node (for keeping unknown values verbatim).
std::string toRawJson(const Node &node);

// 1-based line and column (in code points) of a byte offset.
struct Position {
    int line = 1;
    int column = 1;
};
Position positionOf(std::string_view text, std::size_t offset);
// The positions of many offsets (any order) in one pass over the text.
std::vector<Position> positionsOf(std::string_view text, const std::vector<std::size_t> &offsets);

} // namespace liaison::json
