#include "outbox.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tandem {

Outbox::Outbox(const QString &stateDir)
    : m_file(QDir(stateDir).filePath(QStringLiteral("outbox.sqlite")), QStringLiteral("outbox"))
{}

const SqliteSchema &Outbox::schema()
{
    static const SqliteSchema schema{
        SchemaVersion,
        "mails",
        {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
         "CREATE TABLE IF NOT EXISTS mails (id INTEGER PRIMARY KEY AUTOINCREMENT, "
         "created_ms INTEGER NOT NULL, next_attempt_ms INTEGER NOT NULL, "
         "attempts INTEGER NOT NULL, sender TEXT NOT NULL, recipients TEXT NOT NULL, "
         "subject TEXT NOT NULL, message BLOB NOT NULL, last_error TEXT NOT NULL)"},
        {}};
    return schema;
}

bool Outbox::open(QString *notice, QString *error)
{
    QString aside, why;
    const bool ok = m_file.open(schema(), &aside, &why);
    if (!aside.isEmpty())
        *notice = tr("it is damaged or not a Tandem outbox; it was moved to %1 and a new one "
                     "started")
                      .arg(aside);
    if (!ok)
        *error = tr("cannot open %1: %2").arg(filePath(), why);
    return ok;
}

bool Outbox::add(OutboxMail *mail, QString *error)
{
    QSqlQuery q(m_file.database());
    q.prepare(QStringLiteral(
        "INSERT INTO mails (created_ms, next_attempt_ms, attempts, sender, recipients, subject, "
        "message, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(mail->createdMs);
    q.addBindValue(mail->nextAttemptMs);
    q.addBindValue(mail->attempts);
    q.addBindValue(mail->from);
    q.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(mail->to)).toJson(QJsonDocument::Compact)));
    q.addBindValue(mail->subject);
    q.addBindValue(mail->message);
    q.addBindValue(mail->lastError.isNull() ? QStringLiteral("") : mail->lastError);
    if (!q.exec()) {
        if (error)
            *error = tr("cannot write to %1: %2").arg(filePath(), q.lastError().text());
        return false;
    }
    mail->id = q.lastInsertId().toLongLong();
    return true;
}

QList<OutboxMail> Outbox::select(const QString &where, const QVariantList &values, int limit) const
{
    QList<OutboxMail> mails;
    QSqlQuery q(m_file.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, created_ms, next_attempt_ms, attempts, sender, "
                             "recipients, subject, message, last_error FROM mails %1 ORDER BY id "
                             "LIMIT %2")
                  .arg(where)
                  .arg(limit));
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return mails;
    while (q.next()) {
        OutboxMail m;
        m.id = q.value(0).toLongLong();
        m.createdMs = q.value(1).toLongLong();
        m.nextAttemptMs = q.value(2).toLongLong();
        m.attempts = q.value(3).toInt();
        m.from = q.value(4).toString();
        for (const QJsonValue &to : QJsonDocument::fromJson(q.value(5).toByteArray()).array())
            m.to << to.toString();
        m.subject = q.value(6).toString();
        m.message = q.value(7).toByteArray();
        m.lastError = q.value(8).toString();
        mails << m;
    }
    return mails;
}

namespace {
// " AND id NOT IN (1, 2)" for a set of ids (numbers only, nothing to escape).
QString excluding(const QSet<qint64> &skip)
{
    if (skip.isEmpty())
        return {};
    QStringList ids;
    for (const qint64 id : skip)
        ids << QString::number(id);
    return QStringLiteral(" AND id NOT IN (%1)").arg(ids.join(QLatin1String(", ")));
}
} // namespace

std::optional<OutboxMail> Outbox::nextDue(qint64 nowMs, const QSet<qint64> &skip) const
{
    const QList<OutboxMail> due =
        select(QStringLiteral("WHERE next_attempt_ms <= ?") + excluding(skip), {nowMs}, 1);
    if (due.isEmpty())
        return std::nullopt;
    return due.constFirst();
}

std::optional<qint64> Outbox::earliestAttempt(const QSet<qint64> &skip) const
{
    QSqlQuery q(m_file.database());
    if (q.exec(QStringLiteral("SELECT MIN(next_attempt_ms) FROM mails WHERE 1") +
               excluding(skip)) &&
        q.next() && !q.value(0).isNull())
        return q.value(0).toLongLong();
    return std::nullopt;
}

std::optional<OutboxMail> Outbox::find(qint64 id) const
{
    const QList<OutboxMail> found = select(QStringLiteral("WHERE id = ?"), {id}, 1);
    if (found.isEmpty())
        return std::nullopt;
    return found.constFirst();
}

QList<OutboxMail> Outbox::createdBefore(qint64 cutoffMs) const
{
    return select(QStringLiteral("WHERE created_ms < ?"), {cutoffMs}, -1);
}

QList<OutboxMail> Outbox::all() const
{
    return select(QString(), {}, -1);
}

int Outbox::count() const
{
    QSqlQuery q(m_file.database());
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM mails")) && q.next() ? q.value(0).toInt()
                                                                            : 0;
}

bool Outbox::remove(qint64 id, QString *error)
{
    return update(QStringLiteral("DELETE FROM mails WHERE id = ?"), {id}, error);
}

bool Outbox::retryLater(qint64 id, qint64 nextAttemptMs, const QString &lastError, QString *error)
{
    return update(QStringLiteral("UPDATE mails SET attempts = attempts + 1, next_attempt_ms = ?, "
                                 "last_error = ? WHERE id = ?"),
                  {nextAttemptMs, lastError.isNull() ? QStringLiteral("") : lastError, id}, error);
}

bool Outbox::deferDue(qint64 untilMs, QString *error)
{
    return update(QStringLiteral("UPDATE mails SET next_attempt_ms = ? WHERE next_attempt_ms < ?"),
                  {untilMs, untilMs}, error);
}

bool Outbox::makeAllDue(qint64 nowMs, QString *error)
{
    return update(QStringLiteral("UPDATE mails SET next_attempt_ms = ?"), {nowMs}, error);
}

bool Outbox::update(const QString &statement, const QVariantList &values, QString *error)
{
    QSqlQuery q(m_file.database());
    q.prepare(statement);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (q.exec())
        return true;
    if (error)
        *error = tr("cannot write to %1: %2").arg(filePath(), q.lastError().text());
    return false;
}

} // namespace tandem
