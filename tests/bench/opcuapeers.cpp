// node-opcua peers for the opcua subcommand: server.js and client.js of
// tests/integration/peers/opcua as children of the bench.
#include "bench.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcessEnvironment>

namespace tandem::bench {

namespace {

// node-opcua loads in ~2 s on an idle machine, far slower on a loaded one.
constexpr int NodeStartTimeoutMs = 30000;

// One folder per run: the PKI every node process shares, and their output files.
const QTemporaryDir &runDir()
{
    static const QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/tandem-bench-opcua-XXXXXX"));
    if (!dir.isValid())
        throw BenchError("no temporary directory for the node-opcua peers");
    return dir;
}

QProcessEnvironment nodeEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("NODE_OPTIONS"));
    environment.remove(QStringLiteral("NODE_PATH"));
    return environment;
}

qint64 integer(const QJsonObject &json, const char *key, qint64 absent)
{
    const QJsonValue value = json.value(QLatin1String(key));
    return value.isDouble() ? value.toInteger() : absent;
}

} // namespace

void NodeScript::start(const char *script, const QStringList &arguments)
{
    static int counter = 0;
    const QTemporaryDir &dir = runDir();
    m_name = QLatin1String(script);
    const QString base = dir.filePath(QStringLiteral("node-%1").arg(++counter));
    m_stdoutFile = base + QStringLiteral(".out");
    m_stderrFile = base + QStringLiteral(".err");
    QProcess &process = m_child.process();
    process.setStandardOutputFile(m_stdoutFile);
    process.setStandardErrorFile(m_stderrFile);
    m_child.start(QStringLiteral(TANDEM_NODE_EXECUTABLE),
                  QStringList{QStringLiteral(TANDEM_OPCUA_PEERS_DIR "/") + m_name,
                              QStringLiteral("--pki"), dir.filePath(QStringLiteral("pki"))} +
                      arguments,
                  nodeEnvironment());
}

const std::vector<NodeScript::Line> &NodeScript::lines()
{
    QFile file(m_stdoutFile);
    if (file.open(QIODevice::ReadOnly) && file.seek(m_readOffset)) {
        const QByteArray more = file.readAll();
        m_readOffset += more.size();
        m_pending += more;
        const TimePoint now = Clock::now();
        qsizetype newline;
        while ((newline = m_pending.indexOf('\n')) >= 0) {
            const QByteArray text = m_pending.left(newline).trimmed();
            m_lines.push_back({now, text, QJsonDocument::fromJson(text).object()});
            m_pending.remove(0, newline + 1);
        }
    }
    return m_lines;
}

void NodeScript::send(const QByteArray &line)
{
    QProcess &process = m_child.process();
    if (process.state() == QProcess::NotRunning)
        return;
    process.write(line + '\n');
    process.waitForBytesWritten(1000);
}

QString NodeScript::errorTail() const
{
    QFile file(m_stderrFile);
    QStringList tail;
    if (file.open(QIODevice::ReadOnly))
        tail = QString::fromUtf8(file.readAll()).trimmed().split(QLatin1Char('\n'));
    if (tail.size() > 8)
        tail = tail.mid(tail.size() - 8);
    return QStringLiteral("%1 (%2):\n%3").arg(m_name, m_stderrFile, tail.join(u'\n'));
}

NodeOpcUaServer::NodeOpcUaServer(int offset, int counterPeriodMs, quint16 port)
{
    m_script.start("server.js",
                   {QStringLiteral("--port"), QString::number(port), QStringLiteral("--offset"),
                    QString::number(offset), QStringLiteral("--counter-period"),
                    QString::number(counterPeriodMs)});
    const TimePoint end = Clock::now() + std::chrono::milliseconds(NodeStartTimeoutMs);
    while (true) {
        for (const NodeScript::Line &line : m_script.lines())
            if (line.text.startsWith("READY "))
                m_port = quint16(line.text.mid(6).toUInt());
        if (m_port != 0)
            return;
        checkInterrupted();
        if (!m_script.isRunning())
            throw BenchError(format("server.js could not listen on port %u: %s", port,
                                    qPrintable(m_script.errorTail())));
        if (Clock::now() >= end)
            throw BenchError(format("server.js did not listen within %d ms: %s", NodeStartTimeoutMs,
                                    qPrintable(m_script.errorTail())));
        m_script.waitForExit(20);
    }
}

NodeOpcUaWatch::NodeOpcUaWatch(const QString &url, const QString &nodeId, int intervalMs,
                               int samplingMs)
    : m_url(url)
{
    m_script.start("client.js", {QStringLiteral("--interval"), QString::number(intervalMs),
                                 QStringLiteral("--sampling"), QString::number(samplingMs), url,
                                 QStringLiteral("watch"), nodeId});
}

void NodeOpcUaWatch::waitSubscribed(int timeoutMs)
{
    const TimePoint end = Clock::now() + std::chrono::milliseconds(timeoutMs);
    while (true) {
        for (const NodeScript::Line &line : m_script.lines()) {
            if (line.json.contains(QLatin1String("subscribed")))
                return;
            if (line.json.contains(QLatin1String("error")))
                throw BenchError(
                    format("the watch on %s failed: %s", qPrintable(m_url),
                           qPrintable(line.json.value(QLatin1String("error")).toString())));
        }
        checkInterrupted();
        if (!m_script.isRunning() || Clock::now() >= end)
            throw BenchError(format("the watch on %s did not subscribe within %d ms: %s",
                                    qPrintable(m_url), timeoutMs,
                                    qPrintable(m_script.errorTail())));
        m_script.waitForExit(20);
    }
}

const std::vector<NodeOpcUaWatch::Change> &NodeOpcUaWatch::changes()
{
    const std::vector<NodeScript::Line> &lines = m_script.lines();
    for (; m_linesParsed < lines.size(); ++m_linesParsed) {
        const NodeScript::Line &line = lines[m_linesParsed];
        if (!line.json.contains(QLatin1String("nodeId")))
            continue;
        Change change;
        change.seen = line.seen;
        change.value = integer(line.json, "value", 0);
        change.seq = integer(line.json, "seq", -1);
        change.sourceMs =
            QDateTime::fromString(line.json.value(QLatin1String("sourceTimestamp")).toString(),
                                  Qt::ISODateWithMs)
                .toMSecsSinceEpoch();
        change.receivedMs = integer(line.json, "t", 0);
        m_changes.push_back(change);
    }
    return m_changes;
}

QStringList NodeOpcUaWatch::events()
{
    QStringList events;
    for (const NodeScript::Line &line : m_script.lines())
        if (line.json.contains(QLatin1String("event")))
            events << line.json.value(QLatin1String("event")).toString();
    return events;
}

QString NodeOpcUaWatch::diagnostics()
{
    QStringList other;
    for (const NodeScript::Line &line : m_script.lines())
        if (!line.json.contains(QLatin1String("nodeId")) &&
            !line.json.contains(QLatin1String("keepalive")))
            other << QString::fromUtf8(line.text);
    return QStringLiteral("watch on %1 printed %2; stderr of %3")
        .arg(m_url, other.join(QStringLiteral(" ")), m_script.errorTail());
}

void NodeOpcUaWatch::stop()
{
    if (!m_script.isRunning())
        return;
    m_script.send("quit");
    if (!m_script.waitForExit(5000))
        m_script.kill();
}

std::vector<QJsonObject> runNodeClient(const QString &url, const QStringList &operation,
                                       int timeoutMs)
{
    NodeScript script;
    script.start("client.js", QStringList{url} + operation);
    const TimePoint end = Clock::now() + std::chrono::milliseconds(timeoutMs);
    while (script.isRunning()) {
        checkInterrupted();
        if (Clock::now() >= end)
            throw BenchError(format("client.js %s did not end within %d ms: %s",
                                    qPrintable(operation.join(u' ')), timeoutMs,
                                    qPrintable(script.errorTail())));
        script.waitForExit(20);
    }
    std::vector<QJsonObject> lines;
    for (const NodeScript::Line &line : script.lines()) {
        if (line.json.contains(QLatin1String("error")))
            throw BenchError(
                format("client.js %s failed: %s", qPrintable(operation.join(u' ')),
                       qPrintable(line.json.value(QLatin1String("error")).toString())));
        lines.push_back(line.json);
    }
    return lines;
}

void prepareNodeClients(const QString &url)
{
    static bool prepared = false;
    if (prepared)
        return;
    runNodeClient(url, {QStringLiteral("read"), QStringLiteral("ns=1;s=Offset")},
                  2 * NodeStartTimeoutMs);
    prepared = true;
}

} // namespace tandem::bench
