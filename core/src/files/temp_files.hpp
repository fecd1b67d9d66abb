// Temp files of atomic saves: their names, their removal when the process is
// interrupted (SIGINT, SIGTERM, SIGHUP) and the removal of stale ones that a
// killed process left (issue 10, case 8). Internal to core.
#pragma once

#include <string>

namespace liaison::detail {

// "<dir>/.<name>.tmp-<pid>-XXXXXX", ready for mkstemp.
std::string tempTemplateFor(const std::string &directory, const std::string &fileName);

// Removes temps of `fileName` in `directory` whose process is gone. Never
// throws; a temp it cannot remove stays.
void removeStaleTemps(const std::string &directory, const std::string &fileName);

// While alive, `path` is unlinked if the process gets SIGINT, SIGTERM or
// SIGHUP; the signal then takes its previous course (handler or default).
// The handlers are installed while at least one registration lives.
class TempFileGuard {
public:
    explicit TempFileGuard(const std::string &path);
    ~TempFileGuard();
    TempFileGuard(const TempFileGuard &) = delete;
    TempFileGuard &operator=(const TempFileGuard &) = delete;

private:
    int m_slot = -1;
};

} // namespace liaison::detail
