// E-mail notification through the real processes: tandemd mails its events to aiosmtpd
// peers, keeps undelivered mail across a kill -9, reports the outbox in its status, and
// `tandemctl notify test` / `notify set` behave as documented. The keychain round trip
// is in tst_keychain (it needs a D-Bus session); here there is no keychain on purpose.
#include "buildpaths.h"
#include "ctlrunner.h"
#include "smtppeer.h"
#include "tandemdprocess.h"

#include "config/configfile.h"
#include "host/controlserver.h"

#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>

using namespace tandem;
using namespace tandem::test;

class TestNotifications final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void engineMailsItsEvents();
    void mailInTheOutboxSurvivesKillDashNine();
    void retryAndStatusThroughTandemctl();
    void notifyTestSendsToEveryRecipient();
    void notifyTestReportsBothServersFailing();
    void notifyTestConnectionOnly();
    void withoutKeychainThePasswordIsRefusedNotDropped();
    void withoutKeychainTheEngineSaysWhy();

private:
    Configuration config(const QString &primary, const QString &secondary) const;
    // tandemctl in-process (tests/support/ctlrunner.h); out gets both streams.
    int ctl(const QStringList &args, QString *out = nullptr);
    // The tandemctl binary, for what needs a process of its own: a password on its
    // standard input and, with noKeychain, no D-Bus session for the keychain.
    int ctlProcess(const QStringList &args, QString *out, const QByteArray &input, bool noKeychain);
    static QProcessEnvironment noKeychainEnvironment();

    std::unique_ptr<TandemdProcess> m_engine;
    std::unique_ptr<SmtpPeer> m_primary, m_secondary;
};

void TestNotifications::init()
{
    m_engine = std::make_unique<TandemdProcess>();
    m_primary = std::make_unique<SmtpPeer>();
    m_secondary = std::make_unique<SmtpPeer>();
    QVERIFY(m_primary->start());
    QVERIFY(m_secondary->start());
}

void TestNotifications::cleanup()
{
    m_engine.reset();
    m_primary.reset();
    m_secondary.reset();
}

Configuration TestNotifications::config(const QString &primary, const QString &secondary) const
{
    Configuration c = Configuration::createNew();
    NotificationSettings &n = c.notifications;
    n.enabled = true;
    n.primarySmtp = primary;
    n.secondarySmtp = secondary;
    n.from = QStringLiteral("tandem@plant.example");
    n.to = {QStringLiteral("ops@plant.example"), QStringLiteral("night@plant.example")};
    n.allowPlaintext = true;
    n.batchWindowS = 0;
    n.timeoutS = 5;
    return c;
}

QProcessEnvironment TestNotifications::noKeychainEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.remove(QStringLiteral("DISPLAY")); // no D-Bus autolaunch through X11 either
    return env;
}

int TestNotifications::ctl(const QStringList &args, QString *out)
{
    const CtlResult r = runCtl(QStringList{QStringLiteral("--config"), m_engine->configFile(),
                                           QStringLiteral("--state-dir"), m_engine->stateDir()} +
                               args);
    if (out)
        *out = r.out + r.err;
    return r.exitCode;
}

int TestNotifications::ctlProcess(const QStringList &args, QString *out, const QByteArray &input,
                                  bool noKeychain)
{
    QProcess p;
    if (noKeychain)
        p.setProcessEnvironment(noKeychainEnvironment());
    p.start(test::tandemctlPath(),
            QStringList{QStringLiteral("--config"), m_engine->configFile(),
                        QStringLiteral("--state-dir"), m_engine->stateDir()} +
                args);
    if (!p.waitForStarted())
        return -1;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000))
        return -1;
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return p.exitCode();
}

void TestNotifications::engineMailsItsEvents()
{
    QVERIFY(m_engine->writeConfig(config(m_primary->url(), m_secondary->url()), {}));
    QVERIFY(m_engine->start());
    // The engine's start events, one mail each (batching is off here).
    QVERIFY(m_primary->waitForMessages(2));
    const QList<SmtpPeer::Message> mails = m_primary->messages();
    QCOMPARE(mails.at(0).recipients, QStringList({QStringLiteral("ops@plant.example"),
                                                  QStringLiteral("night@plant.example")}));
    QVERIFY2(mails.at(0).text.contains(QStringLiteral("\tInformational\tConfiguration '")),
             qPrintable(mails.at(0).text));
    QVERIFY(mails.at(1).text.contains(QStringLiteral("Tandem engine started with 0 pair(s)")));
    // Each mail line is exactly the event line tandemd printed.
    const QStringList engineLines = m_engine->eventLines();
    QVERIFY(mails.at(1).text.contains(engineLines.at(1)));
    QTRY_COMPARE(m_engine->status()
                     .value(QLatin1String("notifications"))
                     .toObject()
                     .value(QLatin1String("outbox"))
                     .toInt(),
                 0);
}

void TestNotifications::mailInTheOutboxSurvivesKillDashNine()
{
    // Both servers down: everything the engine mails waits in the outbox.
    const quint16 primaryPort = m_primary->port();
    m_primary->kill();
    m_secondary->kill();
    QVERIFY(m_engine->writeConfig(config(m_primary->url(), m_secondary->url()), {}));
    QVERIFY(m_engine->start());
    QVERIFY(m_engine->waitForEvent(QStringLiteral("could not be sent through")));
    const QString error =
        m_engine->events().filter(QStringLiteral("could not be sent")).constFirst();
    QVERIFY2(error.contains(m_primary->url()) && error.contains(m_secondary->url()),
             qPrintable(error));
    // Configuration applied, engine started, license, and the failure report: one mail
    // each (no batching here), all on disk before the kill.
    QTRY_VERIFY(m_engine->status()
                    .value(QLatin1String("notifications"))
                    .toObject()
                    .value(QLatin1String("outbox"))
                    .toInt() >= 4);
    m_engine->sendSignal(SIGKILL);
    QVERIFY(m_engine->waitForExit(5000));

    // After the crash, with a server back, the first run's mails are delivered.
    QVERIFY(m_primary->start({}, primaryPort));
    QVERIFY(m_engine->start());
    const auto delivered = [this] {
        QString all;
        for (const SmtpPeer::Message &m : m_primary->messages())
            all += m.text;
        return all;
    };
    // Both runs' start, and the first run's failure report.
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->status()
                                  .value(QLatin1String("notifications"))
                                  .toObject()
                                  .value(QLatin1String("outbox"))
                                  .toInt(),
                              0, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(delivered().count(QStringLiteral("Tandem engine started")), 2, 20000);
    QVERIFY(delivered().contains(QStringLiteral("could not be sent through")));
    // Oldest first: the first run's mails before the second run's.
    const qsizetype firstRun = delivered().indexOf(QStringLiteral("could not be sent through"));
    QVERIFY(firstRun < delivered().lastIndexOf(QStringLiteral("Tandem engine started")));
}

void TestNotifications::retryAndStatusThroughTandemctl()
{
    const quint16 port = m_primary->port();
    m_primary->kill();
    Configuration c = config(m_primary->url(), QString());
    QVERIFY(m_engine->writeConfig(c, {}));
    QVERIFY(m_engine->start());
    QVERIFY(m_engine->waitForEvent(QStringLiteral("could not be sent through")));
    QString out;
    QCOMPARE(ctl({QStringLiteral("status")}, &out), 0);
    QVERIFY2(out.contains(QStringLiteral("e-mail outbox: ")) &&
                 out.contains(QStringLiteral("(both failed last time)")),
             qPrintable(out));
    QVERIFY(m_primary->start({}, port));
    QCOMPARE(ctl({QStringLiteral("notify"), QStringLiteral("retry")}, &out), 0);
    QVERIFY2(out.contains(QStringLiteral("retrying the e-mail outbox now")), qPrintable(out));
    QVERIFY(m_primary->waitForMessages(2));
    QTRY_VERIFY(m_engine->status()
                    .value(QLatin1String("notifications"))
                    .toObject()
                    .value(QLatin1String("failing"))
                    .toBool() == false);
}

void TestNotifications::notifyTestSendsToEveryRecipient()
{
    QVERIFY(m_engine->writeConfig(config(m_primary->url(), m_secondary->url()), {}));
    QString out;
    QCOMPARE(ctl({QStringLiteral("notify"), QStringLiteral("test")}, &out), 0);
    QVERIFY2(out.contains(QStringLiteral("test mail accepted")), qPrintable(out));
    QVERIFY(m_primary->waitForMessages(1));
    const SmtpPeer::Message m = m_primary->messages().constFirst();
    QCOMPARE(m.recipients.size(), 2);
    QVERIFY(m.text.contains(QStringLiteral("This is a test notification from Tandem")));
}

void TestNotifications::notifyTestReportsBothServersFailing()
{
    m_primary->kill();
    m_secondary->kill();
    QVERIFY(m_engine->writeConfig(config(m_primary->url(), m_secondary->url()), {}));
    QString out;
    QCOMPARE(ctl({QStringLiteral("notify"), QStringLiteral("test")}, &out), 1);
    QVERIFY2(out.contains(m_primary->url()) && out.contains(m_secondary->url()) &&
                 out.contains(QStringLiteral("could not be sent")),
             qPrintable(out));
}

void TestNotifications::notifyTestConnectionOnly()
{
    QVERIFY(m_engine->writeConfig(config(m_primary->url(), m_secondary->url()), {}));
    QString out;
    QCOMPARE(ctl({QStringLiteral("notify"), QStringLiteral("test"), QStringLiteral("--connection"),
                  QStringLiteral("secondary")},
                 &out),
             0);
    QVERIFY2(out.contains(m_secondary->url()), qPrintable(out));
    QCOMPARE(m_secondary->messages().size(), 0); // no mail for a connection test
    m_primary->kill();
    QCOMPARE(ctl({QStringLiteral("notify"), QStringLiteral("test"), QStringLiteral("--connection"),
                  QStringLiteral("primary")},
                 &out),
             1);
    QVERIFY2(out.contains(m_primary->url()), qPrintable(out));
}

void TestNotifications::withoutKeychainThePasswordIsRefusedNotDropped()
{
    QVERIFY(m_engine->writeConfig(config(m_primary->url(), m_secondary->url()), {}));
    QFile file(m_engine->configFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();
    QString out;
    QCOMPARE(ctlProcess({QStringLiteral("notify"), QStringLiteral("set"), QStringLiteral("--user"),
                         QStringLiteral("alerts"), QStringLiteral("--password-stdin")},
                        &out, "hunter2\n", true),
             1);
    QVERIFY2(out.contains(QStringLiteral("keychain")) &&
                 out.contains(QStringLiteral("nothing was changed")),
             qPrintable(out));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray after = file.readAll();
    QCOMPARE(after, before); // neither the user nor, above all, the password
    QVERIFY(!after.contains("hunter2"));
}

void TestNotifications::withoutKeychainTheEngineSaysWhy()
{
    Configuration c = config(m_primary->url(), m_secondary->url());
    c.notifications.user = QStringLiteral("alerts");
    QVERIFY(m_engine->writeConfig(c, {}));
    m_engine->environment() = noKeychainEnvironment();
    QVERIFY(m_engine->start());
    QVERIFY(m_engine->waitForEvent(QStringLiteral("could not be sent through")));
    const QString error =
        m_engine->events().filter(QStringLiteral("could not be sent")).constFirst();
    QVERIFY2(error.contains(QStringLiteral("no SMTP password")) &&
                 error.contains(QStringLiteral("keychain")),
             qPrintable(error));
    QCOMPARE(m_primary->messages().size(), 0);
}

QTEST_GUILESS_MAIN(TestNotifications)
#include "tst_notifications.moc"
