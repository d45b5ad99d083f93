#include "mailer.h"

#include "base/logging.h"
#include "events/eventlog.h"
#include "notify/mailcomposer.h"

#include <QDateTime>
#include <QSysInfo>

#include <limits>

namespace tandem {

QString DeliveryReport::errors() const
{
    QStringList parts;
    for (const Try &t : tries)
        if (!t.result.ok)
            parts << t.url + QLatin1String(": ") + t.result.error;
    return parts.join(QLatin1String("; "));
}

qint64 Mailer::retryDelayMs(int failedAttempts)
{
    qint64 delay = FirstRetryMs;
    for (int i = 1; i < failedAttempts && delay < MaxRetryMs; ++i)
        delay *= 2;
    return std::min(delay, MaxRetryMs);
}

Mailer::Mailer(const QString &stateDir, EventLog *events, QObject *parent)
    : QObject(parent)
    , m_events(events)
    , m_outbox(std::make_unique<Outbox>(stateDir))
{
    m_window.setSingleShot(true);
    connect(&m_window, &QTimer::timeout, this, [this] {
        if (m_batch.isEmpty())
            return; // the window closes quietly
        composeBatch();
        m_window.start(m_settings.batchWindowS * 1000);
    });
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &Mailer::processOutbox);
}

Mailer::~Mailer()
{
    m_abort = true;
    m_worker.wait();
}

bool Mailer::open(QString *notice, QString *error)
{
    if (!m_outbox->open(notice, error))
        return false;
    // A (re)start is a good moment to try again: whatever waits goes now, oldest first.
    m_outbox->makeAllDue(m_clock->wallMs());
    return true;
}

void Mailer::setSettings(const NotificationSettings &settings)
{
    const bool serversChanged = settings.primarySmtp != m_settings.primarySmtp ||
                                settings.secondarySmtp != m_settings.secondarySmtp;
    m_settings = settings;
    if (serversChanged)
        m_preferred = Server::Primary;
    // Mails already in the outbox are delivered even when e-mail was just turned off:
    // they were promised before.
    processOutbox();
}

void Mailer::setPassword(const QString &password)
{
    m_password = password;
    m_passwordError.clear();
    m_passwordPending = false;
    processOutbox();
}

void Mailer::setPasswordError(const QString &error)
{
    m_password.clear();
    m_passwordError = error;
    m_passwordPending = false;
    processOutbox();
}

void Mailer::setPasswordPending()
{
    m_passwordPending = true;
}

QJsonObject Mailer::status() const
{
    return {{QStringLiteral("outbox"), m_outbox->count() - int(m_delivered.size())},
            {QStringLiteral("preferred"), m_preferred == Server::Primary
                                              ? QStringLiteral("primary")
                                              : QStringLiteral("secondary")},
            {QStringLiteral("failing"), m_failing},
            {QStringLiteral("delivering"), isDelivering()}};
}

bool Mailer::selects(const Event &event) const
{
    return m_settings.enabled && !m_settings.to.isEmpty() &&
           (m_settings.allEvents || m_settings.events.contains(event.id));
}

void Mailer::post(const Event &event)
{
    if (!selects(event))
        return;
    m_batch << event;
    if (m_window.isActive())
        return; // mailed when the window ends
    composeBatch();
    if (m_settings.batchWindowS > 0)
        m_window.start(m_settings.batchWindowS * 1000);
}

void Mailer::flushBatch()
{
    if (!m_batch.isEmpty())
        composeBatch();
    processOutbox();
}

namespace {
// The reference manual's message: From, To, Subject, Header text, (the lines), Footer text.
MailDraft draftFor(const NotificationSettings &settings)
{
    MailDraft draft;
    draft.from = settings.from;
    draft.to = settings.to;
    draft.subject = settings.subject;
    draft.header = settings.header;
    draft.footer = settings.footer;
    return draft;
}
} // namespace

void Mailer::composeBatch()
{
    MailDraft draft = draftFor(m_settings);
    for (const Event &e : std::as_const(m_batch))
        draft.lines << e.toLine();
    m_batch.clear();
    const QDateTime date = QDateTime::fromMSecsSinceEpoch(m_clock->wallMs());
    OutboxMail mail;
    mail.createdMs = date.toMSecsSinceEpoch();
    mail.nextAttemptMs = mail.createdMs;
    mail.from = draft.from;
    mail.to = draft.to;
    mail.subject = draft.subject;
    mail.message = MailComposer::compose(draft, date, MailComposer::newMessageId(draft.from, date));
    m_unsaved << mail;
    processOutbox();
}

void Mailer::dropExpired()
{
    const qint64 period = qint64(m_settings.retryHours) * 3600 * 1000;
    for (const OutboxMail &mail : m_outbox->createdBefore(m_clock->wallMs() - period)) {
        if (!m_outbox->remove(mail.id))
            continue;
        m_events->post(EventId::MailDropped, {},
                       {mail.subject, mail.to.join(QLatin1String(", ")),
                        QString::number(mail.attempts), QString::number(m_settings.retryHours),
                        mail.lastError});
    }
}

void Mailer::saveUnsaved()
{
    if (m_saving)
        return; // an event posted below is mailed too: the loop below takes it
    m_saving = true;
    while (!m_unsaved.isEmpty()) {
        // On disk at once, also while a dialogue runs: a crash must not take a mail with it.
        OutboxMail mail = m_unsaved.takeFirst();
        QString error;
        if (m_outbox->add(&mail, &error)) {
            if (m_refusing) {
                m_refusing = false;
                m_events->post(
                    EventId::MailAccepted, {},
                    {m_outbox->filePath(), QString::number(std::exchange(m_refused, 0))});
            }
            continue;
        }
        // Refused, not held in memory: holding it would stop the outbox behind it (what is
        // in it must still go out while the disk is full) and grow without end.
        ++m_refused;
        if (!m_refusing) {
            m_refusing = true;
            m_events->post(EventId::MailRefused, {}, {m_outbox->filePath(), error});
        }
    }
    m_saving = false;
}

void Mailer::removeDelivered()
{
    for (auto it = m_delivered.begin(); it != m_delivered.end();) {
        if (!m_outbox->remove(*it))
            return; // the disk is still full: later
        it = m_delivered.erase(it);
    }
    m_removeFailing = false;
}

void Mailer::processOutbox()
{
    saveUnsaved();
    if (m_worker.isBusy())
        return; // finished() comes back here
    removeDelivered();
    dropExpired();
    if (m_passwordPending && !m_settings.user.isEmpty()) {
        qCDebug(lcMail) << "waiting for the SMTP password from the keychain";
        return; // setPassword() or setPasswordError() comes back here
    }
    const qint64 now = m_clock->wallMs();
    const std::optional<OutboxMail> due =
        !m_forceDue && now < m_notBeforeMs
            ? std::nullopt
            : m_outbox->nextDue(m_forceDue ? std::numeric_limits<qint64>::max() : now, m_delivered);
    if (!due) {
        m_forceDue = false;
        scheduleNext();
        Q_EMIT idle();
        return;
    }
    qCDebug(lcMail) << "delivering mail" << due->id;
    const Server first = m_preferred;
    QList<SmtpServer> list = servers(m_settings, m_password, first);
    if (list.isEmpty()) {
        scheduleNext();
        Q_EMIT idle();
        return; // no server configured: the mail waits for one
    }
    const QString passwordError = m_settings.user.isEmpty() ? QString() : m_passwordError;
    m_abort = false;
    m_worker.start([this, mail = *due, list, first, passwordError] {
        DeliveryReport report;
        if (!passwordError.isEmpty()) {
            // Without its password the dialogue cannot succeed; say why instead.
            for (const SmtpServer &s : list)
                report.tries << DeliveryReport::Try{
                    s.url, {false, tr("no SMTP password: %1").arg(passwordError), {}}};
        } else {
            report = deliver(list, mail.from, mail.to, mail.message, &m_abort);
        }
        return [this, id = mail.id, first, report] { finished(id, first, report); };
    });
}

void Mailer::finished(qint64 mailId, Server first, const DeliveryReport &report)
{
    if (report.ok()) {
        const DeliveryReport::Try &accepted = report.tries.at(report.accepted);
        // The server that took the mail is the one to start with next time.
        m_preferred = (report.accepted == 0) == (first == Server::Primary) ? Server::Primary
                                                                           : Server::Secondary;
        QString error;
        if (!m_outbox->remove(mailId, &error)) {
            // Sent but still on disk (a full disk): it must not go out a second time.
            m_delivered.insert(mailId);
            if (!m_removeFailing)
                m_events->post(EventId::OutboxError, {}, {m_outbox->filePath(), error});
            m_removeFailing = true;
        }
        // On change only: the warning is mailed too, to the same recipients, and the
        // same refusal must not become a new warning for ever.
        const QStringList refused = accepted.result.refused;
        if (refused != m_lastRefused && !refused.isEmpty())
            m_events->post(EventId::MailRecipientRefused, {},
                           {m_settings.subject, accepted.url, refused.join(QLatin1String("; "))});
        m_lastRefused = refused;
        if (m_failing) {
            m_failing = false;
            m_events->post(EventId::SmtpRestored, {},
                           {accepted.url, QString::number(m_outbox->count())});
        }
        qCDebug(lcMail) << "mail" << mailId << "accepted by" << accepted.url;
        Q_EMIT delivered(mailId, accepted.url);
    } else {
        m_preferred = Server::Primary;
        const std::optional<OutboxMail> mail = m_outbox->find(mailId);
        const qint64 retryAt = m_clock->wallMs() + retryDelayMs(1 + (mail ? mail->attempts : 0));
        const QString errors = report.errors();
        // The servers are down for every mail, not just this one: all wait. When the disk
        // does not take that, the wait is kept here, so a full disk cannot make a retry loop.
        m_forceDue = false;
        if (!m_outbox->retryLater(mailId, retryAt, errors) || !m_outbox->deferDue(retryAt))
            m_notBeforeMs = retryAt;
        if (!m_failing) {
            m_failing = true;
            m_events->post(EventId::SmtpFailed, {},
                           {m_settings.primarySmtp,
                            m_settings.secondarySmtp.isEmpty() ? tr("(no secondary)")
                                                               : m_settings.secondarySmtp,
                            errors});
        }
        qCDebug(lcMail) << "mail" << mailId << "failed:" << errors;
        Q_EMIT deliveryFailed(mailId, errors);
    }
    processOutbox();
}

void Mailer::scheduleNext()
{
    const std::optional<qint64> next = m_outbox->earliestAttempt(m_delivered);
    if (!next && m_delivered.isEmpty()) {
        m_retry.stop();
        return;
    }
    // Wake at least hourly so the retry period is enforced even when nothing is due, and
    // every second while delivered mail waits to be removed.
    const qint64 at = std::max(next.value_or(std::numeric_limits<qint64>::max()), m_notBeforeMs);
    const qint64 wait = std::clamp(at - m_clock->wallMs(), qint64(0),
                                   qint64(m_delivered.isEmpty() ? 3600 * 1000 : 1000));
    m_retry.start(int(wait));
}

void Mailer::retryNow()
{
    m_notBeforeMs = 0;
    if (!m_outbox->makeAllDue(m_clock->wallMs()))
        m_forceDue = true;
    m_retry.stop();
    processOutbox();
}

QList<SmtpServer> Mailer::servers(const NotificationSettings &settings, const QString &password,
                                  Server first)
{
    QList<SmtpServer> list;
    for (const QString &url : {settings.primarySmtp, settings.secondarySmtp}) {
        if (url.isEmpty())
            continue;
        SmtpServer s;
        s.url = url;
        s.allowPlaintext = settings.allowPlaintext;
        s.caFile = settings.caFile;
        s.user = settings.user;
        s.password = password;
        s.timeoutMs = settings.timeoutS * 1000;
        list << s;
    }
    if (first == Server::Secondary && list.size() == 2)
        std::swap(list[0], list[1]);
    return list;
}

DeliveryReport Mailer::deliver(const QList<SmtpServer> &servers, const QString &from,
                               const QStringList &to, const QByteArray &message,
                               const std::atomic<bool> *abort)
{
    DeliveryReport report;
    SmtpClient client(abort);
    for (const SmtpServer &server : servers) {
        report.tries << DeliveryReport::Try{server.url, client.send(server, from, to, message)};
        if (report.tries.constLast().result.ok) {
            report.accepted = int(report.tries.size() - 1);
            break;
        }
        if (abort && abort->load())
            break;
    }
    return report;
}

QByteArray Mailer::testMessage(const NotificationSettings &settings)
{
    MailDraft draft = draftFor(settings);
    draft.lines
        << tr("This is a test notification from Tandem on %1.").arg(QSysInfo::machineHostName());
    const QDateTime now = QDateTime::currentDateTime();
    return MailComposer::compose(draft, now, MailComposer::newMessageId(settings.from, now));
}

} // namespace tandem
