// Built without libpq: archive URLs are recognised and refused with what to install.
#include "../archive_access.hpp"
#include "../command.hpp"

#include "liaison/errors.hpp"

#include <filesystem>

namespace liaison::cli {

static const char *const kMissing =
    "this liaison was built without the PostgreSQL archive: install libpq-dev (Debian) and rebuild";

bool isArchive(const std::string &where)
{
    std::error_code ec;
    return (where.starts_with("postgresql://") || where.starts_with("postgres://")) &&
           !std::filesystem::exists(where, ec);
}

ArchiveSlice archiveMetSlice(const std::string &, const std::string &) { throw UserError(kMissing); }
ArchiveSlice archivePathSlice(const std::string &, const std::string &, const std::string &, const ViewFilter &)
{
    throw UserError(kMissing);
}
ArchiveSlice archiveCorridorSearch(const std::string &, const std::string &, const std::string &, const ViewFilter &,
                                   const std::function<bool(const ArchiveSlice &, int)> &)
{
    throw UserError(kMissing);
}
GraphStore archiveSearch(const std::string &, const std::string &, const ViewFilter &) { throw UserError(kMissing); }
std::string pullFocusToTempFile(const std::string &, const std::string &, int) { throw UserError(kMissing); }

Command archiveCommand()
{
    return {"archive", "team archive on PostgreSQL (not built: needs libpq-dev)", std::string(kMissing) + "\n",
            [](const std::vector<std::string> &) -> int { throw UserError(kMissing); }};
}

} // namespace liaison::cli
