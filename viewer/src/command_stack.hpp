// Undo/redo over whole DocState values (memento): every user change to the
// document is one entry. The store is shared between states, so an entry
// that only changes view edits costs a few sets.
#pragma once

#include "doc_state.hpp"

#include <string>
#include <vector>

namespace liaison::viewer {

class CommandStack {
public:
    // Records `current` as the state before `label`, then makes `next` current.
    // Clears the redo list.
    void apply(DocState &current, std::string label, DocState next);
    // Restores the previous state; false when there is none.
    bool undo(DocState &current);
    bool redo(DocState &current);
    void clear();

    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    // Label of the change undo() / redo() would revert / replay; empty if none.
    std::string undoLabel() const;
    std::string redoLabel() const;
    std::size_t depth() const { return m_undo.size(); }

private:
    struct Entry {
        std::string label;
        DocState state;
    };
    std::vector<Entry> m_undo;
    std::vector<Entry> m_redo;
};

} // namespace liaison::viewer
