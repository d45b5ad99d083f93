#include "eventstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace tandem {

EventStore::EventStore(const QString &stateDir, QObject *parent)
    : QObject(parent)
    , m_path(QDir(stateDir).filePath(QStringLiteral("events.sqlite")))
    , m_connection(QStringLiteral("events-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(BatchIntervalMs);
    connect(&m_batchTimer, &QTimer::timeout, this, [this] { flush(); });
}

EventStore::~EventStore()
{
    if (QSqlDatabase::contains(m_connection)) {
        flush();
        QSqlDatabase::database(m_connection, false).close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool EventStore::isOurs() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery check(db);
    if (!check.exec(QStringLiteral("PRAGMA quick_check")) || !check.next() ||
        check.value(0).toString() != QLatin1String("ok"))
        return false;
    QSqlQuery version(db);
    return version.exec(QStringLiteral("SELECT version FROM schema_version")) && version.next() &&
           version.value(0).toInt() == SchemaVersion &&
           db.tables().contains(QStringLiteral("events"));
}

bool EventStore::createSchema(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    for (const char *statement :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
          "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY AUTOINCREMENT, time_ms "
          "INTEGER NOT NULL, "
          "event_id TEXT NOT NULL, severity INTEGER NOT NULL, process TEXT NOT NULL, pair TEXT NOT "
          "NULL, "
          "text TEXT NOT NULL)",
          "CREATE TABLE IF NOT EXISTS resets (generation INTEGER NOT NULL)"}) {
        if (!q.exec(QLatin1String(statement))) {
            *error = q.lastError().text();
            return false;
        }
    }
    if (q.exec(QStringLiteral("SELECT COUNT(*) FROM schema_version")) && q.next() &&
        q.value(0).toInt() == 0 &&
        !q.exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (%1)")
                    .arg(SchemaVersion))) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

bool EventStore::open(QString *notice, QString *error)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const bool existed = QFile::exists(m_path) && QFileInfo(m_path).size() > 0;
    auto connectDb = [this] {
        QSqlDatabase db = QSqlDatabase::contains(m_connection)
                              ? QSqlDatabase::database(m_connection, false)
                              : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        return db.open();
    };
    bool usable = connectDb() && (!existed || isOurs());
    if (!usable && existed) {
        // Keep the unusable file for whoever wants to look at it; start a fresh one.
        QSqlDatabase::database(m_connection, false).close();
        const QString aside =
            m_path + QStringLiteral(".unusable-") +
            QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        QFile::rename(m_path, aside);
        QFile::remove(m_path + QStringLiteral("-wal"));
        QFile::remove(m_path + QStringLiteral("-shm"));
        *notice = tr("it is damaged or not a Tandem event history; it was moved to %1 and a new "
                     "one started")
                      .arg(aside);
        usable = connectDb();
    }
    if (!usable) {
        *error = tr("cannot open %1: %2")
                     .arg(m_path, QSqlDatabase::database(m_connection, false).lastError().text());
        return false;
    }
    return createSchema(error);
}

void EventStore::setCap(int maxEvents)
{
    m_cap = maxEvents;
    m_batchTimer.start();
}

void EventStore::append(const Event &event)
{
    m_queue.append(event);
    // While writes fail the queue keeps what the cap would keep, and no more.
    if (m_queue.size() > m_cap)
        m_queue.remove(0, m_queue.size() - m_cap);
    if (m_queue.size() >= BatchSize)
        flush();
    else if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

bool EventStore::flush(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return false;
    QString message;
    const auto fail = [&](const QString &what) {
        db.rollback();
        message = tr("writing %1 failed: %2").arg(m_path, what);
        if (error)
            *error = message;
        if (!m_failing)
            Q_EMIT writeFailed(message); // once per failure streak, not per retry
        m_failing = true;
        m_batchTimer.start(1000);
        return false;
    };
    if (!db.transaction())
        return fail(db.lastError().text());
    if (!m_queue.isEmpty()) {
        QSqlQuery insert(db);
        insert.prepare(
            QStringLiteral("INSERT INTO events (time_ms, event_id, severity, process, pair, text) "
                           "VALUES (?, ?, ?, ?, ?, ?)"));
        for (const Event &e : std::as_const(m_queue)) {
            insert.addBindValue(e.time.toMSecsSinceEpoch());
            insert.addBindValue(e.id);
            insert.addBindValue(int(e.severity));
            // A null QString binds as SQL NULL: store engine-wide events with an empty pair.
            insert.addBindValue(e.process.isNull() ? QStringLiteral("") : e.process);
            insert.addBindValue(e.pair.isNull() ? QStringLiteral("") : e.pair);
            insert.addBindValue(e.text.isNull() ? QStringLiteral("") : e.text);
            if (!insert.exec())
                return fail(insert.lastError().text());
        }
    }
    // Ids are contiguous (only the oldest are ever deleted), so this keeps exactly m_cap.
    QSqlQuery cap(db);
    if (!cap.exec(QStringLiteral("DELETE FROM events WHERE id <= (SELECT MAX(id) FROM events) - %1")
                      .arg(m_cap)))
        return fail(cap.lastError().text());
    if (!db.commit())
        return fail(db.lastError().text());
    m_queue.clear();
    m_failing = false;
    return true;
}

QList<Event> EventStore::read(qint64 afterId, int limit, QList<qint64> *ids) const
{
    QList<Event> events;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT id, time_ms, event_id, severity, process, pair, text FROM events WHERE id > ? "
        "ORDER BY id LIMIT ?"));
    q.addBindValue(afterId);
    q.addBindValue(limit);
    if (!q.exec())
        return events;
    while (q.next()) {
        Event e;
        if (ids)
            ids->append(q.value(0).toLongLong());
        e.time = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong());
        e.id = q.value(2).toString();
        e.severity = Severity(q.value(3).toInt());
        e.process = q.value(4).toString();
        e.pair = q.value(5).toString();
        e.text = q.value(6).toString();
        events.append(e);
    }
    return events;
}

qint64 EventStore::count() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM events")) && q.next()
               ? q.value(0).toLongLong()
               : 0;
}

bool EventStore::reset(QString *error)
{
    m_queue.clear();
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    // Readers notice a reset by the generation, which a plain count could not tell
    // apart from the cap dropping the oldest events.
    if (!db.transaction() || !q.exec(QStringLiteral("DELETE FROM events")) ||
        !q.exec(QStringLiteral("INSERT INTO resets (generation) VALUES (1)")) || !db.commit()) {
        *error = q.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

qint64 EventStore::resetGeneration() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM resets")) && q.next()
               ? q.value(0).toLongLong()
               : 0;
}

} // namespace tandem
