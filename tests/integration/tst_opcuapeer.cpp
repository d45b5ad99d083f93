// The OPC UA test peer itself, checked with an independent node-opcua client
// (tests/integration/peers/opcua/client.js): if the peer serves the wrong values, ignores
// a command or does not announce its shutdown, every OPC UA test above it is wrong too.
#include "opcuaclientrun.h"
#include "opcuapeer.h"

#include <QDataStream>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace tandem::test;

namespace {
constexpr quint16 SharedOffset = 1000;
const auto User = QStringLiteral("operator");
const auto Password = QStringLiteral("s3cret pass");

// An OPC UA Hello (Part 6, 7.1.2.3) by hand: the peer answers it with "ACKF" when it
// serves, and not at all when it hangs.
QByteArray hello(const QString &url)
{
    const QByteArray endpoint = url.toUtf8();
    QByteArray message;
    QDataStream out(&message, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::LittleEndian);
    out.writeRawData("HELF", 4);
    out << quint32(32 + endpoint.size()) << quint32(0) << quint32(65536) << quint32(65536)
        << quint32(0) << quint32(0) << qint32(endpoint.size());
    out.writeRawData(endpoint.constData(), int(endpoint.size()));
    return message;
}

// Sends a Hello on a fresh connection; true if "ACKF" comes back within waitMs.
bool acknowledgesHello(const OpcUaPeer &peer, int waitMs, QTcpSocket *socket)
{
    socket->connectToHost(QStringLiteral("127.0.0.1"), peer.port());
    if (!socket->waitForConnected(5000))
        return false;
    socket->write(hello(peer.url()));
    if (!socket->waitForBytesWritten(5000))
        return false;
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (answer.size() < 4 && timer.elapsed() < waitMs &&
           socket->waitForReadyRead(int(waitMs - timer.elapsed())))
        answer += socket->readAll();
    return answer.startsWith("ACKF");
}

bool refusesConnections(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    return !socket.waitForConnected(5000) &&
           socket.error() == QAbstractSocket::ConnectionRefusedError;
}
} // namespace

class TestOpcUaPeer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void readsPlantAndServerStatus();
    void writeThenRead();
    void controlCommands();
    void serviceLevelCommand();
    void unknownCommandsAreRefused();
    void stoppedProcessHangs();
    void userIdentity();
    void shutdownIsAnnouncedBeforeExit();
    void killThenRestartOnSamePort();
    void closedInputKeepsServing();
    void busyPortFailsWithTheReason();

private:
    // One peer for the tests that do not end it, as each start costs two seconds.
    std::unique_ptr<OpcUaPeer> m_shared;
};

void TestOpcUaPeer::initTestCase()
{
    QElapsedTimer timer;
    timer.start();
    m_shared = std::make_unique<OpcUaPeer>();
    QVERIFY(m_shared->start({.offset = SharedOffset, .path = QStringLiteral("/tandem")}));
    qInfo("first start (makes the certificate): %lld ms", timer.elapsed());
    QVERIFY(m_shared->port() > 0);
    QCOMPARE(m_shared->url(),
             QStringLiteral("opc.tcp://127.0.0.1:%1/tandem").arg(m_shared->port()));
    QCOMPARE(m_shared->address(), QStringLiteral("127.0.0.1:%1").arg(m_shared->port()));
    QVERIFY(m_shared->processId() > 0);
}

void TestOpcUaPeer::cleanupTestCase()
{
    m_shared.reset();
}

void TestOpcUaPeer::readsPlantAndServerStatus()
{
    const ClientResult result = runClient(
        m_shared->url(),
        clientWords(QStringLiteral("read ns=1;s=Offset read ns=1;s=Counter read ns=1;s=Array "
                                   "read ns=1;s=Value read ns=1;s=Flag read-server-status "
                                   "browse ns=1;s=Plant browse i=85")));
    QVERIFY2(result.exitCode == 0 && result.lines.size() == 8, qPrintable(result.dump()));

    const QJsonObject offset = result.line(0);
    QCOMPARE(offset.value(QLatin1String("status")).toString(), QStringLiteral("Good"));
    QCOMPARE(offset.value(QLatin1String("dataType")).toString(), QStringLiteral("Int32"));
    QCOMPARE(offset.value(QLatin1String("value")).toInt(), SharedOffset);
    // The counter started at the offset and has counted since.
    const QJsonObject counter = result.line(1);
    QCOMPARE(counter.value(QLatin1String("dataType")).toString(), QStringLiteral("Int32"));
    QVERIFY2(counter.value(QLatin1String("value")).toInt() > SharedOffset,
             qPrintable(result.dump()));
    const QJsonObject array = result.line(2);
    QCOMPARE(array.value(QLatin1String("dataType")).toString(), QStringLiteral("Double"));
    QCOMPARE(array.value(QLatin1String("value")).toArray(), (QJsonArray{1.5, 2.5, 3.5}));
    QCOMPARE(result.line(3).value(QLatin1String("dataType")).toString(), QStringLiteral("Double"));
    QCOMPARE(result.line(4).value(QLatin1String("dataType")).toString(), QStringLiteral("Boolean"));

    const QJsonObject status = result.line(5);
    QCOMPARE(status.value(QLatin1String("state")).toString(), QStringLiteral("Running"));
    QCOMPARE(status.value(QLatin1String("secondsTillShutdown")).toInt(-1), 0);

    QStringList plant;
    for (const QJsonValue &reference :
         result.line(6).value(QLatin1String("references")).toArray()) {
        const QJsonObject r = reference.toObject();
        if (r.value(QLatin1String("nodeClass")).toString() == QLatin1String("Variable"))
            plant << r.value(QLatin1String("nodeId")).toString();
    }
    plant.sort();
    QCOMPARE(plant, (QStringList{QStringLiteral("ns=1;s=Array"), QStringLiteral("ns=1;s=Counter"),
                                 QStringLiteral("ns=1;s=Flag"), QStringLiteral("ns=1;s=History"),
                                 QStringLiteral("ns=1;s=Offset"), QStringLiteral("ns=1;s=Value")}));

    bool plantUnderObjects = false;
    for (const QJsonValue &reference :
         result.line(7).value(QLatin1String("references")).toArray()) {
        const QJsonObject r = reference.toObject();
        plantUnderObjects |= r.value(QLatin1String("nodeId")).toString() == u"ns=1;s=Plant" &&
                             r.value(QLatin1String("browseName")).toString() == u"Plant" &&
                             r.value(QLatin1String("nodeClass")).toString() == u"Object";
    }
    QVERIFY2(plantUnderObjects, qPrintable(result.dump()));
}

void TestOpcUaPeer::writeThenRead()
{
    const ClientResult result = runClient(
        m_shared->url(),
        clientWords(QStringLiteral("write ns=1;s=Value Double 3.25 write ns=1;s=Flag Boolean true "
                                   "read ns=1;s=Value read ns=1;s=Flag "
                                   "write ns=1;s=Offset Int32 5 read ns=1;s=NoSuchNode")));
    QVERIFY2(result.exitCode == 0 && result.lines.size() == 6, qPrintable(result.dump()));
    QCOMPARE(result.line(0).value(QLatin1String("status")).toString(), QStringLiteral("Good"));
    QCOMPARE(result.line(1).value(QLatin1String("status")).toString(), QStringLiteral("Good"));
    QCOMPARE(result.line(2).value(QLatin1String("value")).toDouble(), 3.25);
    QCOMPARE(result.line(3).value(QLatin1String("value")).toBool(false), true);
    // Offset is read-only, and unknown nodes are reported as such.
    QCOMPARE(result.line(4).value(QLatin1String("status")).toString(),
             QStringLiteral("BadNotWritable"));
    QCOMPARE(result.line(5).value(QLatin1String("status")).toString(),
             QStringLiteral("BadNodeIdUnknown"));
}

void TestOpcUaPeer::controlCommands()
{
    QVERIFY(m_shared->command(QStringLiteral("set Value -7.5")));
    QVERIFY(m_shared->command(QStringLiteral("set Flag 0")));
    QVERIFY(m_shared->command(QStringLiteral("stop-counter")));
    QVERIFY(m_shared->command(QStringLiteral("set Counter 42")));
    // Counter stays at 42 while the client reads for 300 ms, three of its periods.
    ClientResult result = runClient(
        m_shared->url(),
        clientWords(QStringLiteral("read ns=1;s=Value read ns=1;s=Flag read ns=1;s=Counter "
                                   "read-loop 0.3 ns=1;s=Offset read ns=1;s=Counter")));
    QVERIFY2(result.exitCode == 0 && result.lines.size() == 5, qPrintable(result.dump()));
    QCOMPARE(result.line(0).value(QLatin1String("value")).toDouble(), -7.5);
    QCOMPARE(result.line(1).value(QLatin1String("value")).toBool(true), false);
    QCOMPARE(result.line(2).value(QLatin1String("value")).toInt(), 42);
    QVERIFY2(result.line(3).value(QLatin1String("seconds")).toDouble() >= 0.3,
             qPrintable(result.dump()));
    QCOMPARE(result.line(4).value(QLatin1String("value")).toInt(), 42);

    const auto counter = [this] {
        const ClientResult read =
            runClient(m_shared->url(), clientWords(QStringLiteral("read ns=1;s=Counter")));
        return read.exitCode == 0 ? read.line(0).value(QLatin1String("value")).toInt() : -1;
    };
    QVERIFY(m_shared->command(QStringLiteral("start-counter")));
    QTRY_VERIFY_WITH_TIMEOUT(counter() > 42, 5000);

    // "reset" undoes all of it, as a test that keeps a peer for its next case needs.
    QVERIFY(m_shared->command(QStringLiteral("set Value 8")));
    QVERIFY(m_shared->command(QStringLiteral("set Flag true")));
    QVERIFY(m_shared->command(QStringLiteral("service-level 9")));
    QVERIFY(m_shared->command(QStringLiteral("stop-counter")));
    QVERIFY(m_shared->command(QStringLiteral("reset")));
    result = runClient(m_shared->url(),
                       clientWords(QStringLiteral("read ns=1;s=Value read ns=1;s=Flag read i=2267 "
                                                  "read ns=1;s=Counter")));
    QVERIFY2(result.exitCode == 0 && result.lines.size() == 4, qPrintable(result.dump()));
    QCOMPARE(result.line(0).value(QLatin1String("value")).toDouble(), 0.0);
    QCOMPARE(result.line(1).value(QLatin1String("value")).toBool(true), false);
    QCOMPARE(result.line(2).value(QLatin1String("value")).toInt(), 255);
    const int afterReset = result.line(3).value(QLatin1String("value")).toInt();
    // Back at the offset (the counter had been at 43 or so), and counting again.
    QVERIFY2(afterReset >= int(SharedOffset) && afterReset < int(SharedOffset) + 100,
             qPrintable(result.dump()));
    QTRY_VERIFY_WITH_TIMEOUT(counter() > afterReset, 5000);
}

void TestOpcUaPeer::serviceLevelCommand()
{
    QVERIFY(m_shared->command(QStringLiteral("service-level 150")));
    ClientResult result = runClient(m_shared->url(), clientWords(QStringLiteral("read i=2267")));
    QVERIFY2(result.exitCode == 0 && result.lines.size() == 1, qPrintable(result.dump()));
    QCOMPARE(result.line(0).value(QLatin1String("dataType")).toString(), QStringLiteral("Byte"));
    QCOMPARE(result.line(0).value(QLatin1String("value")).toInt(), 150);

    // Back to full service, as the other tests expect.
    QVERIFY(m_shared->command(QStringLiteral("service-level 255")));
    result = runClient(m_shared->url(), clientWords(QStringLiteral("read i=2267")));
    QCOMPARE(result.line(0).value(QLatin1String("value")).toInt(), 255);
}

void TestOpcUaPeer::unknownCommandsAreRefused()
{
    const auto refused = [&](const QString &line) {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("refused ") +
                                                              QRegularExpression::escape(line)));
        return !m_shared->command(line);
    };
    QVERIFY(refused(QStringLiteral("bogus")));
    QVERIFY(refused(QStringLiteral("set Offset 3"))); // read-only for the peer too
    QVERIFY(refused(QStringLiteral("set Value high")));
    QVERIFY(refused(QStringLiteral("set Flag maybe")));
    QVERIFY(refused(QStringLiteral("service-level 256")));
    QVERIFY(refused(QStringLiteral("shutdown soon")));
    QVERIFY(m_shared->command(QStringLiteral("set Flag false"))); // still answering
}

void TestOpcUaPeer::stoppedProcessHangs()
{
    QTcpSocket before;
    QVERIFY(acknowledgesHello(*m_shared, 5000, &before));

    m_shared->hang();
    QVERIFY(m_shared->isHung());
    // The kernel still accepts the connection; nobody answers the Hello.
    QTcpSocket during;
    QVERIFY(!acknowledgesHello(*m_shared, 1500, &during));
    QCOMPARE(during.state(), QAbstractSocket::ConnectedState);
    QVERIFY(m_shared->isRunning());

    m_shared->resume();
    QVERIFY(!m_shared->isHung());
    QByteArray late; // the Hello sent while it hung is answered now
    while (late.size() < 4 && during.waitForReadyRead(5000))
        late += during.readAll();
    QVERIFY2(late.startsWith("ACKF"), late.toHex().constData());
    QVERIFY(m_shared->command(QStringLiteral("set Flag false")));
}

void TestOpcUaPeer::userIdentity()
{
    OpcUaPeer peer;
    QVERIFY(peer.start({.offset = 3, .user = User, .password = Password}));
    const QStringList read = clientWords(QStringLiteral("read ns=1;s=Offset"));
    // node-opcua encrypts the password with the peer's certificate; "plain" sends it in
    // clear text, as a client that speaks SecurityPolicy None only does.
    const auto right = startClient(peer.url(), read, userOptions(User, Password));
    const auto wrong = startClient(peer.url(), read, userOptions(User, QStringLiteral("wrong")));
    const auto rightPlain = startClient(peer.url(), read, userOptions(User, Password, true));
    const auto stranger =
        startClient(peer.url(), read, userOptions(QStringLiteral("intruder"), Password, true));

    for (ClientRun *accepted : {right.get(), rightPlain.get()}) {
        const ClientResult result = finishClient(*accepted);
        QVERIFY2(result.exitCode == 0, qPrintable(result.dump()));
        QCOMPARE(result.line(0).value(QLatin1String("value")).toInt(), 3);
    }
    for (ClientRun *refused : {wrong.get(), stranger.get()}) {
        const ClientResult result = finishClient(*refused);
        QVERIFY2(result.exitCode == 1 &&
                     result.error().contains(QStringLiteral("BadUserAccessDenied")),
                 qPrintable(result.dump()));
    }
}

void TestOpcUaPeer::shutdownIsAnnouncedBeforeExit()
{
    constexpr int ShutdownMs = 3000;
    OpcUaPeer peer;
    QVERIFY(peer.start({.offset = 9}));
    const auto watch =
        startClientProcess(peer.url(), clientWords(QStringLiteral("watch-shutdown")));
    const auto nextLine = [&](QJsonObject *line) {
        while (!watch->canReadLine()) {
            if (!watch->waitForReadyRead(ClientResult::TimeoutMs))
                return false;
        }
        *line = QJsonDocument::fromJson(watch->readLine()).object();
        return true;
    };
    QJsonObject line;
    bool subscribed = false;
    bool running = false;
    while (!(subscribed && running) && nextLine(&line)) {
        subscribed |= line.value(QLatin1String("subscribed")).toBool();
        running |= line.value(QLatin1String("state")).toString() == u"Running";
    }
    QVERIFY2(subscribed && running, watch->readAllStandardError().constData());

    QElapsedTimer sinceCommand;
    sinceCommand.start();
    QVERIFY(peer.command(QStringLiteral("shutdown %1").arg(ShutdownMs)));
    bool stateShutdown = false;
    int secondsTillShutdown = 0;
    while (!(stateShutdown && secondsTillShutdown > 0) && nextLine(&line)) {
        QVERIFY2(!line.contains(QLatin1String("closed")), "the server went before it said so");
        if (line.value(QLatin1String("nodeId")).toString() == u"i=2259")
            stateShutdown = line.value(QLatin1String("state")).toString() == u"Shutdown";
        if (line.value(QLatin1String("nodeId")).toString() == u"i=2992")
            secondsTillShutdown = line.value(QLatin1String("value")).toInt();
    }
    const qint64 announcedAfter = sinceCommand.elapsed();
    QVERIFY2(stateShutdown, watch->readAllStandardError().constData());
    QVERIFY(secondsTillShutdown > 0 && secondsTillShutdown <= ShutdownMs / 1000);
    QVERIFY2(announcedAfter < ShutdownMs, QByteArray::number(announcedAfter).constData());

    // The peer ends once the time is up, and the client sees the connection go.
    QVERIFY(peer.waitForExit());
    QVERIFY2(sinceCommand.elapsed() >= ShutdownMs - 100,
             QByteArray::number(sinceCommand.elapsed()).constData());
    QVERIFY(!peer.isRunning());
    const ClientResult rest = finishClient(*watch);
    QVERIFY2(rest.exitCode == 0 && !rest.lines.isEmpty() &&
                 rest.lines.last().contains(QLatin1String("closed")),
             qPrintable(rest.dump()));
    QVERIFY(refusesConnections(peer.port()));
}

void TestOpcUaPeer::killThenRestartOnSamePort()
{
    OpcUaPeer peer;
    QVERIFY(peer.start({.offset = 1}));
    const quint16 port = peer.port();
    ClientResult result = runClient(peer.url(), clientWords(QStringLiteral("read ns=1;s=Offset")));
    QVERIFY2(result.exitCode == 0, qPrintable(result.dump()));
    QCOMPARE(result.line(0).value(QLatin1String("value")).toInt(), 1);

    peer.kill();
    QVERIFY(!peer.isRunning());
    QVERIFY(refusesConnections(port));

    // Another offset, so the answer cannot come from the first run.
    QVERIFY(peer.start({.offset = 2}, port));
    QCOMPARE(peer.port(), port);
    result = runClient(peer.url(), clientWords(QStringLiteral("read ns=1;s=Offset")));
    QVERIFY2(result.exitCode == 0, qPrintable(result.dump()));
    QCOMPARE(result.line(0).value(QLatin1String("value")).toInt(), 2);
}

void TestOpcUaPeer::closedInputKeepsServing()
{
    OpcUaPeer peer;
    QVERIFY(peer.start());
    peer.closeInput();
    QTcpSocket socket;
    QVERIFY(acknowledgesHello(peer, 5000, &socket));
    QVERIFY(peer.isRunning());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("input closed")));
    QVERIFY(!peer.command(QStringLiteral("stop-counter")));
    peer.stop(); // SIGTERM
    QVERIFY(!peer.isRunning());
    QVERIFY(refusesConnections(peer.port()));

    // "quit" ends a peer whose input is still open.
    QVERIFY(peer.start());
    peer.stop();
    QVERIFY(!peer.isRunning());
    QVERIFY(refusesConnections(peer.port()));
}

void TestOpcUaPeer::busyPortFailsWithTheReason()
{
    OpcUaPeer second;
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("did not start(.|\n)*in use")));
    QVERIFY(!second.start(OpcUaPeer::Options{}, m_shared->port()));
    QVERIFY(!second.isRunning());
    QCOMPARE(second.port(), quint16(0));
    QVERIFY(m_shared->command(QStringLiteral("set Flag false"))); // the first one is unharmed
}

QTEST_GUILESS_MAIN(TestOpcUaPeer)
#include "tst_opcuapeer.moc"
