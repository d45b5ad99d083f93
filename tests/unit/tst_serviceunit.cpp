// The tandemd.service unit Tandem writes: the system unit is the file the .deb ships
// (packaging/systemd/tandemd.service, compiled in), byte for byte; the user unit runs the
// user's own files; paths are quoted as systemd reads them.
#include "buildpaths.h"
#include "service/serviceunit.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace tandem;

class TestServiceUnit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void systemUnitIsThePackagedOne();
    void userUnitRunsTheUsersFiles();
    void quoting_data();
    void quoting();
    void pathsWithSpacesAreQuoted();
    void userUnitFolderFollowsXdg();
};

void TestServiceUnit::systemUnitIsThePackagedOne()
{
    // The user's own paths play no part in the system unit.
    const TandemPaths user{QStringLiteral("/home/op/.config/tandem/tandem.xml"),
                           QStringLiteral("/home/op/.local/state/tandem")};
    const QString generated =
        ServiceUnit::text(ServiceScope::System, ServiceUnit::systemTandemd(), user);
    // `tandemctl service install --system` and `apt install` leave the same unit behind.
    const QString shippedPath = test::sourcePath("packaging/systemd/tandemd.service");
    QFile shipped(shippedPath);
    QVERIFY2(shipped.open(QIODevice::ReadOnly), qPrintable(shipped.fileName()));
    QCOMPARE(QString::fromUtf8(shipped.readAll()), generated);

    // What the unit must say, whatever else changes around it.
    QVERIFY(generated.contains(
        QStringLiteral("\nExecStart=/usr/bin/tandemd --config /etc/tandem/tandem.xml --state-dir "
                       "/var/lib/tandem\n")));
    for (const char *line :
         {"User=tandem", "Group=tandem", "AmbientCapabilities=CAP_NET_BIND_SERVICE",
          "CapabilityBoundingSet=CAP_NET_BIND_SERVICE", "NoNewPrivileges=yes",
          "ProtectSystem=strict", "StateDirectory=tandem", "ConfigurationDirectory=tandem",
          "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6", "SystemCallFilter=@system-service",
          "MemoryDenyWriteExecute=yes", "LockPersonality=yes", "LimitNOFILE=65536",
          "LoadCredentialEncrypted=tandem:/etc/credstore.encrypted/tandem"})
        QVERIFY2(generated.contains(QLatin1Char('\n') + QLatin1String(line) + QLatin1Char('\n')),
                 line);
}

void TestServiceUnit::userUnitRunsTheUsersFiles()
{
    const TandemPaths user{QStringLiteral("/home/op/.config/tandem/tandem.xml"),
                           QStringLiteral("/home/op/.local/state/tandem")};
    const QString text =
        ServiceUnit::text(ServiceScope::User, QStringLiteral("/opt/tandem/bin/tandemd"), user);
    QVERIFY2(text.contains(QStringLiteral("\nExecStart=/opt/tandem/bin/tandemd --config "
                                          "/home/op/.config/tandem/tandem.xml --state-dir "
                                          "/home/op/.local/state/tandem\n")),
             qPrintable(text));
    QCOMPARE(text.count(QLatin1String("\nExecStart=")), 1);
    for (const char *line : {"[Service]", "Type=simple", "Restart=on-failure",
                             "ExecReload=/bin/kill -HUP $MAINPID", "WantedBy=default.target"})
        QVERIFY2(text.contains(QLatin1Char('\n') + QLatin1String(line) + QLatin1Char('\n')), line);
    // What a user manager cannot do is left out.
    for (const char *systemOnly : {"Group=", "ProtectSystem=", "StateDirectory=",
                                   "network-online.target", "multi-user.target"})
        QVERIFY2(!text.contains(QLatin1String(systemOnly)), systemOnly);
}

void TestServiceUnit::quoting_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("word");
    QTest::newRow("plain") << QStringLiteral("/usr/bin/tandemd")
                           << QStringLiteral("/usr/bin/tandemd");
    QTest::newRow("space") << QStringLiteral("/home/op/My Plant/tandem.xml")
                           << QStringLiteral("\"/home/op/My Plant/tandem.xml\"");
    QTest::newRow("tab") << QStringLiteral("/a\tb") << QStringLiteral("\"/a\tb\"");
    QTest::newRow("double quote") << QStringLiteral("/a\"b") << QStringLiteral("\"/a\\\"b\"");
    QTest::newRow("single quote") << QStringLiteral("/op's") << QStringLiteral("\"/op's\"");
    QTest::newRow("backslash") << QStringLiteral("/a\\b") << QStringLiteral("\"/a\\\\b\"");
    QTest::newRow("specifier") << QStringLiteral("/srv/100%h") << QStringLiteral("/srv/100%%h");
    QTest::newRow("variable") << QStringLiteral("/srv/$HOME") << QStringLiteral("/srv/$$HOME");
    QTest::newRow("semicolon") << QStringLiteral(";") << QStringLiteral("\";\"");
    QTest::newRow("empty") << QString() << QStringLiteral("\"\"");
}

void TestServiceUnit::quoting()
{
    QFETCH(QString, argument);
    QFETCH(QString, word);
    QCOMPARE(ServiceUnit::quoteArgument(argument), word);
}

void TestServiceUnit::pathsWithSpacesAreQuoted()
{
    const TandemPaths user{QStringLiteral("/home/op/My Plant/tandem.xml"),
                           QStringLiteral("/home/op/state dir")};
    const QString userUnit =
        ServiceUnit::text(ServiceScope::User, QStringLiteral("/opt/my tandem/tandemd"), user);
    QVERIFY2(userUnit.contains(
                 QStringLiteral("\nExecStart=\"/opt/my tandem/tandemd\" --config \"/home/op/My "
                                "Plant/tandem.xml\" --state-dir \"/home/op/state dir\"\n")),
             qPrintable(userUnit));
    const QString systemUnit =
        ServiceUnit::text(ServiceScope::System, QStringLiteral("/opt/my tandem/tandemd"), user);
    QVERIFY2(systemUnit.contains(QStringLiteral(
                 "\nExecStart=\"/opt/my tandem/tandemd\" --config /etc/tandem/tandem.xml "
                 "--state-dir /var/lib/tandem\n")),
             qPrintable(systemUnit));
}

void TestServiceUnit::userUnitFolderFollowsXdg()
{
    const QByteArray saved = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", "/tmp/xdg-elsewhere");
    QCOMPARE(ServiceUnit::userUnitDir(), QStringLiteral("/tmp/xdg-elsewhere/systemd/user"));
    qputenv("XDG_CONFIG_HOME", "relative/is/ignored");
    QCOMPARE(ServiceUnit::userUnitDir(),
             QDir::homePath() + QStringLiteral("/.config/systemd/user"));
    qputenv("XDG_CONFIG_HOME", saved);
}

QTEST_GUILESS_MAIN(TestServiceUnit)
#include "tst_serviceunit.moc"
