// liaison archive status / conflicts: what the archive holds and where two
// pushes disagreed.
#include "../args.hpp"

#include "liaison/archive.hpp"

#include <iostream>

namespace liaison::cli {

int runStatus(const std::vector<std::string> &words)
{
    Args args(words, {}, {});
    archive::Archive db(args.positional(0, "URL"));
    args.expectAtMost(1);
    archive::ArchiveSummary s = db.summary();
    std::cout << db.describe() << ", schema version " << db.schemaVersion() << "\n"
              << "  " << s.sources << " sources, " << s.entities << " entities, " << s.relations << " relations, "
              << s.evidence << " evidence rows, " << s.conflicts << " conflicts, " << s.pushes << " pushes\n";
    for (const std::string &line : s.recentPushes) std::cout << "  " << line << "\n";
    return 0;
}

int runConflicts(const std::vector<std::string> &words)
{
    Args args(words, {}, {});
    archive::Archive db(args.positional(0, "URL"));
    args.expectAtMost(1);
    std::vector<archive::RecordedConflict> conflicts = db.conflicts();
    for (const archive::RecordedConflict &c : conflicts)
        std::cout << c.conflict.subject << "\t" << c.conflict.field << "\tarchive: " << c.conflict.archiveValue
                  << "\tincoming: " << c.conflict.incomingValue << "\t" << c.pushedBy << " " << c.recordedAt << "\n";
    if (conflicts.empty()) std::cerr << "no conflicts recorded\n";
    return 0;
}

} // namespace liaison::cli
