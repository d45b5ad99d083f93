#include "opcuawatch.h"

#include "opcuapeer.h"

#include <QDeadlineTimer>
#include <QDebug>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTimer>

#include <atomic>
#include <csignal>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

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
    : QObject(parent)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("NODE_OPTIONS"));
    env.remove(QStringLiteral("NODE_PATH"));
    m_process.setProcessEnvironment(env);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setReadChannel(QProcess::StandardOutput);
#ifdef Q_OS_LINUX
    // If the test itself crashes, the kernel takes the watch down with it.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &OpcUaWatch::readOutput);
}

OpcUaWatch::~OpcUaWatch()
{
    m_process.disconnect(this);
    if (isRunning()) {
        m_process.kill();
        m_process.waitForFinished(StopTimeoutMs);
    }
}

bool OpcUaWatch::start(const QString &url, const QStringList &nodeIds, int intervalMs,
                       const QString &user, const QString &password)
{
    if (isRunning()) {
        m_process.kill();
        m_process.waitForFinished(StopTimeoutMs);
    }
    m_records.clear();
    QStringList args{OpcUaPeer::scriptDir() + QStringLiteral("/client.js"), QStringLiteral("--pki"),
                     OpcUaPeer::pkiDir(), QStringLiteral("--interval"),
                     QString::number(intervalMs)};
    if (m_samplingMs >= 0)
        args << QStringLiteral("--sampling") << QString::number(m_samplingMs);
    if (!user.isEmpty())
        args << QStringLiteral("--user") << user + u':' + password;
    args << url << QStringLiteral("watch") << nodeIds;
    // stderr goes to a file: node-opcua logs there, above all while it reconnects, and a
    // pipe nobody reads would fill up and stall the client.
    m_logFile = nextLogFile();
    m_process.setStandardErrorFile(m_logFile);
    m_process.start(OpcUaPeer::nodeExecutable(), args);

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
    if (isRunning()) {
        m_process.kill();
        m_process.waitForFinished(StopTimeoutMs);
    }
    readOutput();
    QStringList lines;
    for (const QJsonObject &record : std::as_const(m_records))
        lines << QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact));
    qWarning().noquote() << "OPC UA watch of" << nodeIds.join(u' ') << "on" << url
                         << "did not subscribe:" << m_process.errorString() << "\nstdout:\n"
                         << lines.join(u'\n') << "\nlog:\n"
                         << log();
    return false;
}

void OpcUaWatch::stop()
{
    if (!isRunning())
        return;
    m_process.write("quit\n");
    if (!m_process.waitForFinished(StopTimeoutMs)) {
        qWarning() << "OPC UA watch did not end on quit; killing it";
        m_process.kill();
        m_process.waitForFinished(StopTimeoutMs);
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
    connect(&m_process, &QProcess::readyReadStandardOutput, &loop, &QEventLoop::quit);
    connect(&m_process, &QProcess::finished, &loop, &QEventLoop::quit);
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
    while (m_process.canReadLine()) {
        const QByteArray line = m_process.readLine().trimmed();
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

QString OpcUaWatch::log() const
{
    QFile file(m_logFile);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll());
}

} // namespace tandem::test
