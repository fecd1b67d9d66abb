#include "liaison/report/errors.hpp"
#include "liaison/report/records.hpp"

namespace liaison::report {

namespace {

const std::string *findAttribute(const Attributes &attributes, std::string_view key) {
    const auto it = attributes.find(key);
    return it == attributes.end() ? nullptr : &it->second;
}

} // namespace

const std::string *Entity::attribute(std::string_view key) const {
    return findAttribute(attributes, key);
}

const std::string *Relation::attribute(std::string_view key) const {
    return findAttribute(attributes, key);
}

TextError::TextError(std::string name, int line, int column, std::string message)
    : ExtractError(name + ':' + std::to_string(line) + ':' + std::to_string(column) + ": " + message),
      m_name(std::move(name)), m_line(line), m_column(column), m_message(std::move(message)) {}

} // namespace liaison::report
