// The processes a bench case runs, through the tests' support library: the same peers,
// tandemd and node-opcua clients as the integration tests, started or a BenchError.
#include "bench.h"

#include "opcuaclientrun.h"

#include <QDateTime>
#include <QJsonDocument>

namespace tandem::bench {

namespace {
// A peer of type Peer started with start(options..., port), or a BenchError naming it.
template <typename Peer, typename... Options>
std::unique_ptr<Peer> started(const char *what, quint16 port, const Options &...options)
{
    checkInterrupted();
    auto peer = std::make_unique<Peer>();
    if (!peer->start(options..., port))
        throw BenchError(format("%s could not listen on 127.0.0.1:%u", what, port));
    return peer;
}
} // namespace

std::unique_ptr<test::SimPeer> startSim(quint16 offset, quint16 port)
{
    return started<test::SimPeer>("tandem-sim", port, offset);
}

std::unique_ptr<test::ModbusPeer> startModbusPeer(quint16 offset, quint16 port)
{
    return started<test::ModbusPeer>("the pymodbus peer", port, offset);
}

std::unique_ptr<test::OpcUaPeer> startOpcUaPeer(int offset, int counterPeriodMs, quint16 port)
{
    return started<test::OpcUaPeer>(
        "server.js", port,
        test::OpcUaPeer::Options{.offset = offset, .counterPeriodMs = counterPeriodMs});
}

long stat(test::ModbusPeer &peer, const char *name)
{
    const std::optional<QString> stats = peer.query(QStringLiteral("stats"));
    if (!stats)
        throw BenchError("the pymodbus peer did not answer stats");
    for (const QString &field : stats->split(u' '))
        if (field.startsWith(QLatin1String(name) + u'='))
            return field.section(u'=', 1).toLong();
    return -1;
}

std::unique_ptr<test::PeerProcess> startSocat(quint16 listenPort, quint16 targetPort)
{
    auto socat = std::make_unique<test::PeerProcess>(QStringLiteral("socat"));
    if (!socat->startProcess(
            QStringLiteral("socat"),
            {QStringLiteral("TCP-LISTEN:%1,bind=127.0.0.1,fork,reuseaddr").arg(listenPort),
             QStringLiteral("TCP:127.0.0.1:%1").arg(targetPort)}) ||
        !waitUntil([&] { return !socat->isRunning() || canConnect(listenPort); }, 5000) ||
        !socat->isRunning())
        throw BenchError(format("socat does not listen on %u", listenPort));
    return socat;
}

void startEngine(test::TandemdProcess &engine, const Configuration &config)
{
    QStringList names;
    for (const PairConfig &pair : config.pairs)
        names << pair.name;
    if (!engine.writeConfig(config, names))
        throw BenchError("cannot write tandemd's configuration");
    engine.setDebugLines(false);
    engine.setStopWhenDestroyed(true);
    if (!engine.start())
        throw BenchError(format("tandemd did not start:\n%s",
                                qPrintable(engine.lines().join(QLatin1Char('\n')))));
}

EngineStatus status(test::TandemdProcess &engine, int timeoutMs)
{
    const QJsonObject answer = engine.status(timeoutMs);
    if (answer.isEmpty())
        throw BenchError("tandemd did not answer status");
    QString error;
    const std::optional<EngineStatus> status = EngineStatus::fromJson(answer, &error);
    if (!status)
        throw BenchError(format("tandemd's status is not one: %s", qPrintable(error)));
    return *status;
}

bool waitForLines(test::TandemdProcess &engine, const QString &part, int count, int timeoutMs)
{
    return waitUntil([&] { return engine.countLines(part) >= count || !engine.isRunning(); },
                     timeoutMs) &&
           engine.countLines(part) >= count;
}

std::vector<qint64> eventTimesMs(test::TandemdProcess &engine, const QString &part)
{
    std::vector<qint64> times;
    for (const QString &line : engine.eventLines()) {
        const QStringList fields = line.split(QLatin1Char('\t'));
        if (!fields[4].contains(part))
            continue;
        const QDateTime time = QDateTime::fromString(fields[0] + QLatin1Char(' ') + fields[1],
                                                     QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        if (time.isValid())
            times.push_back(time.toMSecsSinceEpoch());
    }
    return times;
}

const std::vector<Change> &Changes::all()
{
    const QList<QJsonObject> records = m_watch.records();
    for (; m_parsed < records.size(); ++m_parsed) {
        const QJsonObject &record = records[m_parsed];
        if (!record.contains(QLatin1String("nodeId")))
            continue;
        const auto integer = [&record](const char *key, qint64 absent) {
            const QJsonValue value = record.value(QLatin1String(key));
            return value.isDouble() ? value.toInteger() : absent;
        };
        m_changes.push_back(
            {integer("value", 0), integer("seq", -1),
             QDateTime::fromString(record.value(QLatin1String("sourceTimestamp")).toString(),
                                   Qt::ISODateWithMs)
                 .toMSecsSinceEpoch(),
             integer("t", 0)});
    }
    return m_changes;
}

std::unique_ptr<test::OpcUaWatch> startWatch(const QString &url, const QString &nodeId,
                                             int intervalMs)
{
    checkInterrupted();
    auto watch = std::make_unique<test::OpcUaWatch>();
    watch->setSamplingInterval(0);
    if (!watch->start(url, {nodeId}, intervalMs))
        throw BenchError(format("the watch on %s did not subscribe: %s", qPrintable(url),
                                qPrintable(diagnostics(*watch))));
    return watch;
}

QStringList events(const test::OpcUaWatch &watch)
{
    QStringList events;
    for (const QJsonObject &event : watch.events())
        events << event.value(QLatin1String("event")).toString();
    return events;
}

QString diagnostics(test::OpcUaWatch &watch)
{
    QStringList other;
    for (const QJsonObject &record : watch.records())
        if (!record.contains(QLatin1String("nodeId")) &&
            !record.contains(QLatin1String("keepalive")))
            other << QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact));
    QStringList log = watch.errorOutput().trimmed().split(u'\n');
    log = log.mid(std::max<qsizetype>(0, log.size() - 8));
    return QStringLiteral("the watch printed %1; its log ends:\n%2")
        .arg(other.join(u' '), log.join(u'\n'));
}

std::vector<QJsonObject> runNodeClient(const QString &url, const QStringList &operation)
{
    checkInterrupted();
    const test::ClientResult result = test::runClient(url, operation);
    if (result.exitCode != 0 || !result.error().isEmpty())
        throw BenchError(format("client.js %s failed: %s", qPrintable(operation.join(u' ')),
                                qPrintable(result.dump())));
    return {result.lines.cbegin(), result.lines.cend()};
}

void prepareNodeClients(const QString &url)
{
    static bool prepared = false;
    if (prepared)
        return;
    runNodeClient(url, {QStringLiteral("read"), QStringLiteral("ns=1;s=Offset")});
    prepared = true;
}

} // namespace tandem::bench
