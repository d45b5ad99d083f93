// Every refusal the configuration rules make, one row each, plus the fields they name.
#include "config/configvalidator.h"
#include "testpairs.h"

#include <QTest>

#include <functional>

using namespace tandem;
using tandem::test::item;
using tandem::test::validPair;

using Mutation = std::function<void(Configuration &)>;
Q_DECLARE_METATYPE(Mutation)

class TestConfigValidator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validConfigurationPasses();
    void refusals_data();
    void refusals();
    void failureCountBoundedByItems();
    void noChangeRaise();
    void opcUaEndpointsAndItems();
};

void TestConfigValidator::validConfigurationPasses()
{
    Configuration c = Configuration::createNew();
    c.pairs << validPair() << validPair(QStringLiteral("line2"), 1503);
    c.pairs[0].monitorItems << item(QStringLiteral("400001"), Trigger::BadQuality)
                            << item(QStringLiteral("2:300010"), Trigger::SpecificValue,
                                    QStringLiteral("0"))
                            << item(QStringLiteral("000001"), Trigger::NoChange,
                                    QStringLiteral("2000"));
    c.pairs[0].failureCount = 3;
    c.pairs[1].mode = ConnectionMode::Hot;
    c.pairs[1].reconnectPrimary = true;
    c.notifications.enabled = true;
    c.notifications.primarySmtp = QStringLiteral("smtp://mail.plant.example:587");
    c.notifications.from = QStringLiteral("tandem@plant.example");
    c.notifications.to = {QStringLiteral("ops@plant.example")};
    const ConfigIssues issues = ConfigValidator::validate(c);
    QVERIFY2(issues.isEmpty(), qPrintable(joinIssues(issues)));
}

void TestConfigValidator::refusals_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");

    auto row = [](const char *tag, Mutation m, const char *field, const char *part) {
        QTest::newRow(tag) << m << QString::fromLatin1(field) << QString::fromLatin1(part);
    };
    row(
        "name with <", [](Configuration &c) { c.pairs[0].name = QStringLiteral("a<b"); },
        "pair[a<b]/name", "<, > and &");
    row(
        "name with >", [](Configuration &c) { c.pairs[0].name = QStringLiteral("a>b"); },
        "pair[a>b]/name", "<, > and &");
    row(
        "name with &", [](Configuration &c) { c.pairs[0].name = QStringLiteral("a&b"); },
        "pair[a&b]/name", "<, > and &");
    row(
        "empty name", [](Configuration &c) { c.pairs[0].name.clear(); }, "pair[]/name", "required");
    row(
        "duplicate name", [](Configuration &c) { c.pairs[1].name = c.pairs[0].name; },
        "pair[line1]/name", "used by two pairs");
    row(
        "duplicate endpoint", [](Configuration &c) { c.pairs[1].endpoint = c.pairs[0].endpoint; },
        "pair[line2]/listen", "already used by pair 'line1'");
    row(
        "wildcard overlaps",
        [](Configuration &c) { c.pairs[1].endpoint = QStringLiteral("0.0.0.0:1502"); },
        "pair[line2]/listen", "already used");
    row(
        "endpoint without port",
        [](Configuration &c) { c.pairs[0].endpoint = QStringLiteral("127.0.0.1"); },
        "pair[line1]/listen", "no port");
    row(
        "bad primary", [](Configuration &c) { c.pairs[0].primary = QStringLiteral("bad host!"); },
        "pair[line1]/primary", "not a valid host");
    row(
        "empty secondary", [](Configuration &c) { c.pairs[0].secondary.clear(); },
        "pair[line1]/secondary", "no machine");
    row(
        "port out of range",
        [](Configuration &c) { c.pairs[0].primary = QStringLiteral("plc:70000"); },
        "pair[line1]/primary", "1 to 65535");
    row(
        "cold with reconnect",
        [](Configuration &c) {
            c.pairs[0].mode = ConnectionMode::Cold;
            c.pairs[0].reconnectPrimary = true;
        },
        "pair[line1]/reconnect-primary", "Cold mode does not support");
    // Client limits.
    row(
        "no clients", [](Configuration &c) { c.pairs[0].clientLimit = 0; },
        "pair[line1]/client-limit", "from 1 to 65536");
    row(
        "requests per client too many",
        [](Configuration &c) { c.pairs[0].requestsPerClient = 5000; },
        "pair[line1]/requests-per-client", "from 1 to 1024");
    row(
        "output per client too small",
        [](Configuration &c) { c.pairs[0].outputPerClientBytes = 100; },
        "pair[line1]/output-per-client", "from 4096 to 67108864");
    row(
        "interval too small", [](Configuration &c) { c.pairs[0].statusIntervalMs = 10; },
        "pair[line1]/status-interval", "from 50 to 3600000");
    row(
        "timeout too small", [](Configuration &c) { c.pairs[0].statusTimeoutMs = 5; },
        "pair[line1]/status-timeout", "from 10 to 600000");
    row(
        "timeout over interval", [](Configuration &c) { c.pairs[0].statusTimeoutMs = 1500; },
        "pair[line1]/status-timeout", "must not be longer");
    row(
        "negative holdoff", [](Configuration &c) { c.pairs[0].failbackHoldoffMs = -1; },
        "pair[line1]/failback-holdoff", "from 0");
    row(
        "failure persistence 0", [](Configuration &c) { c.pairs[0].failurePersistence = 0; },
        "pair[line1]/failure-persistence", "from 1 to 10");
    row(
        "failure persistence 11", [](Configuration &c) { c.pairs[0].failurePersistence = 11; },
        "pair[line1]/failure-persistence", "from 1 to 10");
    row(
        "failure count 0", [](Configuration &c) { c.pairs[0].failureCount = 0; },
        "pair[line1]/failure-count", "number of monitor items");
    row(
        "failure count over items",
        [](Configuration &c) {
            c.pairs[0].monitorItems << item(QStringLiteral("400001"), Trigger::BadQuality);
            c.pairs[0].failureCount = 2;
        },
        "pair[line1]/failure-count", "(is 2)");
    row(
        "no-change below 2x rate",
        [](Configuration &c) {
            c.pairs[0].monitorItems
                << item(QStringLiteral("400001"), Trigger::NoChange, QStringLiteral("1500"), 1000);
        },
        "pair[line1]/monitor[1]/data", "at least twice the update rate, 2000 ms");
    row(
        "no-change not a number",
        [](Configuration &c) {
            c.pairs[0].monitorItems
                << item(QStringLiteral("400001"), Trigger::NoChange, QStringLiteral("soon"));
        },
        "pair[line1]/monitor[1]/data", "milliseconds");
    row(
        "specific value empty",
        [](Configuration &c) {
            c.pairs[0].monitorItems << item(QStringLiteral("400001"), Trigger::SpecificValue);
        },
        "pair[line1]/monitor[1]/data", "needs the value");
    row(
        "specific value not numeric",
        [](Configuration &c) {
            c.pairs[0].monitorItems
                << item(QStringLiteral("400001"), Trigger::SpecificValue, QStringLiteral("abc"));
        },
        "pair[line1]/monitor[1]/data", "not a number");
    row(
        "bad modbus reference",
        [](Configuration &c) {
            c.pairs[0].monitorItems << item(QStringLiteral("500001"), Trigger::BadQuality);
        },
        "pair[line1]/monitor[1]/id", "first digit");
    row(
        "float on a coil",
        [](Configuration &c) {
            MonitorItem m = item(QStringLiteral("000001"), Trigger::BadQuality);
            m.dataType = DataType::Float;
            c.pairs[0].monitorItems << m;
        },
        "pair[line1]/monitor[1]/type", "single bits");
    row(
        "rate too small",
        [](Configuration &c) {
            c.pairs[0].monitorItems << item(QStringLiteral("400001"), Trigger::BadQuality, {}, 1);
        },
        "pair[line1]/monitor[1]/rate", "from 10");
    row(
        "max events low", [](Configuration &c) { c.diagnostics.maxEvents = 999; },
        "diagnostics/max-events", "from 1000 to 30000");
    row(
        "max events high", [](Configuration &c) { c.diagnostics.maxEvents = 30001; },
        "diagnostics/max-events", "from 1000 to 30000");
    row(
        "email enabled without smtp", [](Configuration &c) { c.notifications.enabled = true; },
        "notifications/primary-smtp", "no primary SMTP");
    row(
        "bad smtp url",
        [](Configuration &c) { c.notifications.primarySmtp = QStringLiteral("http://x"); },
        "notifications/primary-smtp", "not an SMTP server URL");
    row(
        "bad from", [](Configuration &c) { c.notifications.from = QStringLiteral("nobody"); },
        "notifications/from", "not an e-mail address");
    row(
        "bad to", [](Configuration &c) { c.notifications.to = {QStringLiteral("a@b@")}; },
        "notifications/to", "not an e-mail address");
    row(
        "unknown event",
        [](Configuration &c) { c.notifications.events = {QStringLiteral("nope")}; },
        "notifications/events", "not a known event id");
    row(
        "retry hours", [](Configuration &c) { c.notifications.retryHours = 0; },
        "notifications/retry-hours", "from 1 to 168 hours");
    row(
        "batch window", [](Configuration &c) { c.notifications.batchWindowS = 3601; },
        "notifications/batch-window", "from 0 to 3600 s");
    row(
        "smtp timeout", [](Configuration &c) { c.notifications.timeoutS = 301; },
        "notifications/timeout", "from 1 to 300 s");
    row(
        "relative ca file",
        [](Configuration &c) { c.notifications.caFile = QStringLiteral("ca.pem"); },
        "notifications/ca-file", "absolute path");
    row(
        "smtp port",
        [](Configuration &c) { c.notifications.primarySmtp = QStringLiteral("smtp://mail:0"); },
        "notifications/primary-smtp", "port must be a number from 1 to 65535");
    row(
        "alias of bad name",
        [](Configuration &c) {
            c.pairs[0].aliasOf = QStringLiteral("x&y");
            c.pairs[0].originalEndpoint = QStringLiteral("127.0.0.1:1600");
        },
        "pair[line1]/alias-of", "<, > and &");
    row(
        "user on modbus", [](Configuration &c) { c.pairs[0].user = QStringLiteral("operator"); },
        "pair[line1]/user", "OPC UA pairs only");
    row(
        "user with blanks",
        [](Configuration &c) {
            c.pairs[0].protocol = Protocol::OpcUa;
            c.pairs[0].endpoint = QStringLiteral("opc.tcp://127.0.0.1:4841/line1");
            c.pairs[0].user = QStringLiteral(" operator");
        },
        "pair[line1]/user", "blanks");
}

void TestConfigValidator::refusals()
{
    QFETCH(Mutation, mutate);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);
    Configuration c = Configuration::createNew();
    c.pairs << validPair() << validPair(QStringLiteral("line2"), 1503);
    mutate(c);
    const ConfigIssues issues = ConfigValidator::validate(c);
    bool found = false;
    for (const ConfigIssue &issue : issues)
        found = found || (issue.field == field && issue.message.contains(messagePart));
    QVERIFY2(found, qPrintable(QStringLiteral("expected %1 '%2', got:\n%3")
                                   .arg(field, messagePart, joinIssues(issues))));
}

void TestConfigValidator::failureCountBoundedByItems()
{
    PairConfig p = validPair();
    QCOMPARE(p.maxFailureCount(), 1);
    p.monitorItems << item(QStringLiteral("400001"), Trigger::BadQuality)
                   << item(QStringLiteral("400002"), Trigger::BadQuality)
                   << item(QStringLiteral("400003"), Trigger::BadQuality);
    QCOMPARE(p.maxFailureCount(), 3);
    p.failureCount = 3;
    QVERIFY(ConfigValidator::validatePair(p).isEmpty());
    p.failureCount = 4;
    QCOMPARE(ConfigValidator::validatePair(p).size(), 1);
}

void TestConfigValidator::noChangeRaise()
{
    MonitorItem m = item(QStringLiteral("400001"), Trigger::NoChange, QStringLiteral("700"), 500);
    QVERIFY(m.raiseNoChangePeriod());
    QCOMPARE(m.triggerData, QStringLiteral("1000"));
    QVERIFY(!m.raiseNoChangePeriod());
    m.triggerData = QStringLiteral("60000");
    QVERIFY(!m.raiseNoChangePeriod());
    QCOMPARE(m.triggerData, QStringLiteral("60000"));
    MonitorItem value = item(QStringLiteral("400001"), Trigger::SpecificValue, QStringLiteral("1"));
    QVERIFY(!value.raiseNoChangePeriod());
    QCOMPARE(value.triggerData, QStringLiteral("1"));
}

void TestConfigValidator::opcUaEndpointsAndItems()
{
    PairConfig p = validPair();
    p.protocol = Protocol::OpcUa;
    p.endpoint = QStringLiteral("opc.tcp://localhost:4841/line1");
    p.primary = QStringLiteral("server-a:4840");
    p.secondary = QStringLiteral("server-b");
    p.monitorItems << item(QStringLiteral("ns=2;s=Line1.Speed"), Trigger::SpecificValue,
                           QStringLiteral("Stopped"));
    QVERIFY2(ConfigValidator::validatePair(p).isEmpty(),
             qPrintable(joinIssues(ConfigValidator::validatePair(p))));
    p.endpoint = QStringLiteral("http://localhost:4841");
    QCOMPARE(ConfigValidator::validatePair(p).size(), 1);
    QCOMPARE(ConfigValidator::validatePair(p).at(0).field, QStringLiteral("pair[line1]/listen"));
}

QTEST_GUILESS_MAIN(TestConfigValidator)
#include "tst_configvalidator.moc"
