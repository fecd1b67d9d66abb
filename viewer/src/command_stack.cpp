#include "command_stack.hpp"

#include <utility>

namespace liaison::viewer {

namespace {
constexpr std::size_t kMaxEntries = 500;
}

void CommandStack::apply(DocState &current, std::string label, DocState next) {
    m_undo.push_back({std::move(label), std::move(current)});
    if (m_undo.size() > kMaxEntries)
        m_undo.erase(m_undo.begin());
    m_redo.clear();
    current = std::move(next);
}

bool CommandStack::undo(DocState &current) {
    if (m_undo.empty())
        return false;
    Entry entry = std::move(m_undo.back());
    m_undo.pop_back();
    m_redo.push_back({entry.label, std::move(current)});
    current = std::move(entry.state);
    return true;
}

bool CommandStack::redo(DocState &current) {
    if (m_redo.empty())
        return false;
    Entry entry = std::move(m_redo.back());
    m_redo.pop_back();
    m_undo.push_back({entry.label, std::move(current)});
    current = std::move(entry.state);
    return true;
}

void CommandStack::clear() {
    m_undo.clear();
    m_redo.clear();
}

std::string CommandStack::undoLabel() const { return m_undo.empty() ? std::string() : m_undo.back().label; }
std::string CommandStack::redoLabel() const { return m_redo.empty() ? std::string() : m_redo.back().label; }

} // namespace liaison::viewer
