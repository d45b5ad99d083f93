// tandem.xml: round trip, and every way a file can be wrong, reported with line and field
// and never overwritten.
#include "config/configdocument.h"
#include "config/configfile.h"
#include "testpairs.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using tandem::test::item;
using tandem::test::validPair;

namespace {
QByteArray wrap(const QByteArray &body, const QByteArray &version = "1")
{
    return "<?xml version=\"1.0\"?>\n<tandem version=\"" + version + "\" id=\"abc\">\n" + body +
           "</tandem>\n";
}

const QByteArray opcuaPair = "  <pair name=\"ua\" protocol=\"opcua\">\n"
                             "    <listen>opc.tcp://127.0.0.1:4841</listen>\n"
                             "    <primary>10.0.0.1</primary>\n"
                             "    <secondary>10.0.0.2</secondary>\n"
                             "  </pair>\n";

QByteArray withSecurity(const QByteArray &inside)
{
    return wrap(
        QByteArray(opcuaPair).replace("  </pair>", "    <opcua-security>\n      " + inside +
                                                       "\n    </opcua-security>\n  </pair>"));
}

const QByteArray goodPair = "  <pair name=\"line1\" protocol=\"modbus-tcp\">\n"
                            "    <listen>127.0.0.1:1502</listen>\n"
                            "    <primary>10.0.0.1</primary>\n"
                            "    <secondary>10.0.0.2</secondary>\n"
                            "  </pair>\n";
} // namespace

class TestConfigFile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripKeepsEveryField();
    void missingFileIsANewConfiguration();
    void opcuaPairFromBeforeSecurityStaysUnsecured();
    void brokenFiles_data();
    void brokenFiles();
    void brokenFileIsNeverOverwritten();
    void saveToUnwritablePlaceReportsIt();
    void opcuaIdentityOfOldAndNewPairs();
};

void TestConfigFile::roundTripKeepsEveryField()
{
    Configuration c = Configuration::createNew();
    PairConfig a = validPair();
    a.mode = ConnectionMode::Hot;
    a.reconnectPrimary = true;
    a.statusIntervalMs = 250;
    a.statusTimeoutMs = 100;
    a.failbackHoldoffMs = 3000;
    a.failurePersistence = 3;
    a.monitorItems << item(QStringLiteral("400001"), Trigger::BadQuality)
                   << item(QStringLiteral("2:300002"), Trigger::SpecificValue,
                           QStringLiteral("-1.5"), 250)
                   << item(QStringLiteral("000003"), Trigger::NoChange, QStringLiteral("90000"),
                           100);
    a.monitorItems[0].dataType = DataType::Double;
    a.monitorItems[1].accessPath = QStringLiteral("Ch1 \"quoted\" <&>");
    a.failureCount = 2;
    a.statusItem = QStringLiteral("2:400010");
    a.writeReplay = true;
    a.connectionPerClient = true;
    a.clientLimit = 40;
    a.requestsPerClient = 4;
    a.outputPerClientBytes = 65536;
    PairConfig b = validPair(QStringLiteral("Linie 2 – Ofen"), 1503);
    b.protocol = Protocol::OpcUa;
    b.endpoint = QStringLiteral("opc.tcp://localhost:4841/ofen");
    b.mode = ConnectionMode::Cold;
    b.aliasOf = QStringLiteral("Ofen");
    b.originalEndpoint = QStringLiteral("opc.tcp://localhost:4842/ofen");
    b.user = QStringLiteral("Bediener & <Schicht>");
    b.opcuaLimits.maxSessions = 7;
    b.opcuaLimits.loginLockoutMs = 60000;
    b.opcuaLimits.maxMessageSize = 65536;
    b.opcuaSecurity.primary = {{UaSecurityPolicy::Basic256Sha256, UaSecurityMode::SignAndEncrypt},
                               QStringLiteral("0123456789ABCDEF0123456789ABCDEF01234567")};
    b.opcuaSecurity.secondary.setting = {UaSecurityPolicy::Basic256, UaSecurityMode::Sign};
    b.opcuaSecurity.listen = {{UaSecurityPolicy::Aes256_Sha256_RsaPss, UaSecurityMode::Sign},
                              {UaSecurityPolicy::None, UaSecurityMode::None}};
    b.opcuaSecurity.allowDeprecated = true;
    b.opcuaSecurity.waiveHostName = true;
    OpcUaIdentity identity;
    identity.anonymous = true;
    identity.pairUser = true;
    identity.certificates = true;
    identity.clearTextFromClients = true;
    identity.primaryUser = QStringLiteral("plc-a & <b>");
    identity.secondaryUser = QStringLiteral("plc-b");
    b.opcuaIdentity = identity;
    c.pairs << a << b;
    c.diagnostics = {false, 30000};
    NotificationSettings &n = c.notifications;
    n.enabled = true;
    n.primarySmtp = QStringLiteral("smtp://mail.plant.example:587");
    n.secondarySmtp = QStringLiteral("smtps://backup.plant.example");
    n.from = QStringLiteral("tandem@plant.example");
    n.to = {QStringLiteral("a@plant.example"), QStringLiteral("b@plant.example")};
    n.subject = QStringLiteral("Störung");
    n.header = QStringLiteral("Line 1\nLine 2");
    n.footer = QStringLiteral("-- \nTandem");
    n.allEvents = false;
    n.events = {QStringLiteral("connected.primary"), QStringLiteral("promoted.secondary")};
    n.allowPlaintext = true;
    n.caFile = QStringLiteral("/etc/ssl/plant-ca.pem");
    n.user = QStringLiteral("tandem");
    n.retryHours = 72;
    n.batchWindowS = 5;
    n.timeoutS = 12;

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/tandem.xml"));
    QVERIFY(ConfigFile::save(c, path).isEmpty());
    const ConfigFile::LoadResult loaded = ConfigFile::load(path);
    QVERIFY2(loaded.config, qPrintable(joinIssues(loaded.issues)));
    QVERIFY(loaded.existed);
    QCOMPARE(loaded.config->pairs.size(), 2);
    QVERIFY(loaded.config->pairs[0] == a);
    QVERIFY(loaded.config->pairs[1] == b);
    QVERIFY(loaded.config->diagnostics == c.diagnostics);
    QCOMPARE(loaded.config->notifications.header, n.header);
    QVERIFY(loaded.config->notifications == n);
    QVERIFY(*loaded.config == c);
    // Writing it again gives the same bytes: no drift between versions of a file.
    QCOMPARE(ConfigFile::serialize(*loaded.config), ConfigFile::serialize(c));
}

void TestConfigFile::missingFileIsANewConfiguration()
{
    QTemporaryDir dir;
    const auto result = ConfigFile::load(dir.filePath(QStringLiteral("none.xml")));
    QVERIFY(result.config);
    QVERIFY(!result.existed);
    QVERIFY(result.config->pairs.isEmpty());
    QVERIFY(!result.config->id.isEmpty());
}

void TestConfigFile::opcuaPairFromBeforeSecurityStaysUnsecured()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tandem.xml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(wrap(opcuaPair));
    file.close();
    const auto loaded = ConfigFile::load(path);
    QVERIFY2(loaded.config, qPrintable(joinIssues(loaded.issues)));
    const OpcUaSecurity &s = loaded.config->pairs.value(0).opcuaSecurity;
    QCOMPARE(s.listen, QList<UaSecuritySetting>{UaSecuritySetting{}});
    QVERIFY(s.primary.setting.isNone());
    QVERIFY(s.secondary.setting.isNone());
    // A new pair offers Basic256Sha256 SignAndEncrypt and nothing else.
    QCOMPARE(uaSecuritySettingsToString(PairConfig().opcuaSecurity.listen),
             QStringLiteral("Basic256Sha256:SignAndEncrypt"));
}

// A pair written before <opcua-identity> existed keeps what it did: anonymous clients
// without a user, that user alone with one. A new element is read as written, and a wrong
// attribute or a pair that accepts no identity names its line and field.
void TestConfigFile::opcuaIdentityOfOldAndNewPairs()
{
    QByteArray opcua = QByteArray(goodPair)
                           .replace("modbus-tcp", "opcua")
                           .replace("127.0.0.1:1502", "opc.tcp://127.0.0.1:4841/line1");
    auto result = ConfigFile::parse(wrap(opcua), QStringLiteral("tandem.xml"));
    QVERIFY2(result.config, qPrintable(joinIssues(result.issues)));
    PairConfig pair = result.config->pairs.first();
    QVERIFY(!pair.opcuaIdentity);
    QVERIFY(pair.identity().anonymous);
    QVERIFY(!pair.identity().storeUsers);
    QVERIFY(!pair.identity().pairUser);

    result = ConfigFile::parse(
        wrap(QByteArray(opcua).replace("  </pair>", "    <user>operator</user>\n  </pair>")),
        QStringLiteral("tandem.xml"));
    QVERIFY2(result.config, qPrintable(joinIssues(result.issues)));
    pair = result.config->pairs.first();
    QVERIFY(!pair.identity().anonymous);
    QVERIFY(pair.identity().pairUser);
    QVERIFY(pair.identity().clearTextFromClients); // as before: what the client sent
    QCOMPARE(pair.identity().serverUser(0, pair.user), QStringLiteral("operator"));
    // Saved again, the pair still has no element: its behaviour follows its user.
    QVERIFY(!ConfigFile::serialize(*result.config).contains("opcua-identity"));

    result =
        ConfigFile::parse(wrap(QByteArray(opcua).replace(
                              "  </pair>", "    <opcua-identity anonymous=\"no\" users=\"yes\" "
                                           "primary-user=\"plc\"/>\n  </pair>")),
                          QStringLiteral("tandem.xml"));
    QVERIFY2(result.config, qPrintable(joinIssues(result.issues)));
    pair = result.config->pairs.first();
    QVERIFY(pair.opcuaIdentity);
    QVERIFY(pair.identity().storeUsers && !pair.identity().anonymous);
    QCOMPARE(pair.identity().serverUser(0, pair.user), QStringLiteral("plc"));
    QCOMPARE(pair.identity().serverUser(1, pair.user), QString());

    const struct
    {
        QByteArray element;
        QString field;
        QString message;
    } broken[] = {
        {"<opcua-identity anonymous=\"maybe\"/>",
         QStringLiteral("pair[line1]/opcua-identity/anonymous"),
         QStringLiteral("'maybe' is not yes or no")},
        {"<opcua-identity guests=\"yes\"/>", QStringLiteral("pair[line1]/opcua-identity/guests"),
         QStringLiteral("unknown attribute 'guests'")},
        {"<opcua-identity anonymous=\"no\" users=\"no\"/>",
         QStringLiteral("pair[line1]/opcua-identity/anonymous"),
         QStringLiteral("accepts no identity at all")},
        {"<opcua-identity pair-user=\"yes\"/>",
         QStringLiteral("pair[line1]/opcua-identity/pair-user"),
         QStringLiteral("the pair has no user to accept")},
    };
    for (const auto &b : broken) {
        result = ConfigFile::parse(
            wrap(QByteArray(opcua).replace("  </pair>", "    " + b.element + "\n  </pair>")),
            QStringLiteral("tandem.xml"));
        QVERIFY(!result.config);
        QVERIFY(!result.issues.isEmpty());
        const ConfigIssue &issue = result.issues.constFirst();
        QCOMPARE(issue.field, b.field);
        QVERIFY2(issue.message.contains(b.message), qPrintable(issue.toString()));
        QCOMPARE(issue.line, 7);
    }
}

void TestConfigFile::brokenFiles_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("not xml") << QByteArray("hello") << 1 << QString() << "not well-formed";
    QTest::newRow("truncated") << QByteArray(wrap(goodPair).left(120)) << 4 << QString()
                               << "not well-formed";
    QTest::newRow("empty") << QByteArray() << 1 << QString() << "empty";
    QTest::newRow("foreign root") << QByteArray("<?xml version=\"1.0\"?>\n<config/>") << 2
                                  << QString() << "not a Tandem configuration";
    QTest::newRow("newer") << wrap(goodPair, "2") << 2 << "version"
                           << "newer Tandem";
    QTest::newRow("older") << wrap(goodPair, "0") << 2 << "version"
                           << "older";
    QTest::newRow("no version") << QByteArray("<tandem/>") << 1 << "version"
                                << "no valid version";
    QTest::newRow("unknown element")
        << wrap(goodPair + "  <extra/>\n") << 8 << QString() << "unknown element <extra>";
    QTest::newRow("unknown pair element")
        << wrap(QByteArray(goodPair).replace("  </pair>", "    <colour>red</colour>\n  </pair>"))
        << 7 << "pair[line1]"
        << "unknown element <colour>";
    QTest::newRow("bad number") << wrap(QByteArray(goodPair).replace(
                                       "  </pair>",
                                       "    <status-timeout>fast</status-timeout>\n  </pair>"))
                                << 7 << "pair[line1]/status-timeout"
                                << "'fast' is not a whole number";
    QTest::newRow("bad bool") << wrap(QByteArray(goodPair).replace(
                                     "  </pair>",
                                     "    <reconnect-primary>maybe</reconnect-primary>\n  </pair>"))
                              << 7 << "pair[line1]/reconnect-primary"
                              << "not true or false";
    QTest::newRow("bad mode") << wrap(QByteArray(goodPair).replace(
                                     "  </pair>", "    <mode>lukewarm</mode>\n  </pair>"))
                              << 7 << "pair[line1]/mode"
                              << "not a connection mode";
    QTest::newRow("bad server connections")
        << wrap(QByteArray(goodPair).replace(
               "  </pair>", "    <server-connections>pooled</server-connections>\n  </pair>"))
        << 7 << "pair[line1]/server-connections"
        << "'pooled' is not a way of connecting to the servers";
    QTest::newRow("unknown OPC UA limit")
        << wrap(QByteArray(goodPair).replace(
               "  </pair>", "    <opcua-limits>\n      <max-cats>3</max-cats>\n    "
                            "</opcua-limits>\n  </pair>"))
        << 8 << "pair[line1]/opcua-limits"
        << "unknown element <max-cats>";
    QTest::newRow("OPC UA limit out of range")
        << wrap(QByteArray(goodPair).replace(
               "  </pair>", "    <opcua-limits>\n      <handshake-timeout>100</handshake-timeout>"
                            "\n    </opcua-limits>\n  </pair>"))
        << 8 << "pair[line1]/opcua-limits/handshake-timeout"
        << "must be from 1000 to 600000 ms (is 100)";
    QTest::newRow("unknown security policy")
        << withSecurity("<primary>Basic512:Sign</primary>") << 8
        << "pair[ua]/opcua-security/primary"
        << "unknown security policy \"Basic512\" in \"Basic512:Sign\"; known policies: None, "
           "Basic128Rsa15, Basic256, Basic256Sha256, Aes128_Sha256_RsaOaep, Aes256_Sha256_RsaPss";
    QTest::newRow("policy without mode")
        << withSecurity("<secondary>Basic256Sha256:None</secondary>") << 8
        << "pair[ua]/opcua-security/secondary"
        << "needs the mode Sign or SignAndEncrypt";
    QTest::newRow("endpoint entry twice")
        << withSecurity("<endpoint>None:None, none:none</endpoint>") << 8
        << "pair[ua]/opcua-security/endpoint"
        << "None:None is listed twice";
    QTest::newRow("deprecated not allowed")
        << withSecurity("<primary>Basic256:SignAndEncrypt</primary>") << 8
        << "pair[ua]/opcua-security/primary"
        << "Basic256 is deprecated: allow deprecated policies";
    QTest::newRow("deprecated never on the endpoint")
        << withSecurity("<endpoint>Basic128Rsa15:Sign</endpoint>\n      "
                        "<allow-deprecated>true</allow-deprecated>")
        << 8 << "pair[ua]/opcua-security/endpoint"
        << "Basic128Rsa15 is not offered to clients";
    QTest::newRow("bad thumbprint")
        << withSecurity("<primary certificate=\"12AB\">Basic256Sha256:Sign</primary>") << 8
        << "pair[ua]/opcua-security/primary"
        << "'12AB' is not a certificate thumbprint";
    QTest::newRow("missing primary")
        << wrap(QByteArray(goodPair).replace("    <primary>10.0.0.1</primary>\n", "")) << 3
        << "pair[line1]/primary"
        << "no <primary>";
    QTest::newRow("validation names line")
        << wrap(QByteArray(goodPair).replace(
               "  </pair>",
               "    <mode>cold</mode>\n    <reconnect-primary>true</reconnect-primary>\n  </pair>"))
        << 8 << "pair[line1]/reconnect-primary"
        << "Cold mode";
    QTest::newRow("duplicate endpoint")
        << wrap(goodPair + QByteArray(goodPair).replace("line1", "line2")) << 9
        << "pair[line2]/listen"
        << "already used";
    QTest::newRow("item trigger") << wrap(QByteArray(goodPair).replace(
                                         "  </pair>",
                                         "    <monitor>\n      <item id=\"400001\" "
                                         "trigger=\"sometimes\"/>\n    </monitor>\n  </pair>"))
                                  << 8 << "pair[line1]/monitor[1]/trigger"
                                  << "not a trigger";
    QTest::newRow("item no-change below 2x")
        << wrap(QByteArray(goodPair).replace(
               "  </pair>", "    <monitor>\n      <item id=\"400001\" rate=\"1000\" "
                            "trigger=\"no-change\" data=\"100\"/>\n    </monitor>\n  </pair>"))
        << 8 << "pair[line1]/monitor[1]/data"
        << "twice the update rate";
    QTest::newRow("max events")
        << wrap("  <diagnostics>\n    <max-events>50</max-events>\n  </diagnostics>\n") << 4
        << "diagnostics/max-events"
        << "from 1000 to 30000";
    QTest::newRow("dtd") << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE tandem [<!ENTITY x "
                                       "\"y\">]>\n<tandem version=\"1\"/>")
                         << 2 << QString() << "document type";
}

void TestConfigFile::brokenFiles()
{
    QFETCH(QByteArray, xml);
    QFETCH(int, line);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);
    const auto result = ConfigFile::parse(xml, QStringLiteral("tandem.xml"));
    QVERIFY(!result.config);
    QVERIFY(!result.issues.isEmpty());
    const ConfigIssue &issue = result.issues.constFirst();
    QVERIFY2(issue.message.contains(messagePart), qPrintable(issue.toString()));
    QCOMPARE(issue.field, field);
    QCOMPARE(issue.line, line);
    QCOMPARE(issue.file, QStringLiteral("tandem.xml"));
    QVERIFY(issue.toString().startsWith(QStringLiteral("tandem.xml:%1: ").arg(line)));
}

void TestConfigFile::brokenFileIsNeverOverwritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tandem.xml"));
    const QByteArray broken = wrap(goodPair, "7");
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(broken);
    }
    ConfigDocument doc({path, dir.filePath(QStringLiteral("state"))});
    const ConfigIssues issues = doc.load();
    QVERIFY(!issues.isEmpty());
    QVERIFY(!doc.canSave());
    QVERIFY(doc.addPair(validPair()).isEmpty());
    const ConfigIssues saveIssues = doc.save();
    QCOMPARE(saveIssues.size(), 1);
    QVERIFY(saveIssues[0].message.contains(QStringLiteral("could not be read")));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), broken);
}

void TestConfigFile::saveToUnwritablePlaceReportsIt()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    Configuration c = Configuration::createNew();
    const ConfigIssues issues =
        ConfigFile::save(c, dir.filePath(QStringLiteral("file/tandem.xml")));
    QCOMPARE(issues.size(), 1);
    QVERIFY(issues[0].message.contains(QStringLiteral("cannot create the folder")));
}

QTEST_GUILESS_MAIN(TestConfigFile)
#include "tst_configfile.moc"
