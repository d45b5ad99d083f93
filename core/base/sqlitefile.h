#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace tandem {

// What one of Tandem's SQLite files holds: the statements that create it, the table that
// marks a file as ours at a schema version, and the columns added in place to files
// written before them (so a file from an older Tandem, e.g. in a backup, is still ours).
struct SqliteSchema
{
    struct AddedColumn
    {
        const char *table;
        const char *column;
        const char *definition; // SQL type and constraints, e.g. "TEXT NOT NULL DEFAULT ''"
    };
    int version = 0;
    const char *table = nullptr;
    QList<const char *> statements;
    QList<AddedColumn> addedColumns;
};

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
    // The same for a described schema, with its added columns added where missing.
    bool open(const SqliteSchema &schema, QString *movedAside, QString *error);
    // Checks a file that is not ours yet (one a backup brings) without changing it: it
    // passes PRAGMA integrity_check, has no trigger nor view, and holds exactly the tables
    // and indexes `schema` creates, defined the same way, at its version. False with
    // *error saying what is wrong.
    static bool verify(const QString &path, const SqliteSchema &schema, QString *error);
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
