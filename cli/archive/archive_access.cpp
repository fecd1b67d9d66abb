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
    if (!filter.sources.empty() || !filter.countries.empty() || filter.from || filter.to)
        throw UserError("against an archive, path takes --kinds and --relation-kinds; for other filters pull a "
                        "slice first (liaison archive pull URL -o slice.json ...)");
    archive::Archive db(url);
    std::string a = db.resolve(from), b = db.resolve(to);
    ArchiveSlice slice{db.pathSlice(a, b, filter)};
    slice.a = slice.store.findById(a);
    slice.b = slice.store.findById(b);
    return slice;
}

GraphStore archiveSearch(const std::string &url, const std::string &text, const ViewFilter &filter)
{
    if (!filter.sources.empty() || !filter.countries.empty() || filter.from || filter.to || !filter.relationKinds.empty())
        throw UserError("against an archive, search takes --kinds; for other filters pull a slice first "
                        "(liaison archive pull URL --search TEXT ...)");
    archive::Archive db(url);
    return db.entitiesSlice(db.search(text, filter));
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
