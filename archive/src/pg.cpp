#include "pg.hpp"

#include <cstdlib>

namespace liaison::archive::pg {

long long Result::integer(int row, int column) const { return std::strtoll(PQgetvalue(m_result.get(), row, column), nullptr, 10); }
long long Result::affected() const { return std::strtoll(PQcmdTuples(m_result.get()), nullptr, 10); }
double Result::real(int row, int column) const { return std::strtod(PQgetvalue(m_result.get(), row, column), nullptr); }

static std::string trimmed(std::string message)
{
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return message;
}

Connection::Connection(const std::string &conninfo)
{
    m_conn = PQconnectdb(conninfo.c_str());
    if (m_conn == nullptr) throw ArchiveError("cannot connect to the archive: out of memory");
    if (PQstatus(m_conn) != CONNECTION_OK) {
        // libpq's message names host, port and user, never the password.
        std::string message = "cannot connect to the archive: " + trimmed(PQerrorMessage(m_conn));
        PQfinish(m_conn);
        m_conn = nullptr;
        throw ArchiveError(message, "08000");
    }
    // Notices (e.g. "relation already exists, skipping") are not for the user.
    PQsetNoticeProcessor(m_conn, [](void *, const char *) {}, nullptr);
}

Connection::~Connection()
{
    if (m_conn) PQfinish(m_conn);
}

void Connection::fail(const std::string &what, PGresult *result)
{
    std::string state;
    std::string message = trimmed(PQerrorMessage(m_conn));
    if (result) {
        if (const char *s = PQresultErrorField(result, PG_DIAG_SQLSTATE)) state = s;
        if (const char *m = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY)) message = m;
        PQclear(result);
    }
    if (state == "25006")
        message += " (this server is read-only: push to the primary)";
    else if (state == "42501")
        message += " (this role may read the archive but not change it)";
    throw ArchiveError(describe() + ": " + what + ": " + message, state);
}

Result Connection::exec(const std::string &sql, const std::vector<Param> &params)
{
    std::vector<const char *> values;
    values.reserve(params.size());
    for (const Param &p : params) values.push_back(p ? p->c_str() : nullptr);
    PGresult *result = PQexecParams(m_conn, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                    values.data(), nullptr, nullptr, 0);
    ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail("query failed", result);
    return Result(result);
}

void Connection::run(const std::string &script)
{
    PGresult *result = PQexec(m_conn, script.c_str());
    ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail("script failed", result);
    PQclear(result);
}

void Connection::copyStart(const std::string &copySql)
{
    PGresult *start = PQexec(m_conn, copySql.c_str());
    if (!start || PQresultStatus(start) != PGRES_COPY_IN) fail("COPY failed", start);
    PQclear(start);
}

void Connection::copyPut(std::string_view data)
{
    if (!data.empty() && PQputCopyData(m_conn, data.data(), static_cast<int>(data.size())) != 1)
        fail("COPY failed", nullptr);
}

void Connection::copyEnd()
{
    if (PQputCopyEnd(m_conn, nullptr) != 1) fail("COPY failed", nullptr);
    PGresult *end = PQgetResult(m_conn);
    ExecStatusType status = end ? PQresultStatus(end) : PGRES_FATAL_ERROR;
    while (PGresult *extra = PQgetResult(m_conn)) PQclear(extra);
    if (status != PGRES_COMMAND_OK) fail("COPY failed", end);
    PQclear(end);
}

void Connection::copyIn(const std::string &copySql, std::string_view data)
{
    CopyWriter writer(*this, copySql);
    writer.buffer().assign(data);
    writer.finish();
}

std::string Connection::describe() const
{
    if (!m_conn) return "archive";
    std::string host = PQhost(m_conn) ? PQhost(m_conn) : "";
    return std::string("archive ") + PQdb(m_conn) + " on " + host + ":" + PQport(m_conn) + " as " + PQuser(m_conn);
}

bool Connection::readOnlyServer() { return exec("SELECT pg_is_in_recovery()").text(0, 0) == "t"; }

std::string textArray(const std::vector<std::string> &values)
{
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += ',';
        out += '"';
        for (char c : values[i]) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        out += '"';
    }
    out += '}';
    return out;
}

void copyField(std::string &row, std::string_view value, bool first)
{
    if (!first) row += '\t';
    for (char c : value) {
        switch (c) {
        case '\\': row += "\\\\"; break;
        case '\t': row += "\\t"; break;
        case '\n': row += "\\n"; break;
        case '\r': row += "\\r"; break;
        default: row += c;
        }
    }
}

void copyNull(std::string &row, bool first)
{
    if (!first) row += '\t';
    row += "\\N";
}

Transaction::Transaction(Connection &conn, const char *begin) : m_conn(conn) { m_conn.exec(begin); }

Transaction::~Transaction()
{
    if (!m_open) return;
    try {
        m_conn.exec("ROLLBACK");
    } catch (...) {
        // The connection is gone: the server rolls back on its own.
    }
}

void Transaction::commit()
{
    m_conn.exec("COMMIT");
    m_open = false;
}

} // namespace liaison::archive::pg
