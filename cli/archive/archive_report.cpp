// liaison archive status / conflicts / resolve: what the archive holds, where
// two pushes disagreed, and a person settling it.
#include "../args.hpp"
#include "../query.hpp"

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
              << s.evidence << " evidence rows, " << s.conflicts << " open conflicts, " << s.pushes << " pushes\n";
    for (const std::string &line : s.recentPushes) std::cout << "  " << line << "\n";
    return 0;
}

namespace {

std::string sideText(const archive::RecordedConflict &c)
{
    return "'" + c.conflict.archiveValue + "' in the archive, '" + c.conflict.incomingValue + "' incoming";
}

void writeConflict(JsonOut &out, const archive::RecordedConflict &c)
{
    auto &w = out.w();
    w.StartObject();
    out.key("id"), w.Int64(c.id);
    out.key("subject"), out.string(c.conflict.subject);
    out.key("field"), out.string(c.conflict.field);
    out.key("archive_value"), out.string(c.conflict.archiveValue);
    out.key("incoming_value"), out.string(c.conflict.incomingValue);
    out.key("pushed_by"), out.string(c.pushedBy);
    out.key("push_label"), out.string(c.pushLabel);
    out.key("recorded_at"), out.string(c.recordedAt);
    out.key("resolution");
    if (c.open()) w.Null();
    else {
        w.StartObject();
        out.key("kept"), out.string(c.resolution);
        out.key("by"), out.string(c.resolvedBy);
        out.key("at"), out.string(c.resolvedAt);
        out.key("note"), out.string(c.note);
        w.EndObject();
    }
    w.EndObject();
}

} // namespace

int runConflicts(const std::vector<std::string> &words)
{
    Args args(words, {"--all", "--json"}, {"--subject"});
    archive::Archive db(args.positional(0, "URL"));
    args.expectAtMost(1);
    std::vector<archive::RecordedConflict> conflicts = db.conflicts(args.flag("--all"), args.option("--subject", ""));
    if (args.flag("--json")) {
        JsonOut out;
        out.w().StartArray();
        for (const archive::RecordedConflict &c : conflicts) writeConflict(out, c);
        out.w().EndArray();
        return 0;
    }
    for (const archive::RecordedConflict &c : conflicts) {
        std::cout << "#" << c.id << "  " << c.conflict.subject << "  " << c.conflict.field << ": " << sideText(c)
                  << "\n    pushed by " << c.pushedBy << " (" << c.pushLabel << ") at " << c.recordedAt << "\n";
        if (!c.open())
            std::cout << "    settled: kept the " << c.resolution << " value, by " << c.resolvedBy << " at "
                      << c.resolvedAt << (c.note.empty() ? "" : ": " + c.note) << "\n";
    }
    if (conflicts.empty()) std::cerr << (args.flag("--all") ? "no conflicts recorded\n" : "no open conflicts\n");
    else if (!args.flag("--all"))
        std::cerr << conflicts.size() << " open; settle one with `liaison archive resolve URL ID --keep archive|incoming`\n";
    return 0;
}

int runResolve(const std::vector<std::string> &words)
{
    Args args(words, {}, {"--keep", "--note"});
    archive::Archive db(args.positional(0, "URL"));
    const std::string &idText = args.positional(1, "CONFLICT-ID");
    args.expectAtMost(2);
    long long id = 0;
    try {
        std::size_t used = 0;
        id = std::stoll(idText.starts_with("#") ? idText.substr(1) : idText, &used);
        if (used + (idText.starts_with("#") ? 1 : 0) != idText.size() || id <= 0) throw std::invalid_argument("id");
    } catch (const std::exception &) {
        throw UserError("CONFLICT-ID is the number `liaison archive conflicts URL` shows, not '" + idText + "'");
    }
    const std::string keep = args.option("--keep", "");
    if (keep != "archive" && keep != "incoming")
        throw UserError("say which value to keep: --keep archive (the archive's, no change) or --keep incoming "
                        "(the pushed one)");
    archive::RecordedConflict c =
        db.resolveConflict(id, keep == "archive" ? archive::Keep::Archive : archive::Keep::Incoming,
                           args.option("--note", ""));
    std::cout << "settled conflict #" << c.id << " (" << c.conflict.subject << " " << c.conflict.field
              << "): the archive " << (keep == "archive" ? "keeps '" + c.conflict.archiveValue + "'"
                                                          : "now holds '" + c.conflict.incomingValue + "'")
              << (keep == "incoming" && (c.conflict.field == "name" || c.conflict.field.starts_with("names."))
                      ? " ('" + c.conflict.archiveValue + "' kept as an alias)"
                      : "")
              << "; recorded as " << c.resolvedBy << " at " << c.resolvedAt << "\n";
    return 0;
}

} // namespace liaison::cli
