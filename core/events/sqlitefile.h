#pragma once

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace tandem {

// One SQLite file of Tandem's state (the event history, the mail outbox): its own
// connection, a busy timeout so readers and the writer share it, and the rule that a
// file that is damaged or not ours is moved aside, never reused nor deleted.
class SqliteFile final
{
public:
    SqliteFile(const QString &path, const QString &connectionPrefix);
    ~SqliteFile();
    SqliteFile(const SqliteFile &) = delete;
    SqliteFile &operator=(const SqliteFile &) = delete;

    // Opens or creates the file, then runs `createSchema` on it. An existing file that
    // fails PRAGMA quick_check or has no table `table` at schema version `version` is
    // renamed to PATH.unusable-DATETIME and *movedAside names it.
    bool open(int version, const QString &table, const char *const *schema, QString *movedAside,
              QString *error);
    // Adds a column to a table of a file that predates it, keeping every row: `definition`
    // is its SQL type and constraints, e.g. "TEXT NOT NULL DEFAULT ''". True when the
    // column is there afterwards, also when another process added it first.
    bool addColumnIfMissing(const QString &table, const QString &column, const QString &definition,
                            QString *error);
    QSqlDatabase database() const;
    QString path() const { return m_path; }

private:
    bool connect();
    bool isOurs(int version, const QString &table) const;
    bool hasColumn(const QString &table, const QString &column) const;
    bool createSchema(int version, const char *const *schema, QString *error);

    QString m_path;
    QString m_connection;
};

} // namespace tandem
