#include "../archive_access.hpp"

#include "liaison/archive.hpp"
#include "liaison/errors.hpp"
#include "liaison/json_io.hpp"

#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace liaison::cli {

bool isArchive(const std::string &where)
{
    std::error_code ec;
    return archive::looksLikeArchiveUrl(where) && !std::filesystem::exists(where, ec);
}

ArchiveSlice archiveMetSlice(const std::string &url, const std::string &person)
{
    archive::Archive db(url);
    std::string id = db.resolve(person);
    ArchiveSlice slice{db.metSlice(id)};
    slice.a = slice.store.findById(id);
    return slice;
}

ArchiveSlice archivePathSlice(const std::string &url, const std::string &from, const std::string &to,
                              const ViewFilter &filter)
{
    archive::Archive db(url);
    std::string a = db.resolve(from), b = db.resolve(to);
    ArchiveSlice slice{db.pathSlice(a, b, filter)};
    slice.a = slice.store.findById(a);
    slice.b = slice.store.findById(b);
    return slice;
}

// Corridors larger than this are refused (pull a slice instead).
constexpr std::size_t kMaxCorridor = 200000;

ArchiveSlice archiveCorridorSearch(const std::string &url, const std::string &from, const std::string &to,
                                   const ViewFilter &filter,
                                   const std::function<bool(const ArchiveSlice &, int length)> &answer)
{
    archive::Archive db(url);
    std::string a = db.resolve(from), b = db.resolve(to);
    ArchiveSlice last;
    bool whole = false; // the last corridor held everything a or b is connected to
    for (int length = a == b ? 0 : 1; length <= archive::kMaxChainSteps && !whole; ++length) {
        archive::Corridor corridor = db.corridorSlice(a, b, filter, length, kMaxCorridor);
        whole = corridor.whole;
        if (!corridor.meets) continue; // no chain that short, whatever the filters
        ArchiveSlice slice{std::move(corridor.slice)};
        slice.a = slice.store.findById(a);
        slice.b = slice.store.findById(b);
        last = std::move(slice);
        if (answer(last, length)) return last;
    }
    // Fewer chains than asked within the bound: on a file longer ones could
    // follow, so the archive's answer would be short of the file's.
    if (!whole) throw archive::longerChainsUnsearched(a, b, archive::kMaxChainSteps);
    if (last.store.entityCount() == 0) { // a and b are not connected: the two ends alone
        last.store = db.entitiesSlice(a == b ? std::vector<std::string>{a} : std::vector<std::string>{a, b});
        last.a = last.store.findById(a);
        last.b = last.store.findById(b);
    }
    return last;
}

GraphStore archiveSearch(const std::string &url, const std::string &text, const ViewFilter &filter)
{
    archive::Archive db(url);
    std::vector<std::string> ids = db.search(text, filter); // kinds: in the server
    // Sources, countries and dates as on a file: core's entity filter on the
    // found entities with their evidence and country ties (relation kinds
    // do not restrict entities, on a file either).
    if (!filter.sources.empty() || !filter.countries.empty() || filter.from || filter.to) {
        GraphStore around = db.filterSlice(ids);
        std::vector<std::string> kept;
        for (const std::string &id : ids)
            if (EntityIndex e = around.findById(id); e != kNoEntity && passesEntityFilter(around, e, filter))
                kept.push_back(id);
        ids = std::move(kept);
    }
    return db.entitiesSlice(ids);
}

std::string pullFocusToTempFile(const std::string &url, const std::string &focus, int depth)
{
    archive::Archive db(url);
    archive::SliceQuery query;
    query.focus = {focus};
    query.depth = depth;
    GraphStore slice = db.pull(query);
    const char *tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/liaison-slice-XXXXXX.json";
    int fd = ::mkstemps(pattern.data(), 5);
    if (fd < 0) throw IoError("cannot create a temporary file for the slice in " + pattern);
    ::close(fd);
    saveLiaisonJsonFile(slice, pattern);
    return pattern;
}

} // namespace liaison::cli
