#pragma once

#include "base/sqlitefile.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem {

struct OutboxMail
{
    qint64 id = 0;
    qint64 createdMs = 0; // wall clock, ms since the epoch: the outbox outlives restarts
    qint64 nextAttemptMs = 0;
    int attempts = 0;
    QString from;
    QStringList to;
    QString subject;
    QByteArray message; // complete RFC 5322 bytes
    QString lastError;
};

// Mails not yet accepted by a server, in SQLite in the state directory (synchronous=FULL:
// a mail the mailer took is on disk before it is tried). A mail leaves the outbox only
// when a server accepted it or when it is dropped after the retry period.
class Outbox final
{
    Q_DECLARE_TR_FUNCTIONS(Outbox)

public:
    static constexpr int SchemaVersion = 1;

    // The tables of the file, for open() and for checking one a backup brings.
    static const SqliteSchema &schema();

    explicit Outbox(const QString &stateDir);

    // *notice: a damaged or foreign file was moved aside (worth an Error event).
    bool open(QString *notice, QString *error);
    QString filePath() const { return m_file.path(); }

    bool add(OutboxMail *mail, QString *error); // sets mail->id
    // The oldest mail due at `nowMs`, but none of `skip`.
    std::optional<OutboxMail> nextDue(qint64 nowMs, const QSet<qint64> &skip = {}) const;
    // When the next mail but those of `skip` falls due; nullopt when there is none.
    std::optional<qint64> earliestAttempt(const QSet<qint64> &skip = {}) const;
    std::optional<OutboxMail> find(qint64 id) const;
    QList<OutboxMail> createdBefore(qint64 cutoffMs) const;
    QList<OutboxMail> all() const;
    int count() const;
    bool remove(qint64 id, QString *error = nullptr);
    // Records a failed attempt and when to try again.
    bool retryLater(qint64 id, qint64 nextAttemptMs, const QString &lastError,
                    QString *error = nullptr);
    // Moves every mail due before `untilMs` to `untilMs` (a retry that failed for all).
    bool deferDue(qint64 untilMs, QString *error = nullptr);
    // Makes every mail due at `nowMs` ("retry now").
    bool makeAllDue(qint64 nowMs, QString *error = nullptr);

private:
    bool update(const QString &statement, const QVariantList &values, QString *error);
    QList<OutboxMail> select(const QString &where, const QVariantList &values, int limit) const;

    SqliteFile m_file;
};

} // namespace tandem
