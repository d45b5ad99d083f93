// Endpoint, machine and Modbus item address parsing.
#include "config/endpoint.h"
#include "config/itemaddress.h"

#include <QTest>

using namespace tandem;

class TestAddresses final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void machine_data();
    void machine();
    void opcUaMachine_data();
    void opcUaMachine();
    void endpointOverlap();
    void itemAddress_data();
    void itemAddress();
};

void TestAddresses::machine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // empty: refused
    QTest::newRow("host") << "plc-a"
                          << "plc-a:502";
    QTest::newRow("host:port") << "plc-a:5020"
                               << "plc-a:5020";
    QTest::newRow("ipv4") << "10.0.0.5"
                          << "10.0.0.5:502";
    QTest::newRow("ipv6") << "[fd00::5]:1502"
                          << "[fd00::5]:1502";
    QTest::newRow("bare ipv6") << "fd00::5"
                               << "";
    QTest::newRow("empty") << "  "
                           << "";
    QTest::newRow("bad ipv4") << "10.0.0.256"
                              << "";
    QTest::newRow("port 0") << "plc:0"
                            << "";
    QTest::newRow("space") << "plc a"
                           << "";
    // Found by fuzz_addresses: QHostAddress took "[\v0]" as 0.0.0.0 while the host kept
    // the \v, so the machine read back differently.
    QTest::newRow("control character in brackets") << "[\x0b"
                                                      "0]"
                                                   << "";
    QTest::newRow("underscore") << "plc_a"
                                << "";
}

void TestAddresses::machine()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QString error;
    const auto parsed = MachineAddress::parse(text, Protocol::ModbusTcp, &error);
    if (expected.isEmpty()) {
        QVERIFY(!parsed);
        QVERIFY(!error.isEmpty());
    } else {
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->toString(), expected);
    }
}

void TestAddresses::opcUaMachine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // the URL; empty: refused
    QTest::newRow("host") << "plc-a"
                          << "opc.tcp://plc-a:4840";
    QTest::newRow("host:port/path") << "plc-a:4841/UA/Server"
                                    << "opc.tcp://plc-a:4841/UA/Server";
    QTest::newRow("url") << "opc.tcp://10.0.0.5:53530/OPCUA/SimulationServer"
                         << "opc.tcp://10.0.0.5:53530/OPCUA/SimulationServer";
    QTest::newRow("url without port") << "OPC.TCP://plc-a/x"
                                      << "opc.tcp://plc-a:4840/x";
    QTest::newRow("trailing slash") << "plc-a:4841/"
                                    << "opc.tcp://plc-a:4841";
    QTest::newRow("ipv6 with path") << "[fd00::5]:4841/ua"
                                    << "opc.tcp://[fd00::5]:4841/ua";
    QTest::newRow("other scheme") << "http://plc-a:80/"
                                  << "";
    QTest::newRow("space in path") << "plc-a:4841/my server"
                                   << "";
    QTest::newRow("query") << "plc-a:4841/x?y"
                           << "";
    QTest::newRow("no host") << "opc.tcp://:4841/x"
                             << "";
    // Found by fuzz_addresses: a path with "://" in it was taken in a URL but refused in
    // the host:port/path form Tandem writes it back in.
    QTest::newRow("scheme-like path") << "plc-a:4841/a://b"
                                      << "opc.tcp://plc-a:4841/a://b";
    QTest::newRow("control character in path") << "opc.tcp://plc-a:4841/a\x03"
                                                  "b"
                                               << "";
}

void TestAddresses::opcUaMachine()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QString error;
    const auto parsed = MachineAddress::parse(text, Protocol::OpcUa, &error);
    if (expected.isEmpty()) {
        QVERIFY(!parsed);
        QVERIFY(!error.isEmpty());
    } else {
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->opcUaUrl(), expected);
        // What the configuration file keeps reads back the same.
        const auto again = MachineAddress::parse(parsed->toString(), Protocol::OpcUa, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->opcUaUrl(), expected);
    }
    // A path is an OPC UA thing: for Modbus it is a bad host name.
    QVERIFY(!MachineAddress::parse(QStringLiteral("plc-a:502/x"), Protocol::ModbusTcp, &error));
}

void TestAddresses::endpointOverlap()
{
    QString error;
    const auto a = Endpoint::parse(QStringLiteral("127.0.0.1:1502"), Protocol::ModbusTcp, &error);
    const auto b = Endpoint::parse(QStringLiteral("0.0.0.0:1502"), Protocol::ModbusTcp, &error);
    const auto c = Endpoint::parse(QStringLiteral("127.0.0.1:1503"), Protocol::ModbusTcp, &error);
    const auto d =
        Endpoint::parse(QStringLiteral("opc.tcp://localhost:1502/x"), Protocol::OpcUa, &error);
    const auto e =
        Endpoint::parse(QStringLiteral("opc.tcp://localhost/x"), Protocol::OpcUa, &error);
    QVERIFY(a && b && c && d && e);
    QVERIFY(a->overlaps(*b));
    QVERIFY(!a->overlaps(*c));
    QVERIFY(a->overlaps(*d));
    QCOMPARE(e->port, quint16(4840));
    QCOMPARE(d->path, QStringLiteral("/x"));
}

void TestAddresses::itemAddress_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("unit"); // -1: refused
    QTest::addColumn<int>("table");
    QTest::addColumn<int>("offset");
    QTest::newRow("holding 1") << "400001" << 1 << 4 << 0;
    QTest::newRow("holding last") << "465536" << 1 << 4 << 65535;
    QTest::newRow("5 digit") << "40010" << 1 << 4 << 9;
    QTest::newRow("unit") << "2:300010" << 2 << 3 << 9;
    QTest::newRow("coil") << "000001" << 1 << 0 << 0;
    QTest::newRow("discrete") << "100100" << 1 << 1 << 99;
    QTest::newRow("zero ref") << "400000" << -1 << 0 << 0;
    QTest::newRow("too big") << "465537" << -1 << 0 << 0;
    QTest::newRow("table 2") << "200001" << -1 << 0 << 0;
    QTest::newRow("unit 256") << "256:400001" << -1 << 0 << 0;
    QTest::newRow("letters") << "HR1" << -1 << 0 << 0;
    QTest::newRow("short") << "4001" << -1 << 0 << 0;
}

void TestAddresses::itemAddress()
{
    QFETCH(QString, text);
    QFETCH(int, unit);
    QFETCH(int, table);
    QFETCH(int, offset);
    QString error;
    const auto a = modbus::ItemAddress::parse(text, &error);
    if (unit < 0) {
        QVERIFY(!a);
        QVERIFY(error.contains(text));
        return;
    }
    QVERIFY2(a, qPrintable(error));
    QCOMPARE(int(a->unit), unit);
    QCOMPARE(int(a->table), table);
    QCOMPARE(int(a->offset), offset);
    const auto again = modbus::ItemAddress::parse(a->toString(), &error);
    QVERIFY(again && again->offset == a->offset && again->unit == a->unit &&
            again->table == a->table);
}

QTEST_GUILESS_MAIN(TestAddresses)
#include "tst_addresses.moc"
