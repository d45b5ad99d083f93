// A full disk under the event history: tandemd posts an Error event, keeps serving its
// clients, keeps the events it could not write, and writes them once space returns.
// And under the mail outbox: mail already in it still reaches the SMTP server (aiosmtpd),
// only new mail is refused, with one event.
// Runs under tests/support/small-disk, which mounts a small tmpfs (a real file system
// that really fills up) at $TANDEM_SMALL_DISK.
#include "ctlrunner.h"
#include "modbuspeer.h"
#include "modbustestclient.h"
#include "smtppeer.h"
#include "tandemdprocess.h"

#include "host/controlserver.h"

#include <QFile>
#include <QSet>
#include <QTest>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using namespace tandem;
using namespace tandem::test;

class TestFullDisk final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fullDiskGivesAnErrorAndLosesNothing();
    void queuedMailIsDeliveredWhileTheDiskIsFull();

private:
    QString m_disk;
};

void TestFullDisk::initTestCase()
{
    m_disk = qEnvironmentVariable("TANDEM_SMALL_DISK");
    QVERIFY2(!m_disk.isEmpty(), "run this test through tests/support/small-disk");
}

// Writes zeros until the file system refuses: ENOSPC is the condition under test.
static bool fillDisk(const QString &path, QString *error)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(strerror(errno));
        return false;
    }
    const QByteArray chunk(4096, '\0');
    for (;;) {
        const ssize_t n = ::write(fd, chunk.constData(), size_t(chunk.size()));
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            *error = QString::fromLocal8Bit(strerror(err));
            return err == ENOSPC;
        }
    }
}

static QJsonObject flushEvents(const QString &stateDir)
{
    QString error;
    const auto answer = ControlClient::request(
        stateDir, {{QStringLiteral("command"), QStringLiteral("flush-events")}}, 5000, &error);
    return answer ? *answer : QJsonObject{{QStringLiteral("error"), error}};
}

void TestFullDisk::fullDiskGivesAnErrorAndLosesNothing()
{
    ModbusPeer primary, secondary;
    QVERIFY(primary.start(0));
    QVERIFY(secondary.start(1000));
    TandemdProcess engine(m_disk);
    Configuration config = Configuration::createNew();
    PairConfig p;
    p.name = QStringLiteral("line1");
    const quint16 port = TandemdProcess::freePort();
    p.endpoint = QStringLiteral("127.0.0.1:%1").arg(port);
    p.primary = primary.address();
    p.secondary = secondary.address();
    p.statusIntervalMs = 200;
    p.statusTimeoutMs = 100;
    config.pairs << p;
    QVERIFY(engine.writeConfig(config, {p.name}));
    QVERIFY(engine.start());
    QVERIFY(engine.waitForEvent(QStringLiteral("Started redundancy for 'line1': primary")));
    QVERIFY(flushEvents(engine.stateDir()).value(QLatin1String("ok")).toBool());

    const QString filler = m_disk + QStringLiteral("/filler");
    QString why;
    QVERIFY2(fillDisk(filler, &why), qPrintable(why));

    // Events while the disk is full: a fail-over.
    primary.kill();
    QVERIFY(engine.waitForEvent(
        QStringLiteral("Promoted active connection for server 'line1' to secondary")));
    const QJsonObject refused = flushEvents(engine.stateDir());
    QCOMPARE(refused.value(QLatin1String("ok")).toBool(), false);
    QVERIFY2(refused.value(QLatin1String("error")).toString().contains(QLatin1String("full")),
             qPrintable(refused.value(QLatin1String("error")).toString()));
    QVERIFY(engine.waitForEvent(QStringLiteral("could not be used")));
    const QStringList errors = engine.lines().filter(QStringLiteral("\tError\tThe event history"));
    QCOMPARE(errors.size(), 1); // once per failure streak, not once per retry

    // The engine keeps serving: the client reads the secondary through the pair.
    ModbusTestClient client;
    QVERIFY(client.connectTo(QStringLiteral("127.0.0.1"), port));
    const ModbusTestClient::Reply reply = client.readHoldingRegisters(1, 1, 1);
    QVERIFY2(reply.ok, qPrintable(reply.error));
    QCOMPARE(reply.registers.value(0), quint16(1000));
    QVERIFY(engine.status().value(QLatin1String("pairs")).isArray());

    // Space returns: every event posted meanwhile reaches the history, in order.
    QVERIFY(QFile::remove(filler));
    const QStringList posted = engine.eventLines();
    QVERIFY(flushEvents(engine.stateDir()).value(QLatin1String("ok")).toBool());
    const QString exportFile = m_disk + QStringLiteral("/export.txt");
    const CtlResult ctl =
        runCtl({QStringLiteral("--config"), engine.configFile(), QStringLiteral("--state-dir"),
                engine.stateDir(), QStringLiteral("events"), QStringLiteral("export"), exportFile});
    QCOMPARE(ctl.exitCode, 0);
    QFile f(exportFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList stored =
        QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(stored.mid(0, posted.size()), posted);
    QVERIFY(stored.filter(QStringLiteral("\tError\tThe event history")).size() == 1);
}

static int outboxSize(TandemdProcess &engine)
{
    return engine.status()
        .value(QLatin1String("notifications"))
        .toObject()
        .value(QLatin1String("outbox"))
        .toInt(-1);
}

void TestFullDisk::queuedMailIsDeliveredWhileTheDiskIsFull()
{
    // The mail server is down at first: the engine's mails wait in the outbox.
    SmtpPeer smtp;
    QVERIFY(smtp.start());
    const quint16 smtpPort = smtp.port();
    smtp.kill();
    ModbusPeer primary, secondary;
    QVERIFY(primary.start(0));
    QVERIFY(secondary.start(1000));
    TandemdProcess engine(m_disk);
    Configuration config = Configuration::createNew();
    NotificationSettings &n = config.notifications;
    n.enabled = true;
    n.primarySmtp = smtp.url();
    n.from = QStringLiteral("tandem@plant.example");
    n.to = {QStringLiteral("ops@plant.example")};
    n.allowPlaintext = true;
    n.batchWindowS = 0;
    n.timeoutS = 5;
    PairConfig p;
    p.name = QStringLiteral("line1");
    p.endpoint = QStringLiteral("127.0.0.1:%1").arg(TandemdProcess::freePort());
    p.primary = primary.address();
    p.secondary = secondary.address();
    p.statusIntervalMs = 200;
    p.statusTimeoutMs = 100;
    config.pairs << p;
    QVERIFY(engine.writeConfig(config, {p.name}));
    QVERIFY(engine.start());
    QVERIFY(engine.waitForEvent(QStringLiteral("Started redundancy for 'line1': primary")));
    QVERIFY(engine.waitForEvent(QStringLiteral("could not be sent through")));
    QTRY_VERIFY_WITH_TIMEOUT(outboxSize(engine) >= 3, 10000);
    QVERIFY(flushEvents(engine.stateDir()).value(QLatin1String("ok")).toBool());
    const int queued = outboxSize(engine);

    const QString filler = m_disk + QStringLiteral("/filler");
    QString why;
    QVERIFY2(fillDisk(filler, &why), qPrintable(why));

    // New events while the disk is full: their mail is refused, with one event.
    const quint16 primaryPort = primary.port();
    primary.kill();
    QVERIFY2(engine.waitForEvent(
                 QStringLiteral("Promoted active connection for server 'line1' to secondary")),
             qPrintable(engine.lines().join(QLatin1Char('\n')).right(2000)));

    // The server comes back; what waited in the outbox goes out, once each.
    QVERIFY(smtp.start({}, smtpPort));
    QString error;
    const auto retried = ControlClient::request(
        engine.stateDir(), {{QStringLiteral("command"), QStringLiteral("notify-retry")}}, 5000,
        &error);
    QVERIFY2(retried && retried->value(QLatin1String("ok")).toBool(), qPrintable(error));
    QVERIFY(smtp.waitForMessages(queued, 20000));
    QTRY_COMPARE_WITH_TIMEOUT(outboxSize(engine), 0, 20000);
    QString delivered;
    QStringList messageIds;
    for (const SmtpPeer::Message &m : smtp.messages()) {
        delivered += m.text;
        const qsizetype at = m.raw.indexOf("Message-ID: ");
        messageIds << QString::fromLatin1(m.raw.mid(at, m.raw.indexOf('\r', at) - at));
    }
    QCOMPARE(smtp.messages().size(), queued);
    QCOMPARE(QSet<QString>(messageIds.cbegin(), messageIds.cend()).size(), queued);
    QVERIFY2(delivered.contains(QStringLiteral("Tandem engine started")), qPrintable(delivered));
    QVERIFY2(delivered.contains(QStringLiteral("could not be sent through")),
             qPrintable(delivered));
    QVERIFY(engine.waitForEvent(QStringLiteral("New e-mail notifications are refused")));
    QCOMPARE(engine.countEvents(QStringLiteral("New e-mail notifications are refused")), 1);
    // No storm of errors either (each event's mail failing posted another event): the
    // history's error once, the outbox's at most once.
    QVERIFY2(
        engine.countEvents(QStringLiteral("could not be used")) <= 2,
        qPrintable(
            engine.events().filter(QStringLiteral("could not be used")).join(QLatin1Char('\n'))));
    QVERIFY(!delivered.contains(QStringLiteral("Promoted active connection")));

    // Space returns: new mail is taken again, and says how many were refused.
    QVERIFY(QFile::remove(filler));
    QVERIFY(primary.start(0, primaryPort));
    secondary.kill();
    QVERIFY(engine.waitForEvent(
        QStringLiteral("Promoted active connection for server 'line1' to primary")));
    QVERIFY(engine.waitForEvent(QStringLiteral("takes new notifications again")));
    QTRY_VERIFY_WITH_TIMEOUT(smtp.messages().size() > queued, 20000);
    QCOMPARE(engine.countEvents(QStringLiteral("New e-mail notifications are refused")), 1);
}

QTEST_GUILESS_MAIN(TestFullDisk)
#include "tst_fulldisk.moc"
