// What Graphviz reports through agerr ("Warning: ..." / "Error: ..."),
// collected into one process-wide buffer. cgraph's error callback is
// process-wide and Graphviz is not re-entrant: callers serialise their
// Graphviz calls (core holds graphviz::Lock; the plugin host runs loaders one
// at a time). A loader module has its own copy of this buffer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace graphviz_messages {

// Makes the collector cgraph's agerr callback for the rest of the process
// (and reports warnings as well as errors). Idempotent.
void install();

// Makes the collector the callback for its lifetime and then puts back the
// one that was there; clears the buffer on entry.
class Scope {
public:
    Scope();
    ~Scope();
    Scope(const Scope &) = delete;
    Scope &operator=(const Scope &) = delete;

private:
    int (*m_previous)(char *);
};

// Everything collected since the last take, as Graphviz wrote it. Clears.
std::string take();
// take(), one message per non-blank line.
std::vector<std::string> takeLines();

} // namespace graphviz_messages
