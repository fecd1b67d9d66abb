#include "json/json_dom.hpp"

#include <algorithm>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace liaison::json {

const Node *Node::member(std::string_view key) const
{
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i] == key) return &values[i];
    return nullptr;
}

std::size_t Node::memberOffset(std::string_view key) const
{
    const Node *value = member(key);
    return value ? value->offset : offset;
}

const char *typeName(Node::Type type)
{
    switch (type) {
    case Node::Type::Null: return "null";
    case Node::Type::Bool: return "a boolean";
    case Node::Type::Number: return "a number";
    case Node::Type::String: return "a string";
    case Node::Type::Object: return "an object";
    case Node::Type::Array: return "an array";
    }
    return "a value";
}

static void writeNode(const Node &node, rapidjson::Writer<rapidjson::StringBuffer> &writer)
{
    switch (node.type) {
    case Node::Type::Null: writer.Null(); return;
    case Node::Type::Bool: writer.Bool(node.text == "true"); return;
    case Node::Type::Number:
        writer.RawValue(node.text.data(), node.text.size(), rapidjson::kNumberType);
        return;
    case Node::Type::String:
        writer.String(node.text.data(), static_cast<rapidjson::SizeType>(node.text.size()));
        return;
    case Node::Type::Object:
        writer.StartObject();
        for (std::size_t i = 0; i < node.keys.size(); ++i) {
            writer.Key(node.keys[i].data(), static_cast<rapidjson::SizeType>(node.keys[i].size()));
            writeNode(node.values[i], writer);
        }
        writer.EndObject();
        return;
    case Node::Type::Array:
        writer.StartArray();
        for (const Node &item : node.values) writeNode(item, writer);
        writer.EndArray();
        return;
    }
}

std::string toRawJson(const Node &node)
{
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    writeNode(node, writer);
    return {buffer.GetString(), buffer.GetSize()};
}

Position positionOf(std::string_view text, std::size_t offset) { return positionsOf(text, {offset}).front(); }

std::vector<Position> positionsOf(std::string_view text, const std::vector<std::size_t> &offsets)
{
    std::vector<std::size_t> order(offsets.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&offsets](std::size_t a, std::size_t b) { return offsets[a] < offsets[b]; });
    std::vector<Position> out(offsets.size());
    Position position;
    std::size_t at = 0;
    for (std::size_t index : order) {
        const std::size_t offset = std::min(offsets[index], text.size());
        for (; at < offset; ++at) {
            auto c = static_cast<unsigned char>(text[at]);
            if (c == '\n') {
                ++position.line;
                position.column = 1;
            } else if ((c & 0xC0) != 0x80) {
                ++position.column;
            }
        }
        out[index] = position;
    }
    return out;
}

} // namespace liaison::json
