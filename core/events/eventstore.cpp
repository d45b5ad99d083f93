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
    , m_file(QDir(stateDir).filePath(QStringLiteral("events.sqlite")), QStringLiteral("events"))
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(BatchIntervalMs);
    connect(&m_batchTimer, &QTimer::timeout, this, [this] { flush(); });
}

EventStore::~EventStore()
{
    if (m_file.database().isOpen())
        flush();
}

const SqliteSchema &EventStore::schema()
{
    static const SqliteSchema schema{
        SchemaVersion,
        "events",
        {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
         "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY AUTOINCREMENT, "
         "time_ms INTEGER NOT NULL, event_id TEXT NOT NULL, severity INTEGER NOT NULL, "
         "process TEXT NOT NULL, pair TEXT NOT NULL, text TEXT NOT NULL, "
         "reason TEXT NOT NULL DEFAULT '')",
         "CREATE TABLE IF NOT EXISTS resets (generation INTEGER NOT NULL)"},
        // A history written before events had a reason: upgraded in place, its events kept.
        {{"events", "reason", "TEXT NOT NULL DEFAULT ''"}}};
    return schema;
}

bool EventStore::open(QString *notice, QString *error)
{
    QString aside, why;
    const bool ok = m_file.open(schema(), &aside, &why);
    if (!aside.isEmpty())
        *notice = tr("it is damaged or not a Tandem event history; it was moved to %1 and a new "
                     "one started")
                      .arg(aside);
    if (!ok)
        *error = tr("cannot open %1: %2").arg(filePath(), why);
    return ok;
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
    QSqlDatabase db = m_file.database();
    if (!db.isOpen())
        return false;
    QString message;
    const auto fail = [&](const QString &what) {
        db.rollback();
        message = tr("writing %1 failed: %2").arg(filePath(), what);
        if (error)
            *error = message;
        // Once per failure streak, not per retry; set first: the event this posts comes
        // back here (append, and a flush once a batch is full) before emit returns.
        if (!std::exchange(m_failing, true))
            Q_EMIT writeFailed(message);
        m_batchTimer.start(1000);
        return false;
    };
    if (!db.transaction())
        return fail(db.lastError().text());
    if (!m_queue.isEmpty()) {
        QSqlQuery insert(db);
        insert.prepare(
            QStringLiteral("INSERT INTO events (time_ms, event_id, severity, process, pair, text, "
                           "reason) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (const Event &e : std::as_const(m_queue)) {
            insert.addBindValue(e.time.toMSecsSinceEpoch());
            insert.addBindValue(e.id);
            insert.addBindValue(int(e.severity));
            // A null QString binds as SQL NULL: store engine-wide events with an empty pair.
            insert.addBindValue(e.process.isNull() ? QStringLiteral("") : e.process);
            insert.addBindValue(e.pair.isNull() ? QStringLiteral("") : e.pair);
            insert.addBindValue(e.text.isNull() ? QStringLiteral("") : e.text);
            insert.addBindValue(e.reason.isNull() ? QStringLiteral("") : e.reason);
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
    QSqlQuery q(m_file.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT id, time_ms, event_id, severity, process, pair, text, reason FROM events "
        "WHERE id > ? ORDER BY id LIMIT ?"));
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
        e.reason = q.value(7).toString();
        events.append(e);
    }
    return events;
}

qint64 EventStore::count() const
{
    QSqlQuery q(m_file.database());
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM events")) && q.next()
               ? q.value(0).toLongLong()
               : 0;
}

bool EventStore::reset(QString *error)
{
    m_queue.clear();
    QSqlDatabase db = m_file.database();
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
    QSqlQuery q(m_file.database());
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM resets")) && q.next()
               ? q.value(0).toLongLong()
               : 0;
}

} // namespace tandem
