#include "liaison/archive.hpp"

#include "archive_impl.hpp"
#include "migrations.hpp"
#include "pg.hpp"
#include "push.hpp"
#include "queries.hpp"
#include "slice.hpp"

#include <algorithm>

namespace liaison::archive {

bool looksLikeArchiveUrl(std::string_view word)
{
    if (word.starts_with("postgresql://") || word.starts_with("postgres://")) return true;
    // key=value conninfo ("service=team", "dbname=x host=/run/pg"); a file
    // name with '=' is unusual enough that callers check the file first.
    std::size_t eq = word.find('=');
    if (eq == std::string_view::npos || eq == 0) return false;
    std::string_view key = word.substr(0, eq);
    return std::all_of(key.begin(), key.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

int latestSchemaVersion() { return migrations().back().version; }

Archive::Archive(const std::string &url, bool forMigration) : m_impl(std::make_unique<Impl>(url))
{
    if (forMigration) return;
    int version = currentVersion(m_impl->conn);
    if (version == 0)
        throw ArchiveError(describe() + " holds no Liaison archive: run `liaison archive init URL` first");
    if (version < latestSchemaVersion())
        throw ArchiveError(describe() + " is at schema version " + std::to_string(version) + "; this liaison needs " +
                           std::to_string(latestSchemaVersion()) + ": run `liaison archive migrate URL`");
    if (version > latestSchemaVersion())
        throw ArchiveError(describe() + " is at schema version " + std::to_string(version) +
                           ", newer than this liaison knows (" + std::to_string(latestSchemaVersion()) +
                           "): upgrade liaison");
}

Archive::~Archive() = default;
Archive::Archive(Archive &&) noexcept = default;
Archive &Archive::operator=(Archive &&) noexcept = default;

std::string Archive::describe() const { return m_impl->conn.describe(); }
int Archive::schemaVersion() { return currentVersion(m_impl->conn); }
long Archive::backendPid() { return static_cast<long>(m_impl->conn.exec("SELECT pg_backend_pid()").integer(0, 0)); }

std::vector<std::string> Archive::init(int version)
{
    if (int current = currentVersion(m_impl->conn); current > 0)
        throw ArchiveError(describe() + " already holds a Liaison archive (schema version " + std::to_string(current) +
                           "); use `liaison archive migrate URL` to upgrade it");
    return applyMigrations(m_impl->conn, std::min(version, latestSchemaVersion()));
}

std::vector<std::string> Archive::migrate()
{
    if (currentVersion(m_impl->conn) == 0)
        throw ArchiveError(describe() + " holds no Liaison archive: run `liaison archive init URL` first");
    return applyMigrations(m_impl->conn, latestSchemaVersion());
}

PushReport Archive::push(const GraphStore &graph, const std::string &label)
{
    return pushGraph(m_impl->conn, graph, label);
}

ArchiveSummary Archive::summary()
{
    pg::Connection &conn = m_impl->conn;
    ArchiveSummary s;
    pg::Result counts = conn.exec(
        "SELECT (SELECT count(*) FROM liaison.source), (SELECT count(*) FROM liaison.entity), "
        "(SELECT count(*) FROM liaison.relation), (SELECT count(*) FROM liaison.evidence), "
        "(SELECT count(*) FROM liaison.conflict WHERE resolution IS NULL), (SELECT count(*) FROM liaison.push)");
    std::size_t *fields[] = {&s.sources, &s.entities, &s.relations, &s.evidence, &s.conflicts, &s.pushes};
    for (int c = 0; c < 6; ++c) *fields[c] = static_cast<std::size_t>(counts.integer(0, c));
    pg::Result pushes = conn.exec(
        "SELECT to_char(pushed_at, 'YYYY-MM-DD HH24:MI:SS'), pushed_by, label, entities_added, relations_added, "
        "evidence_added FROM liaison.push ORDER BY id DESC LIMIT 10");
    for (int r = 0; r < pushes.rows(); ++r)
        s.recentPushes.push_back(pushes.string(r, 0) + "  " + pushes.string(r, 1) + "  " + pushes.string(r, 2) + "  +" +
                                 pushes.string(r, 3) + " entities, +" + pushes.string(r, 4) + " relations, +" +
                                 pushes.string(r, 5) + " evidence");
    return s;
}

std::string Archive::resolve(const std::string &reference) { return resolveReference(m_impl->conn, reference); }

std::vector<std::string> Archive::search(const std::string &text, const ViewFilter &filter)
{
    return searchIds(m_impl->conn, text, filter);
}

GraphStore Archive::metSlice(const std::string &personId) { return metSliceOf(m_impl->conn, personId); }

GraphStore Archive::pathSlice(const std::string &a, const std::string &b, const ViewFilter &filter, int maxDepth)
{
    return pathSliceOf(m_impl->conn, a, b, filter, maxDepth);
}

Corridor Archive::corridorSlice(const std::string &a, const std::string &b, const ViewFilter &filter, int length,
                                std::size_t maxEntities)
{
    return corridorSliceOf(m_impl->conn, a, b, filter, length, maxEntities);
}

GraphStore Archive::filterSlice(const std::vector<std::string> &ids)
{
    std::set<std::string> all(ids.begin(), ids.end());
    std::set<std::string> countries = countryTies(m_impl->conn, all);
    all.insert(countries.begin(), countries.end());
    return loadSlice(m_impl->conn, {all.begin(), all.end()});
}

GraphStore Archive::entitiesSlice(const std::vector<std::string> &ids)
{
    return loadSlice(m_impl->conn, ids, std::vector<std::string>{});
}

} // namespace liaison::archive
