// SMTP and OPC UA passwords through the system keychain: gnome-keyring's Secret Service in a
// private D-Bus session (tests/support/with-keyring). tandemctl stores the password, tandem.xml
// never holds it, and tandemd (whose main loop is not GLib's) reads it to log in.
#include "buildpaths.h"
#include "opcuapeer.h"
#include "smtppeer.h"
#include "tandemdprocess.h"

#include "secrets/passwordstore.h"

#include <QFile>
#include <QProcess>
#include <QTest>

using namespace tandem;
using namespace tandem::test;

class TestKeychain final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip();
    void tandemctlStoresAndTheEngineLogsIn();
    void opcUaUserLogsInWithTheStoredPassword();

private:
    int ctl(TandemdProcess &engine, const QStringList &args, QString *out,
            const QByteArray &input = {});
};

void TestKeychain::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "run this test through tests/support/with-keyring");
}

void TestKeychain::roundTrip()
{
    const QString key = PasswordStore::smtpKey(QStringLiteral("roundtrip"));
    PasswordStore::removeBlocking(key);
    PasswordStore::Result r = PasswordStore::readBlocking(key);
    QVERIFY(!r.ok);
    QVERIFY2(r.notFound, qPrintable(r.error));
    QVERIFY(PasswordStore::writeBlocking(key, QStringLiteral("pä$$ wörd")).ok);
    r = PasswordStore::readBlocking(key);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.password, QStringLiteral("pä$$ wörd"));
    QVERIFY(PasswordStore::removeBlocking(key).ok);
    QVERIFY(PasswordStore::readBlocking(key).notFound);
}

int TestKeychain::ctl(TandemdProcess &engine, const QStringList &args, QString *out,
                      const QByteArray &input)
{
    QProcess p;
    p.start(test::tandemctlPath(), QStringList{QStringLiteral("--config"), engine.configFile(),
                                               QStringLiteral("--state-dir"), engine.stateDir()} +
                                       args);
    if (!p.waitForStarted())
        return -1;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000))
        return -1;
    *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return p.exitCode();
}

void TestKeychain::tandemctlStoresAndTheEngineLogsIn()
{
    SmtpPeer server;
    SmtpPeer::Options options;
    options.authUser = QStringLiteral("alerts");
    options.authPassword = QStringLiteral("correct horse");
    options.authPlaintext = true;
    QVERIFY(server.start(options));
    TandemdProcess engine;
    Configuration config = Configuration::createNew();
    QVERIFY(engine.writeConfig(config, {}));

    QString out;
    QCOMPARE(ctl(engine,
                 {QStringLiteral("notify"), QStringLiteral("set"), QStringLiteral("--enable"),
                  QStringLiteral("yes"), QStringLiteral("--primary-smtp"), server.url(),
                  QStringLiteral("--allow-plaintext"), QStringLiteral("yes"),
                  QStringLiteral("--from"), QStringLiteral("tandem@plant.example"),
                  QStringLiteral("--to"), QStringLiteral("ops@plant.example"),
                  QStringLiteral("--batch-window"), QStringLiteral("0"), QStringLiteral("--user"),
                  QStringLiteral("alerts"), QStringLiteral("--password-stdin")},
                 &out, "correct horse\n"),
             0);
    QVERIFY2(out.contains(QStringLiteral("stored in the system keychain")), qPrintable(out));
    QFile file(engine.configFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray xml = file.readAll();
    QVERIFY(xml.contains("<user>alerts</user>"));
    QVERIFY(!xml.contains("correct horse"));

    // tandemctl's test mail logs in with the stored password.
    QCOMPARE(ctl(engine, {QStringLiteral("notify"), QStringLiteral("test")}, &out), 0);
    QVERIFY(server.waitForMessages(1));
    QCOMPARE(server.messages().constFirst().authUser, QStringLiteral("alerts"));

    // So does tandemd for its events.
    QVERIFY(engine.start());
    QVERIFY(server.waitForMessages(3));
    QCOMPARE(server.messages().at(2).authUser, QStringLiteral("alerts"));
    QVERIFY(server.messages().at(2).text.contains(QStringLiteral("Tandem engine")) ||
            server.messages().at(1).text.contains(QStringLiteral("Tandem engine")));

    // A new password: stored, the running engine reloads and uses it.
    const quint16 port = server.port();
    server.stop();
    options.authPassword = QStringLiteral("battery staple");
    QVERIFY(server.start(options, port));
    QCOMPARE(ctl(engine,
                 {QStringLiteral("notify"), QStringLiteral("set"), QStringLiteral("--user"),
                  QStringLiteral("alerts"), QStringLiteral("--password-stdin")},
                 &out, "battery staple\n"),
             0);
    // The reload's "Configuration ... applied."; on failure, the engine's last words.
    const bool delivered = server.waitForMessages(1);
    const QStringList last = engine.lines();
    QVERIFY2(delivered,
             qPrintable(last.mid(qMax(qsizetype(0), last.size() - 8)).join(QLatin1Char('\n'))));
    QCOMPARE(server.messages().constFirst().authUser, QStringLiteral("alerts"));
    QVERIFY(server.messages().constFirst().text.contains(QStringLiteral("applied")));
}

void TestKeychain::opcUaUserLogsInWithTheStoredPassword()
{
    // Both servers refuse anonymous sessions: only the user name gets the engine in.
    OpcUaPeer primary, secondary;
    const OpcUaPeer::Options options{.user = QStringLiteral("operator"),
                                     .password = QStringLiteral("pl4nt floor"),
                                     .anonymous = false};
    QVERIFY(primary.start(options));
    QVERIFY(secondary.start(options));
    TandemdProcess engine;
    QVERIFY(engine.writeConfig(Configuration::createNew(), {}));
    PasswordStore::removeBlocking(PasswordStore::opcUaKey(QStringLiteral("operator")));

    const QStringList add{
        QStringLiteral("pair"),
        QStringLiteral("add"),
        QStringLiteral("line1"),
        QStringLiteral("--protocol"),
        QStringLiteral("opcua"),
        QStringLiteral("--primary"),
        primary.address(),
        QStringLiteral("--secondary"),
        secondary.address(),
        QStringLiteral("--listen"),
        QStringLiteral("opc.tcp://127.0.0.1:%1/line1").arg(TandemdProcess::freePort()),
        QStringLiteral("--user"),
        QStringLiteral("operator")};
    QString out;
    // --password-stdin needs the user name it belongs to.
    QVERIFY(ctl(engine, add.mid(0, add.size() - 2) << QStringLiteral("--password-stdin"), &out,
                "pl4nt floor\n") != 0);
    QVERIFY2(out.contains(QStringLiteral("give the user name with --user")), qPrintable(out));
    // Without a password in the keychain the engine says which one it misses.
    QCOMPARE(ctl(engine, add, &out), 0);
    QCOMPARE(ctl(engine,
                 {QStringLiteral("pair"), QStringLiteral("enable"), QStringLiteral("line1")}, &out),
             0);
    QVERIFY(engine.start());
    QVERIFY(engine.waitForEvent(QStringLiteral("Failed to connect to 'line1' on primary"), 15000));
    QTRY_VERIFY_WITH_TIMEOUT(
        engine
            .pairStatus(
                QStringLiteral("line1"))[QLatin1String("primary")][QLatin1String("last-error")]
            .toString()
            .contains(QStringLiteral("password of OPC UA user 'operator' cannot be read")),
        15000);

    // Stored: the next attempt logs in, no reload needed; tandem.xml holds no password.
    QCOMPARE(ctl(engine,
                 {QStringLiteral("pair"), QStringLiteral("set"), QStringLiteral("line1"),
                  QStringLiteral("--user"), QStringLiteral("operator"),
                  QStringLiteral("--password-stdin")},
                 &out, "pl4nt floor\n"),
             0);
    QVERIFY(engine.waitForEvent(QStringLiteral("Started redundancy for 'line1': primary machine"),
                                15000));
    QVERIFY(engine.waitForEvent(QStringLiteral("Connected to 'line1' on secondary"), 15000));
    QFile file(engine.configFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray xml = file.readAll();
    QVERIFY(xml.contains("<user>operator</user>"));
    QVERIFY(!xml.contains("pl4nt"));
    PasswordStore::removeBlocking(PasswordStore::opcUaKey(QStringLiteral("operator")));
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
