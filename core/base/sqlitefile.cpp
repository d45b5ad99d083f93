#include "sqlitefile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace tandem {

namespace {

// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SqliteFile)
};

// One row of sqlite_master: a table, index, view or trigger.
struct SchemaObject
{
    QString type;
    QString table;
    QString sql;
    friend bool operator==(const SchemaObject &, const SchemaObject &) = default;
};

// The definition as SQLite keeps it, without the columns added in place: a file from
// before them and one created with them compare equal; ALTER TABLE ADD COLUMN appends
// exactly ", column definition".
QString withoutAddedColumns(QString sql, const QString &table, const SqliteSchema &schema)
{
    for (const SqliteSchema::AddedColumn &added : schema.addedColumns)
        if (table == QLatin1String(added.table))
            sql.remove(QStringLiteral(", %1 %2").arg(QLatin1String(added.column),
                                                     QLatin1String(added.definition)));
    return sql;
}

// Runs `check` on its own connection to path (":memory:" for a scratch database).
bool withConnection(const QString &path, const std::function<bool(QSqlDatabase &)> &check,
                    QString *error)
{
    const QString name =
        QStringLiteral("verify-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            *error = db.lastError().text();
        else
            ok = check(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool readObjects(QSqlDatabase &db, const SqliteSchema &schema, QMap<QString, SchemaObject> *objects,
                 QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master"))) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        const QString table = q.value(2).toString();
        objects->insert(q.value(1).toString(),
                        {q.value(0).toString(), table,
                         withoutAddedColumns(q.value(3).toString(), table, schema)});
    }
    return true;
}

} // namespace

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

bool SqliteFile::open(const SqliteSchema &schema, QString *movedAside, QString *error)
{
    QList<const char *> statements = schema.statements;
    statements.append(nullptr);
    if (!open(schema.version, QLatin1String(schema.table), statements.constData(), movedAside,
              error))
        return false;
    for (const SqliteSchema::AddedColumn &added : schema.addedColumns)
        if (!addColumnIfMissing(QLatin1String(added.table), QLatin1String(added.column),
                                QLatin1String(added.definition), error))
            return false;
    return true;
}

bool SqliteFile::verify(const QString &path, const SqliteSchema &schema, QString *error)
{
    const QString file = QFileInfo(path).fileName();
    QString why;
    // What this Tandem creates, made the same way in a scratch database.
    QMap<QString, SchemaObject> expected;
    const bool made = withConnection(
        QStringLiteral(":memory:"),
        [&](QSqlDatabase &db) {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version "
                                       "INTEGER NOT NULL)"))) {
                why = q.lastError().text();
                return false;
            }
            for (const char *statement : schema.statements)
                if (!q.exec(QLatin1String(statement))) {
                    why = q.lastError().text();
                    return false;
                }
            return readObjects(db, schema, &expected, &why);
        },
        &why);
    if (!made) {
        *error = Tr::tr("cannot make the expected schema of %1: %2").arg(file, why);
        return false;
    }

    QString problem;
    withConnection(
        path,
        [&](QSqlDatabase &db) {
            QSqlQuery q(db);
            // Nothing in the file runs or changes while it is looked at.
            q.exec(QStringLiteral("PRAGMA trusted_schema = OFF"));
            q.exec(QStringLiteral("PRAGMA query_only = ON"));
            if (!q.exec(QStringLiteral("PRAGMA integrity_check(10)"))) {
                problem = Tr::tr("%1 is damaged or not an SQLite database: %2")
                              .arg(file, q.lastError().text());
                return false;
            }
            QStringList findings;
            while (q.next())
                findings << q.value(0).toString();
            if (findings != QStringList{QStringLiteral("ok")}) {
                problem = Tr::tr("%1 is damaged (PRAGMA integrity_check: %2)")
                              .arg(file, findings.join(QLatin1String("; ")));
                return false;
            }
            QMap<QString, SchemaObject> actual;
            if (!readObjects(db, schema, &actual, &why)) {
                problem = Tr::tr("%1 is damaged or not an SQLite database: %2").arg(file, why);
                return false;
            }
            for (auto it = actual.cbegin(); it != actual.cend(); ++it) {
                if (it->type == QLatin1String("trigger") || it->type == QLatin1String("view")) {
                    problem = Tr::tr("%1 holds the %2 '%3': a Tandem database has no triggers "
                                     "nor views")
                                  .arg(file, it->type, it.key());
                    return false;
                }
                if (!expected.contains(it.key())) {
                    problem = Tr::tr("%1 holds the %2 '%3', which Tandem does not create")
                                  .arg(file, it->type, it.key());
                    return false;
                }
                if (expected.value(it.key()) != *it) {
                    problem = Tr::tr("the %2 '%3' in %1 is not defined as Tandem defines it: %4")
                                  .arg(file, it->type, it.key(), it->sql);
                    return false;
                }
            }
            for (auto it = expected.cbegin(); it != expected.cend(); ++it)
                if (!actual.contains(it.key())) {
                    problem = Tr::tr("%1 lacks the %2 '%3'").arg(file, it->type, it.key());
                    return false;
                }
            QList<int> versions;
            if (q.exec(QStringLiteral("SELECT version FROM schema_version")))
                while (q.next())
                    versions << q.value(0).toInt();
            if (versions != QList<int>{schema.version}) {
                problem = Tr::tr("%1 is not at schema version %2").arg(file).arg(schema.version);
                return false;
            }
            return true;
        },
        &why);
    if (problem.isEmpty() && !why.isEmpty())
        problem = Tr::tr("cannot open %1: %2").arg(file, why);
    if (!problem.isEmpty()) {
        *error = problem;
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
