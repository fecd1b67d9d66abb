// A thin RAII layer over libpq: one connection, parameterised statements,
// COPY FROM STDIN, transactions. Every statement goes through execParams with
// its values as separate parameters: no value is ever spliced into SQL text.
// Error messages never contain the connection string (it may hold a password).
#pragma once

#include "liaison/archive.hpp"

#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace liaison::archive::pg {

// One result; rows and columns are 0-based. Text format only.
class Result {
public:
    explicit Result(PGresult *result) : m_result(result, &PQclear) {}
    int rows() const { return PQntuples(m_result.get()); }
    bool isNull(int row, int column) const { return PQgetisnull(m_result.get(), row, column) != 0; }
    std::string_view text(int row, int column) const
    {
        return {PQgetvalue(m_result.get(), row, column),
                static_cast<std::size_t>(PQgetlength(m_result.get(), row, column))};
    }
    std::string string(int row, int column) const { return std::string(text(row, column)); }
    long long integer(int row, int column) const;
    long long affected() const; // rows inserted/updated/deleted by the statement
    double real(int row, int column) const;

private:
    std::unique_ptr<PGresult, void (*)(PGresult *)> m_result;
};

// A parameter: a text value or SQL NULL.
using Param = std::optional<std::string>;

class Connection {
public:
    // Connects with libpq's own rules (URI or key=value conninfo, service
    // file, PGPASSFILE, environment). Throws ArchiveError without echoing
    // `conninfo`.
    explicit Connection(const std::string &conninfo);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // Runs one statement with its parameters ($1, $2, ...). Throws
    // ArchiveError (SQLSTATE kept) on failure.
    Result exec(const std::string &sql, const std::vector<Param> &params = {});
    // Runs a fixed script of several statements (migrations only: no values).
    void run(const std::string &script);
    // COPY ... FROM STDIN with `data` in COPY text format.
    void copyIn(const std::string &copySql, std::string_view data);
    // The streaming pieces of copyIn (see CopyWriter).
    void copyStart(const std::string &copySql);
    void copyPut(std::string_view data);
    void copyEnd();

    // "database liaison on /tmp/x:5432 as alice": never the password.
    std::string describe() const;
    bool readOnlyServer(); // a hot standby (pg_is_in_recovery)

private:
    [[noreturn]] void fail(const std::string &what, PGresult *result);
    PGconn *m_conn = nullptr;
};

// A text[] literal for a parameter: {"a","b\"c"}.
std::string textArray(const std::vector<std::string> &values);
// Appends one field to a COPY text-format row (tab before every field but the first).
void copyField(std::string &row, std::string_view value, bool first = false);
void copyNull(std::string &row, bool first = false);

// Streams rows into COPY ... FROM STDIN in 1 MiB pieces, so a bulk push
// never holds a whole table's text in memory. Append rows to buffer() (COPY
// text format, '\n' after each) and call flushIfFull(); finish() ends it.
class CopyWriter {
public:
    CopyWriter(Connection &conn, const std::string &copySql) : m_conn(conn) { m_conn.copyStart(copySql); }
    std::string &buffer() { return m_buffer; }
    void flushIfFull()
    {
        if (m_buffer.size() >= (1u << 20)) flush();
    }
    void finish()
    {
        flush();
        m_conn.copyEnd();
    }

private:
    void flush()
    {
        m_conn.copyPut(m_buffer);
        m_buffer.clear();
    }
    Connection &m_conn;
    std::string m_buffer;
};

// BEGIN ... COMMIT; rolls back when destroyed before commit().
class Transaction {
public:
    explicit Transaction(Connection &conn, const char *begin = "BEGIN");
    ~Transaction();
    void commit();

private:
    Connection &m_conn;
    bool m_open = true;
};

} // namespace liaison::archive::pg
