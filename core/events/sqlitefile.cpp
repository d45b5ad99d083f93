#include "sqlitefile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace tandem {

SqliteFile::SqliteFile(const QString &path, const QString &connectionPrefix)
    : m_path(path)
    , m_connection(connectionPrefix + QLatin1Char('-') +
                   QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

SqliteFile::~SqliteFile()
{
    if (QSqlDatabase::contains(m_connection))
        QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlDatabase SqliteFile::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool SqliteFile::connect()
{
    QSqlDatabase db = QSqlDatabase::contains(m_connection)
                          ? QSqlDatabase::database(m_connection, false)
                          : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    return db.open();
}

bool SqliteFile::isOurs(int version, const QString &table) const
{
    QSqlDatabase db = database();
    QSqlQuery check(db);
    if (!check.exec(QStringLiteral("PRAGMA quick_check")) || !check.next() ||
        check.value(0).toString() != QLatin1String("ok"))
        return false;
    QSqlQuery v(db);
    return v.exec(QStringLiteral("SELECT version FROM schema_version")) && v.next() &&
           v.value(0).toInt() == version && db.tables().contains(table);
}

bool SqliteFile::hasColumn(const QString &table, const QString &column) const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)))
        return false;
    while (q.next())
        if (q.value(1).toString() == column)
            return true;
    return false;
}

bool SqliteFile::addColumnIfMissing(const QString &table, const QString &column,
                                    const QString &definition, QString *error)
{
    if (hasColumn(table, column))
        return true;
    QSqlQuery q(database());
    // SQLite has no ADD COLUMN IF NOT EXISTS: when two processes open an old file at once
    // the second ALTER fails, and the column the first one added is what counts.
    if (q.exec(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3").arg(table, column, definition)) ||
        hasColumn(table, column))
        return true;
    *error = q.lastError().text();
    return false;
}

bool SqliteFile::createSchema(int version, const char *const *schema, QString *error)
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT "
                               "NULL)"))) {
        *error = q.lastError().text();
        return false;
    }
    for (const char *const *statement = schema; *statement; ++statement) {
        if (!q.exec(QLatin1String(*statement))) {
            *error = q.lastError().text();
            return false;
        }
    }
    if (q.exec(QStringLiteral("SELECT COUNT(*) FROM schema_version")) && q.next() &&
        q.value(0).toInt() == 0 &&
        !q.exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (%1)").arg(version))) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

bool SqliteFile::open(int version, const QString &table, const char *const *schema,
                      QString *movedAside, QString *error)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const bool existed = QFile::exists(m_path) && QFileInfo(m_path).size() > 0;
    bool usable = connect() && (!existed || isOurs(version, table));
    if (!usable && existed) {
        // Keep the unusable file for whoever wants to look at it; start a fresh one.
        database().close();
        const QString aside =
            m_path + QStringLiteral(".unusable-") +
            QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        QFile::rename(m_path, aside);
        QFile::remove(m_path + QStringLiteral("-wal"));
        QFile::remove(m_path + QStringLiteral("-shm"));
        *movedAside = aside;
        usable = connect();
    }
    if (!usable) {
        *error = database().lastError().text();
        return false;
    }
    return createSchema(version, schema, error);
}

} // namespace tandem
