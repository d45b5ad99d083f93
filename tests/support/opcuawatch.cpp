#include "opcuawatch.h"

#include "opcuapeer.h"

#include <QDeadlineTimer>
#include <QDebug>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTimer>

#include <atomic>

namespace tandem::test {

namespace {
// How often waitFor() checks its condition when no output comes.
constexpr int PollMs = 20;

// Next to the peers' logs, in the folder OpcUaPeer removes when the test process ends.
QString nextLogFile()
{
    static std::atomic_int counter = 0;
    return QFileInfo(OpcUaPeer::pkiDir()).path() + QStringLiteral("/watch-%1.log").arg(++counter);
}
} // namespace

OpcUaWatch::OpcUaWatch(QObject *parent)
    : PeerProcess(QStringLiteral("OPC UA watch"), StartTimeoutMs, parent)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("NODE_OPTIONS"));
    env.remove(QStringLiteral("NODE_PATH"));
    setEnvironment(env);
    connect(&process(), &QProcess::readyReadStandardOutput, this, &OpcUaWatch::readOutput);
}

bool OpcUaWatch::start(const QString &url, const QStringList &nodeIds, int intervalMs,
                       const QString &user, const QString &password)
{
    endEarlierRun();
    m_records.clear();
    QStringList args{OpcUaPeer::scriptDir() + QStringLiteral("/client.js"), QStringLiteral("--pki"),
                     OpcUaPeer::pkiDir(), QStringLiteral("--interval"),
                     QString::number(intervalMs)};
    if (m_samplingMs >= 0)
        args << QStringLiteral("--sampling") << QString::number(m_samplingMs);
    if (!user.isEmpty())
        args << QStringLiteral("--user") << user + u':' + password;
    args << m_options << url << QStringLiteral("watch") << nodeIds;
    // stderr goes to a file: node-opcua logs there, above all while it reconnects, and a
    // pipe nobody reads would fill up and stall the client.
    setLogFile(nextLogFile());
    startProcess(OpcUaPeer::nodeExecutable(), args);

    const auto answered = [this] {
        for (const QJsonObject &record : std::as_const(m_records)) {
            if (record.contains(QLatin1String("subscribed")) ||
                record.contains(QLatin1String("error")))
                return true;
        }
        return !isRunning();
    };
    const bool subscribed = waitFor(answered, StartTimeoutMs) && isRunning() &&
                            !m_records.isEmpty() &&
                            m_records.constFirst().value(QLatin1String("subscribed")).toBool();
    if (subscribed)
        return true;
    kill();
    readOutput();
    QStringList lines;
    for (const QJsonObject &record : std::as_const(m_records))
        lines << QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact));
    qWarning().noquote() << "OPC UA watch of" << nodeIds.join(u' ') << "on" << url
                         << "did not subscribe:" << process().errorString() << "\nstdout:\n"
                         << lines.join(u'\n') << "\nlog:\n"
                         << errorOutput();
    return false;
}

void OpcUaWatch::stop()
{
    if (!isRunning())
        return;
    send(QStringLiteral("quit"));
    if (!waitForExit(StopTimeoutMs)) {
        qWarning() << "OPC UA watch did not end on quit; killing it";
        kill();
    }
    readOutput();
}

QList<QJsonObject> OpcUaWatch::changes() const
{
    return recordsWith(QLatin1String("nodeId"));
}

QList<QJsonObject> OpcUaWatch::keepAlives() const
{
    return recordsWith(QLatin1String("keepalive"));
}

QList<QJsonObject> OpcUaWatch::events() const
{
    return recordsWith(QLatin1String("event"));
}

bool OpcUaWatch::hasEvent(const QString &name) const
{
    for (const QJsonObject &record : std::as_const(m_records)) {
        if (record.value(QLatin1String("event")).toString() == name)
            return true;
    }
    return false;
}

bool OpcUaWatch::waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    // An event loop rather than waitForReadyRead(): what the test runs besides (a Client,
    // a relay) needs it too. It wakes for output at once and checks condition() every
    // PollMs otherwise.
    QEventLoop loop;
    QTimer poll;
    poll.setSingleShot(true);
    connect(&poll, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(&process(), &QProcess::readyReadStandardOutput, &loop, &QEventLoop::quit);
    connect(&process(), &QProcess::finished, &loop, &QEventLoop::quit);
    for (;;) {
        readOutput();
        if (condition())
            return true;
        if (deadline.hasExpired())
            return false;
        poll.start(int(std::min<qint64>(PollMs, deadline.remainingTime())));
        loop.exec();
    }
}

void OpcUaWatch::readOutput()
{
    while (process().canReadLine()) {
        const QByteArray line = process().readLine().trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (!document.isObject()) {
            qWarning().noquote() << "OPC UA watch said, not as JSON:" << QString::fromUtf8(line);
            continue;
        }
        m_records << document.object();
    }
}

QList<QJsonObject> OpcUaWatch::recordsWith(QLatin1String key) const
{
    QList<QJsonObject> result;
    for (const QJsonObject &record : m_records) {
        if (record.contains(key))
            result << record;
    }
    return result;
}

} // namespace tandem::test
