#pragma once

#include "base/clock.h"
#include "base/worker.h"
#include "config/notificationsettings.h"
#include "events/event.h"
#include "notify/outbox.h"
#include "notify/smtpclient.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

namespace tandem {

class EventLog;

// What one delivery did: the servers tried in order, and which one took the mail.
struct DeliveryReport
{
    struct Try
    {
        QString url;
        SmtpResult result;
    };
    QList<Try> tries;
    int accepted = -1; // index into tries, -1: none did

    bool ok() const { return accepted >= 0; }
    // "smtp://a: reason; smtp://b: reason"
    QString errors() const;
};

// E-mail notification of the selected events (docs/requirements.md, Notifications tab), beyond the
// reference manual built so that nothing is lost:
// - events are batched: the first is mailed at once, later ones wait for the end of the
//   batching window, so a flapping server gives at most one mail per window;
// - a mail goes to the outbox (SQLite, state directory) before it is tried, and leaves
//   it only once a server accepted it, or when the retry period ran out (Error event);
// - primary first; on failure the secondary; after a mail went through the secondary it
//   stays preferred until it fails, then the primary is preferred again (docs/requirements.md);
// - when both fail, one Error event per failure streak and retries with growing back-off.
// SMTP dialogues run on a worker thread, one at a time.
class Mailer final : public QObject
{
    Q_OBJECT

public:
    enum class Server
    {
        Primary,
        Secondary
    };

    static constexpr qint64 FirstRetryMs = 5000;
    static constexpr qint64 MaxRetryMs = 15 * 60 * 1000;
    static qint64 retryDelayMs(int failedAttempts);

    Mailer(const QString &stateDir, EventLog *events, QObject *parent = nullptr);
    ~Mailer() override; // cancels a running dialogue and waits for its thread

    bool open(QString *notice, QString *error);
    Outbox *outbox() const { return m_outbox.get(); }

    void setSettings(const NotificationSettings &settings);
    // The SMTP password from the keychain, or why there is none.
    void setPassword(const QString &password);
    void setPasswordError(const QString &error);
    // A keychain read is under way: deliveries wait for setPassword/setPasswordError.
    void setPasswordPending();
    // Wall clock in ms since the epoch (tests move it by hand).
    void setClock(const Clock *clock) { m_clock = clock; }

    Server preferred() const { return m_preferred; }
    bool isFailing() const { return m_failing; }
    // For `tandemctl status`: outbox size, preferred server, failing.
    QJsonObject status() const;
    bool isDelivering() const { return m_worker.isBusy(); }

    // Whether an event is one the operator selected for mail.
    bool selects(const Event &event) const;

    // The servers of these settings, in the order a delivery tries them.
    static QList<SmtpServer> servers(const NotificationSettings &settings, const QString &password,
                                     Server first = Server::Primary);
    // One delivery, blocking (worker thread, tandemctl notify test).
    static DeliveryReport deliver(const QList<SmtpServer> &servers, const QString &from,
                                  const QStringList &to, const QByteArray &message,
                                  const std::atomic<bool> *abort = nullptr);
    // The reference manual's test mail to every recipient.
    static QByteArray testMessage(const NotificationSettings &settings);

public Q_SLOTS:
    void post(const tandem::Event &event);
    // Mails what the batching window holds now, then tries what is due.
    void flushBatch();
    // Makes every mail in the outbox due now and tries them ("retry now").
    void retryNow();
    // Tries what is due, if no dialogue is running.
    void processOutbox();

Q_SIGNALS:
    void delivered(qint64 mailId, const QString &url);
    void deliveryFailed(qint64 mailId, const QString &errors);
    // Nothing is due and nothing runs.
    void idle();

private:
    void composeBatch();
    void saveUnsaved();
    void removeDelivered();
    void dropExpired();
    void finished(qint64 mailId, Server first, const DeliveryReport &report);
    void scheduleNext();

    EventLog *m_events;
    std::unique_ptr<Outbox> m_outbox;
    NotificationSettings m_settings;
    QString m_password;
    QString m_passwordError;
    bool m_passwordPending = false;
    const Clock *m_clock = Clock::system();
    Server m_preferred = Server::Primary;
    bool m_failing = false;
    QStringList m_lastRefused;
    QList<Event> m_batch;
    QTimer m_window;
    QTimer m_retry;
    QList<OutboxMail> m_unsaved; // composed, not yet in the outbox
    bool m_saving = false;
    // New mail the outbox could not take (a full disk): refused, said once per streak.
    bool m_refusing = false;
    int m_refused = 0;
    // Accepted by a server but still in the outbox (its removal failed): never sent
    // again, removed as soon as the disk lets us.
    QSet<qint64> m_delivered;
    bool m_removeFailing = false;
    // When a failed delivery's retry time could not be written: nothing is tried before.
    qint64 m_notBeforeMs = 0;
    // "Retry now" that could not be written: every mail is due anyway.
    bool m_forceDue = false;
    Worker m_worker; // the SMTP dialogue; ~Mailer sets m_abort and waits for it
    std::atomic<bool> m_abort{false};
};

} // namespace tandem
