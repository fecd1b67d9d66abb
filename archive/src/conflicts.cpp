// Conflicts a push recorded, and a person settling them (liaison archive
// conflicts / resolve). Settling is one transaction that locks the conflict
// row and the row it is about, so two people settling at once, or a push
// running meanwhile, never overwrite each other: the incoming value is
// written only if the archive still holds the value the conflict recorded.
#include "liaison/archive.hpp"

#include "archive_impl.hpp"
#include "codec.hpp"

#include <array>

namespace liaison::archive {

namespace {

const char *const kConflictColumns =
    "SELECT c.id, c.subject, c.field, c.archive_value, c.incoming_value, c.pushed_by,"
    " to_char(c.recorded_at, 'YYYY-MM-DD HH24:MI:SS'), coalesce(p.label, ''), coalesce(c.resolution, ''),"
    " coalesce(c.resolved_by, ''), coalesce(to_char(c.resolved_at, 'YYYY-MM-DD HH24:MI:SS'), ''), c.note"
    " FROM liaison.conflict c LEFT JOIN liaison.push p ON p.id = c.push_id";

RecordedConflict conflictAt(const pg::Result &rows, int r)
{
    RecordedConflict c;
    c.id = rows.integer(r, 0);
    c.conflict = {rows.string(r, 1), rows.string(r, 2), rows.string(r, 3), rows.string(r, 4)};
    if (c.conflict.field.starts_with("attributes.")) {
        c.conflict.archiveValue = attributeText(c.conflict.archiveValue);
        c.conflict.incomingValue = attributeText(c.conflict.incomingValue);
    }
    c.pushedBy = rows.string(r, 5), c.recordedAt = rows.string(r, 6), c.pushLabel = rows.string(r, 7);
    c.resolution = rows.string(r, 8), c.resolvedBy = rows.string(r, 9), c.resolvedAt = rows.string(r, 10);
    c.note = rows.string(r, 11);
    return c;
}

// The archive's current value of a conflict's field, read with the row
// locked (FOR UPDATE), or nullopt when the row is gone.
std::optional<std::string> lockedValue(pg::Connection &conn, const std::string &subject, const std::string &field)
{
    pg::Result r = [&] {
        if (field == "kind") return conn.exec("SELECT kind FROM liaison.entity WHERE id = $1 FOR UPDATE", {subject});
        if (field == "name") return conn.exec("SELECT name FROM liaison.entity WHERE id = $1 FOR UPDATE", {subject});
        if (field.starts_with("attributes."))
            return conn.exec("SELECT coalesce((attributes -> $2)::text, '') FROM liaison.entity WHERE id = $1 FOR UPDATE",
                             {subject, field.substr(11)});
        if (field.starts_with("names."))
            return conn.exec("SELECT name FROM liaison.entity_name WHERE entity_id = $1 AND language = $2 FOR UPDATE",
                             {subject, field.substr(6)});
        if (field == "merged_into") {
            if (conn.exec("SELECT 1 FROM liaison.entity WHERE id = $1 FOR SHARE", {subject}).rows() > 0)
                return conn.exec("SELECT 'a live entity'");
            return conn.exec("SELECT to_id FROM liaison.redirect WHERE from_id = $1 FOR UPDATE", {subject});
        }
        // source.title, source.date...: the column names come from this fixed list, never from the row.
        static const std::array<const char *, 5> columns{"title", "date", "language", "path", "content_hash"};
        for (const char *column : columns)
            if (field == std::string("source.") + column)
                return conn.exec(std::string("SELECT coalesce(") + column +
                                     ", '') FROM liaison.source WHERE id = $1 FOR UPDATE",
                                 {subject});
        throw ArchiveError("conflict field '" + field + "' is not one this liaison can settle: upgrade liaison");
    }();
    if (r.rows() == 0 || r.isNull(0, 0)) return std::nullopt;
    return r.string(0, 0);
}

// A replaced display or language name stays findable as an alias (its
// search key is already archived: it was the entity's name).
void keepAsAlias(pg::Connection &conn, const std::string &entity, const std::string &oldName,
                 const std::string &newName)
{
    conn.exec("INSERT INTO liaison.entity_alias (entity_id, alias, ord) SELECT $1, $2, "
              "(SELECT coalesce(max(ord) + 1, 0) FROM liaison.entity_alias WHERE entity_id = $1) "
              "ON CONFLICT DO NOTHING",
              {entity, oldName});
    conn.exec("DELETE FROM liaison.entity_alias WHERE entity_id = $1 AND alias = $2", {entity, newName});
}

// Writes the incoming value; the row is locked and holds the recorded value.
void writeIncoming(pg::Connection &conn, const Conflict &c, const std::string &archiveValue)
{
    const std::string &id = c.subject, &value = c.incomingValue;
    if (c.field == "kind") {
        conn.exec("UPDATE liaison.entity SET kind = $2, revision = revision + 1 WHERE id = $1", {id, value});
    } else if (c.field == "name") {
        conn.exec("UPDATE liaison.entity SET name = $2, revision = revision + 1 WHERE id = $1", {id, value});
        keepAsAlias(conn, id, archiveValue, value);
    } else if (c.field.starts_with("attributes.")) {
        conn.exec("UPDATE liaison.entity SET attributes = jsonb_set(attributes, ARRAY[$2], $3::jsonb), "
                  "revision = revision + 1 WHERE id = $1",
                  {id, c.field.substr(11), value});
    } else if (c.field.starts_with("names.")) {
        conn.exec("UPDATE liaison.entity_name SET name = $3 WHERE entity_id = $1 AND language = $2",
                  {id, c.field.substr(6), value});
        keepAsAlias(conn, id, archiveValue, value);
    } else if (c.field == "merged_into") {
        if (archiveValue == "a live entity")
            throw ArchiveError("conflict on " + id + ": keeping the incoming side would merge " + id + " into " +
                               value + " inside the archive, which resolve does not do; merge them in a pulled "
                               "slice (liaison merge) and push it, or keep the archive's side");
        if (conn.exec("SELECT 1 FROM liaison.entity WHERE id = $1", {value}).rows() == 0)
            throw ArchiveError("conflict on " + id + ": " + value + " is not an entity of the archive");
        conn.exec("UPDATE liaison.redirect SET to_id = $2, judgement_id = NULL WHERE from_id = $1", {id, value});
    } else { // source.FIELD: the column was checked against the fixed list when it was read
        const std::string column = c.field.substr(7);
        conn.exec("UPDATE liaison.source SET " + column + " = $2 WHERE id = $1", {id, value});
    }
}

} // namespace

std::vector<RecordedConflict> Archive::conflicts(bool includeSettled, const std::string &subject)
{
    pg::Result rows = m_impl->conn.exec(std::string(kConflictColumns) +
                                            " WHERE ($1 OR c.resolution IS NULL) AND ($2 = '' OR c.subject = $2)"
                                            " ORDER BY c.id",
                                        {includeSettled ? "true" : "false", subject});
    std::vector<RecordedConflict> out;
    for (int r = 0; r < rows.rows(); ++r) out.push_back(conflictAt(rows, r));
    return out;
}

RecordedConflict Archive::resolveConflict(long long id, Keep keep, const std::string &note)
{
    pg::Connection &conn = m_impl->conn;
    const std::string key = std::to_string(id);
    pg::Transaction tx(conn);
    pg::Result row = conn.exec(std::string(kConflictColumns) + " WHERE c.id = $1 FOR UPDATE OF c", {key});
    if (row.rows() == 0)
        throw ArchiveError("no conflict #" + key + " in " + describe() + " (list them with `liaison archive conflicts URL`)");
    RecordedConflict c = conflictAt(row, 0);
    if (!c.open())
        throw ArchiveError("conflict #" + key + " was already settled by " + c.resolvedBy + " at " + c.resolvedAt +
                           " (kept the " + c.resolution + " value); nothing changed");
    if (keep == Keep::Incoming) {
        // The raw (encoded) values, as the push recorded them.
        const Conflict raw{row.string(0, 1), row.string(0, 2), row.string(0, 3), row.string(0, 4)};
        std::optional<std::string> now = lockedValue(conn, raw.subject, raw.field);
        if (!now)
            throw ArchiveError("conflict #" + key + ": " + raw.subject + " no longer holds " + raw.field +
                               " in the archive; nothing changed");
        if (*now != raw.archiveValue) {
            const bool attribute = raw.field.starts_with("attributes.");
            throw ArchiveError("conflict #" + key + ": the archive's " + raw.field + " of " + raw.subject + " is now '" +
                               (attribute ? attributeText(*now) : *now) + "', not '" + c.conflict.archiveValue +
                               "' as when the conflict was recorded; someone changed it since, so nothing was "
                               "overwritten (look again with `liaison archive conflicts URL --subject " +
                               raw.subject + "`)");
        }
        writeIncoming(conn, raw, *now);
    }
    pg::Result done = conn.exec(
        "UPDATE liaison.conflict SET resolution = $2, resolved_by = current_user, resolved_at = now(), note = $3 "
        "WHERE id = $1 RETURNING resolved_by, to_char(resolved_at, 'YYYY-MM-DD HH24:MI:SS')",
        {key, keep == Keep::Archive ? "archive" : "incoming", note});
    tx.commit();
    c.resolution = keep == Keep::Archive ? "archive" : "incoming";
    c.resolvedBy = done.string(0, 0), c.resolvedAt = done.string(0, 1), c.note = note;
    return c;
}

} // namespace liaison::archive
