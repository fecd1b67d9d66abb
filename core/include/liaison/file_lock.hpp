// Cross-process serialisation of updates to one file (issue 10, case 3).
//
// An UpdateLock is an advisory lock (flock) on the file a command is about to
// read, change and save (`import --into G.json -o G.json`): take it before
// reading and keep it until the save's rename is done. Every save of a file
// (writeFileAtomically, saveLiaisonJsonFile) takes the same lock for the
// length of its write and rename, unless this process already holds it, so
// two Liaison processes updating one graph run one after the other and
// neither update is lost.
#pragma once

#include <string>

namespace liaison {

class UpdateLock {
public:
    // Locks the file `path` resolves to (symlinks followed), waiting for any
    // other holder. A path that does not exist yet locks nothing (a new file
    // has no earlier content to lose). Throws IoError naming the path when
    // the file exists but cannot be opened or locked.
    explicit UpdateLock(const std::string &path);
    ~UpdateLock();
    UpdateLock(const UpdateLock &) = delete;
    UpdateLock &operator=(const UpdateLock &) = delete;

    bool held() const { return m_fd >= 0; }

private:
    int m_fd = -1;
};

// True when the two paths name the same existing file (same device and
// inode, symlinks followed).
bool sameFile(const std::string &a, const std::string &b);

} // namespace liaison
