// The mailer against real SMTP servers (aiosmtpd on loopback): primary, secondary and
// the reference manual's sticky secondary, the outbox when both are down, refused recipients,
// batching of event storms, a server that hangs mid-dialogue, STARTTLS, implicit TLS,
// AUTH, and mails dropped only after the retry period.
#include "smtppeer.h"

#include "events/eventlog.h"
#include "notify/mailer.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using namespace tandem::test;

class TestMailer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void deliversThroughThePrimary();
    void primaryDownUsesTheSecondary();
    void secondaryStaysPreferredUntilItFails();
    void bothDownKeepsTheMailAndRetriesWithBackOff();
    void refusedRecipientDoesNotStopTheOthers();
    void eventStormIsBatchedIntoOneMailPerWindow();
    void serverHangingMidDialogueTimesOutAndFailsOver();
    void startTlsAndAuth();
    void plainTextOnlyWhenAllowed();
    void implicitTlsVerifiesTheCertificate();
    void unselectedEventsAreNotMailed();
    void mailIsDroppedOnlyAfterTheRetryPeriod();

private:
    NotificationSettings settings(const QString &primary, const QString &secondary) const;
    void startMailer(const NotificationSettings &s);
    void postEvent(const QString &text = QStringLiteral("line1"));
    // A message's text body, decoded by the peer (Python's email package).
    static QString body(const SmtpPeer::Message &m) { return m.text; }
    QStringList eventTexts(Severity severity) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EventLog> m_events;
    ManualClock m_clock; // declared first: outlives the mailer that may read it
    std::unique_ptr<Mailer> m_mailer;
    std::unique_ptr<SmtpPeer> m_primary, m_secondary;
    QList<Event> m_posted;
};

void TestMailer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_events = std::make_unique<EventLog>();
    m_posted.clear();
    connect(m_events.get(), &EventLog::eventPosted, this,
            [this](const Event &e) { m_posted << e; });
    m_primary = std::make_unique<SmtpPeer>();
    m_secondary = std::make_unique<SmtpPeer>();
    QVERIFY(m_primary->start());
    QVERIFY(m_secondary->start());
}

void TestMailer::cleanup()
{
    m_mailer.reset();
    m_events.reset();
    m_primary.reset();
    m_secondary.reset();
    m_dir.reset();
}

NotificationSettings TestMailer::settings(const QString &primary, const QString &secondary) const
{
    NotificationSettings n;
    n.enabled = true;
    n.primarySmtp = primary;
    n.secondarySmtp = secondary;
    n.from = QStringLiteral("tandem@plant.example");
    n.to = {QStringLiteral("ops@plant.example"), QStringLiteral("boss@plant.example")};
    n.subject = QStringLiteral("Tandem e-mail notification.");
    n.header = QStringLiteral("Plant A, line 1");
    n.footer = QStringLiteral("Sent by Tandem");
    n.allowPlaintext = true; // the plain test servers offer no STARTTLS
    n.batchWindowS = 0;      // every event its own mail, unless a test batches
    n.timeoutS = 5;
    return n;
}

void TestMailer::startMailer(const NotificationSettings &s)
{
    m_mailer = std::make_unique<Mailer>(m_dir->path(), m_events.get());
    QString notice, error;
    QVERIFY2(m_mailer->open(&notice, &error), qPrintable(error));
    QVERIFY(notice.isEmpty());
    connect(m_events.get(), &EventLog::eventPosted, m_mailer.get(), &Mailer::post);
    m_mailer->setSettings(s);
}

void TestMailer::postEvent(const QString &pair)
{
    m_events->post(EventId::ConnectFailed.primary, pair, {pair, QStringLiteral("plc-a:502")}, {},
                   QStringLiteral("Connection refused"));
}

QStringList TestMailer::eventTexts(Severity severity) const
{
    QStringList texts;
    for (const Event &e : m_posted)
        if (e.severity == severity)
            texts << e.text;
    return texts;
}

void TestMailer::deliversThroughThePrimary()
{
    startMailer(settings(m_primary->url(), m_secondary->url()));
    QSignalSpy delivered(m_mailer.get(), &Mailer::delivered);
    postEvent();
    QVERIFY(m_primary->waitForMessages(1));
    const SmtpPeer::Message m = m_primary->messages().constFirst();
    QCOMPARE(m.from, QStringLiteral("tandem@plant.example"));
    QCOMPARE(m.recipients, QStringList({QStringLiteral("ops@plant.example"),
                                        QStringLiteral("boss@plant.example")}));
    // Header text, the event line, footer; the line is the event view's own format, its
    // reason last.
    QVERIFY(m.raw.contains("\r\nSubject: Tandem e-mail notification.\r\n"));
    const QString text = body(m);
    const qsizetype header = text.indexOf(QStringLiteral("Plant A, line 1"));
    const qsizetype line = text.indexOf(
        QStringLiteral("\tError\tFailed to connect to 'line1' on primary machine 'plc-a:502'."
                       "\tConnection refused\n"));
    const qsizetype footer = text.indexOf(QStringLiteral("Sent by Tandem"));
    QVERIFY2(header == 0 && line > header && footer > line, qPrintable(text));
    QVERIFY(delivered.wait(5000) || delivered.size() == 1);
    QCOMPARE(delivered.constFirst().at(1).toString(), m_primary->url());
    QCOMPARE(m_mailer->outbox()->count(), 0); // sent means gone from the outbox
    QCOMPARE(m_secondary->messages().size(), 0);
}

void TestMailer::primaryDownUsesTheSecondary()
{
    m_primary->kill();
    startMailer(settings(m_primary->url(), m_secondary->url()));
    postEvent();
    QVERIFY(m_secondary->waitForMessages(1));
    QTRY_COMPARE(m_mailer->preferred(), Mailer::Server::Secondary);
    QTRY_COMPARE(m_mailer->outbox()->count(), 0);
    QCOMPARE(eventTexts(Severity::Error).filter(QStringLiteral("E-mail")).size(), 0);
}

void TestMailer::secondaryStaysPreferredUntilItFails()
{
    const quint16 primaryPort = m_primary->port();
    m_primary->kill();
    startMailer(settings(m_primary->url(), m_secondary->url()));
    QSignalSpy delivered(m_mailer.get(), &Mailer::delivered);
    postEvent(QStringLiteral("a"));
    QVERIFY(m_secondary->waitForMessages(1));
    QTRY_COMPARE(delivered.size(), 1);

    // The primary is back, but the secondary took the last mail: it keeps the next.
    QVERIFY(m_primary->start({}, primaryPort));
    postEvent(QStringLiteral("b"));
    QVERIFY(m_secondary->waitForMessages(2));
    QTRY_COMPARE(delivered.size(), 2);
    QCOMPARE(m_primary->messages().size(), 0);

    // The secondary fails: this mail goes through the primary, and so do the next.
    m_secondary->kill();
    postEvent(QStringLiteral("c"));
    QVERIFY(m_primary->waitForMessages(1));
    QTRY_COMPARE(delivered.size(), 3);
    QCOMPARE(m_mailer->preferred(), Mailer::Server::Primary);
    QVERIFY(m_secondary->start({}, m_secondary->port()));
    postEvent(QStringLiteral("d"));
    QVERIFY(m_primary->waitForMessages(2));
    QCOMPARE(m_secondary->messages().size(), 0);
    QVERIFY(body(m_primary->messages().at(1)).contains(QStringLiteral("'d'")));
}

void TestMailer::bothDownKeepsTheMailAndRetriesWithBackOff()
{
    const quint16 primaryPort = m_primary->port();
    m_primary->kill();
    m_secondary->kill();
    startMailer(settings(m_primary->url(), m_secondary->url()));
    QSignalSpy failed(m_mailer.get(), &Mailer::deliveryFailed);
    postEvent();
    QVERIFY(failed.wait(10000));
    // One Error event naming both servers and why.
    QTRY_COMPARE(eventTexts(Severity::Error).filter(QStringLiteral("E-mail notification")).size(),
                 1);
    const QString error =
        eventTexts(Severity::Error).filter(QStringLiteral("E-mail notification")).constFirst();
    QVERIFY2(error.contains(m_primary->url()) && error.contains(m_secondary->url()) &&
                 error.contains(QStringLiteral("onnect")),
             qPrintable(error));
    // The error event is itself a selected event: it waits in the outbox too.
    QTRY_VERIFY(m_mailer->outbox()->count() >= 1);
    const OutboxMail first = m_mailer->outbox()->all().constFirst();
    QCOMPARE(first.attempts, 1);
    QVERIFY(first.lastError.contains(m_primary->url()));
    QVERIFY(first.nextAttemptMs - QDateTime::currentMSecsSinceEpoch() > 3000); // backed off

    // The primary returns; the back-off timer delivers without anyone asking.
    QVERIFY(m_primary->start({}, primaryPort));
    QVERIFY(m_primary->waitForMessages(1, 15000));
    QTRY_COMPARE_WITH_TIMEOUT(m_mailer->outbox()->count(), 0, 15000);
    QVERIFY(body(m_primary->messages().constFirst())
                .contains(QStringLiteral("Failed to connect to 'line1'")));
    QTRY_COMPARE(eventTexts(Severity::Informational)
                     .filter(QStringLiteral("E-mail notification delivered again"))
                     .size(),
                 1);
    QCOMPARE(Mailer::retryDelayMs(1), 5000);
    QCOMPARE(Mailer::retryDelayMs(2), 10000);
    QCOMPARE(Mailer::retryDelayMs(30), Mailer::MaxRetryMs);
}

void TestMailer::refusedRecipientDoesNotStopTheOthers()
{
    m_primary.reset(new SmtpPeer);
    SmtpPeer::Options options;
    options.refuse = {QStringLiteral("boss@plant.example")};
    QVERIFY(m_primary->start(options));
    NotificationSettings s = settings(m_primary->url(), m_secondary->url());
    s.to << QStringLiteral("night@plant.example");
    startMailer(s);
    postEvent();
    QVERIFY(m_primary->waitForMessages(1));
    QCOMPARE(
        m_primary->messages().constFirst().recipients,
        QStringList({QStringLiteral("ops@plant.example"), QStringLiteral("night@plant.example")}));
    QTRY_COMPARE(eventTexts(Severity::Warning).size(), 1);
    QVERIFY2(eventTexts(Severity::Warning)
                 .constFirst()
                 .contains(QStringLiteral("boss@plant.example: 550")),
             qPrintable(eventTexts(Severity::Warning).constFirst()));
    QCOMPARE(m_secondary->messages().size(), 0); // delivered: no fail-over for one address
    QTRY_COMPARE(m_mailer->outbox()->count(), 0);
}

void TestMailer::eventStormIsBatchedIntoOneMailPerWindow()
{
    NotificationSettings s = settings(m_primary->url(), m_secondary->url());
    s.batchWindowS = 2;
    startMailer(s);
    postEvent(QStringLiteral("first"));
    QVERIFY(m_primary->waitForMessages(1)); // the first event goes at once
    for (int i = 0; i < 20; ++i)
        postEvent(QStringLiteral("storm%1").arg(i));
    QVERIFY(m_primary->waitForMessages(2, 6000));
    QVERIFY(!m_primary->waitForMessages(3, 2500)); // nothing more within a whole window
    const QString storm = body(m_primary->messages().at(1));
    for (int i = 0; i < 20; ++i)
        QVERIFY2(storm.contains(QStringLiteral("'storm%1'").arg(i)), qPrintable(storm));
    QVERIFY(!storm.contains(QStringLiteral("'first'")));
    // After a quiet window the next event goes at once again.
    postEvent(QStringLiteral("later"));
    QVERIFY(m_primary->waitForMessages(3, 1500));
}

void TestMailer::serverHangingMidDialogueTimesOutAndFailsOver()
{
    QVERIFY(m_primary->command(QStringLiteral("hang-at DATA")));
    NotificationSettings s = settings(m_primary->url(), m_secondary->url());
    s.timeoutS = 2;
    startMailer(s);
    QElapsedTimer timer;
    timer.start();
    postEvent();
    QVERIFY(m_secondary->waitForMessages(1, 10000));
    QVERIFY(timer.elapsed() >= 1900);
    QCOMPARE(m_primary->messages().size(), 0);
    QTRY_COMPARE(m_mailer->preferred(), Mailer::Server::Secondary);
}

void TestMailer::startTlsAndAuth()
{
    m_primary.reset(new SmtpPeer);
    SmtpPeer::Options options;
    options.starttls = true;
    options.requireTls = true;
    options.authUser = QStringLiteral("alerts");
    options.authPassword = QStringLiteral("pä$$ word");
    QVERIFY(m_primary->start(options));
    NotificationSettings s = settings(m_primary->url(QStringLiteral("localhost")), QString());
    s.allowPlaintext = false;
    s.caFile = SmtpPeer::caFile();
    s.user = QStringLiteral("alerts");
    startMailer(s);
    m_mailer->setPassword(QStringLiteral("pä$$ word"));
    postEvent();
    QVERIFY(m_primary->waitForMessages(1));
    const SmtpPeer::Message m = m_primary->messages().constFirst();
    QVERIFY(m.tls);
    QCOMPARE(m.authUser, QStringLiteral("alerts"));
    QCOMPARE(m_primary->starttlsCount(), 1);

    // A wrong password: the server's refusal is in the error.
    m_mailer->setPassword(QStringLiteral("wrong"));
    QSignalSpy failed(m_mailer.get(), &Mailer::deliveryFailed);
    postEvent();
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.constFirst().at(1).toString().contains(QStringLiteral("535")),
             qPrintable(failed.constFirst().at(1).toString()));
}

void TestMailer::plainTextOnlyWhenAllowed()
{
    NotificationSettings s = settings(m_primary->url(), QString());
    s.allowPlaintext = false; // STARTTLS required, and this server has none
    startMailer(s);
    QSignalSpy failed(m_mailer.get(), &Mailer::deliveryFailed);
    postEvent();
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.constFirst().at(1).toString().contains(QStringLiteral("STARTTLS")),
             qPrintable(failed.constFirst().at(1).toString()));
    QCOMPARE(m_primary->messages().size(), 0);

    s.allowPlaintext = true;
    m_mailer->setSettings(s);
    m_mailer->retryNow();
    QVERIFY(m_primary->waitForMessages(1));
    QVERIFY(!m_primary->messages().constFirst().tls);
}

void TestMailer::implicitTlsVerifiesTheCertificate()
{
    m_primary.reset(new SmtpPeer);
    SmtpPeer::Options untrusted;
    untrusted.implicitTls = true;
    untrusted.untrustedCert = true;
    QVERIFY(m_primary->start(untrusted));
    m_secondary.reset(new SmtpPeer);
    SmtpPeer::Options trusted;
    trusted.implicitTls = true;
    QVERIFY(m_secondary->start(trusted));
    NotificationSettings s = settings(m_primary->url(QStringLiteral("localhost")),
                                      m_secondary->url(QStringLiteral("localhost")));
    s.caFile = SmtpPeer::caFile();
    startMailer(s);
    postEvent();
    QVERIFY(m_secondary->waitForMessages(1));
    QVERIFY(m_secondary->messages().constFirst().tls);
    QCOMPARE(m_primary->messages().size(), 0); // a certificate nobody vouches for is refused
    QTRY_COMPARE(m_mailer->preferred(), Mailer::Server::Secondary);
}

void TestMailer::unselectedEventsAreNotMailed()
{
    NotificationSettings s = settings(m_primary->url(), QString());
    s.allEvents = false;
    s.events = {QStringLiteral("promoted.secondary")};
    startMailer(s);
    postEvent(); // connect-failed.primary: not selected
    m_events->post(EventId::Promoted.secondary, QStringLiteral("line1"),
                   {QStringLiteral("line1"), QStringLiteral("plc-b:502")});
    QVERIFY(m_primary->waitForMessages(1));
    const QString text = body(m_primary->messages().constFirst());
    QVERIFY(text.contains(QStringLiteral("Promoted active connection")));
    QVERIFY(!text.contains(QStringLiteral("Failed to connect")));
    QTRY_COMPARE(m_mailer->outbox()->count(), 0); // delivered, and so out of the outbox

    s.enabled = false;
    m_mailer->setSettings(s);
    m_events->post(EventId::Promoted.secondary, QStringLiteral("line1"),
                   {QStringLiteral("line1"), QStringLiteral("plc-b:502")});
    QCOMPARE(m_mailer->outbox()->count(), 0);
}

void TestMailer::mailIsDroppedOnlyAfterTheRetryPeriod()
{
    m_primary->kill();
    m_secondary->kill();
    // Wall time only: the retry period is read, no timer armed.
    m_clock.setWall(QDateTime::currentMSecsSinceEpoch());
    NotificationSettings s = settings(m_primary->url(), m_secondary->url());
    s.retryHours = 2;
    s.events = {QStringLiteral("connect-failed.primary")};
    s.allEvents = false; // keep the mailer's own error events out of the outbox
    startMailer(s);
    m_mailer->setClock(&m_clock);
    QSignalSpy failed(m_mailer.get(), &Mailer::deliveryFailed);
    postEvent();
    QVERIFY(failed.wait(10000));
    QCOMPARE(m_mailer->outbox()->count(), 1);

    m_clock.advance(2 * 3600 * 1000 - 60 * 1000); // a minute before the period ends: kept
    m_mailer->retryNow();
    QVERIFY(failed.wait(10000));
    QCOMPARE(m_mailer->outbox()->count(), 1);
    QCOMPARE(m_mailer->outbox()->all().constFirst().attempts, 2);

    m_clock.advance(2 * 60 * 1000);
    m_mailer->processOutbox();
    QCOMPARE(m_mailer->outbox()->count(), 0);
    const QStringList dropped = eventTexts(Severity::Error).filter(QStringLiteral("dropped"));
    QCOMPARE(dropped.size(), 1);
    QVERIFY2(dropped.constFirst().contains(QStringLiteral("ops@plant.example")) &&
                 dropped.constFirst().contains(QStringLiteral("after 2 attempt(s) over 2 hour(s)")),
             qPrintable(dropped.constFirst()));
}

QTEST_GUILESS_MAIN(TestMailer)
#include "tst_mailer.moc"
