#include "tandemdprocess.h"
#include "base/enginesocket.h"

#include "config/configdocument.h"
#include "config/configfile.h"
#include "events/event.h"
#include "host/controlserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTcpServer>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

namespace tandem::test {

TandemdProcess::TandemdProcess(const QString &baseDir, QObject *parent)
    : QObject(parent)
    , m_dir((baseDir.isEmpty() ? QDir::tempPath() : baseDir) + QStringLiteral("/tandemd-XXXXXX"))
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    connect(&m_process, &QProcess::readyReadStandardError, this, &TandemdProcess::readOutput);
}

TandemdProcess::~TandemdProcess()
{
    if (isRunning()) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

quint16 TandemdProcess::freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

bool TandemdProcess::writeConfig(const Configuration &config, const QStringList &enabled)
{
    if (!ConfigFile::save(config, configFile()).isEmpty())
        return false;
    ConfigDocument document({configFile(), stateDir()});
    if (!document.load().isEmpty())
        return false;
    for (const PairConfig &pair : config.pairs)
        if (!document.setEnabled(pair.name, enabled.contains(pair.name)).isEmpty())
            return false;
    return true;
}

bool TandemdProcess::start(const QStringList &extraArgs)
{
    QProcessEnvironment env = m_env;
    // Debug lines of the engine let tests see retries that post no event.
    env.insert(QStringLiteral("QT_LOGGING_RULES"),
               QStringLiteral("tandem.engine.debug=true\ntandem.mail.debug=true"));
    m_process.setProcessEnvironment(env);
    const int limit = m_descriptorLimit;
    // In the child between fork and exec: only async-signal-safe calls.
    m_process.setChildProcessModifier([limit] {
        if (limit > 0) {
            const rlimit r{rlim_t(limit), rlim_t(limit)};
            ::setrlimit(RLIMIT_NOFILE, &r);
        }
    });
    m_process.start(program(), QStringList{QStringLiteral("--config"), configFile(),
                                           QStringLiteral("--state-dir"), stateDir()} +
                                   extraArgs);
    if (!m_process.waitForStarted(10000))
        return false;
    const QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        if (!isRunning())
            return false;
        if (EngineSocket::isRunning(stateDir()))
            return true;
        m_process.waitForReadyRead(50);
    }
    return false;
}

QString TandemdProcess::program()
{
    return qEnvironmentVariable("TANDEM_TEST_TANDEMD", QStringLiteral(TANDEMD_PATH));
}

bool TandemdProcess::exitedCleanly() const
{
    return m_process.state() == QProcess::NotRunning &&
           m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
}

void TandemdProcess::terminate()
{
    sendSignal(SIGTERM);
}

void TandemdProcess::sendSignal(int signalNumber)
{
    if (isRunning())
        ::kill(pid_t(m_process.processId()), signalNumber);
}

qint64 TandemdProcess::residentKiB() const
{
    if (!isRunning())
        return -1;
    QFile file(QStringLiteral("/proc/%1/status").arg(processId()));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

bool TandemdProcess::waitForExit(int timeoutMs)
{
    const bool finished =
        m_process.state() == QProcess::NotRunning || m_process.waitForFinished(timeoutMs);
    readOutput();
    return finished;
}

void TandemdProcess::readOutput()
{
    m_pending += m_process.readAllStandardError();
    qsizetype newline;
    while ((newline = m_pending.indexOf('\n')) >= 0) {
        m_lines << QString::fromUtf8(m_pending.left(newline));
        m_pending.remove(0, newline + 1);
    }
}

QStringList TandemdProcess::lines()
{
    readOutput();
    return m_lines;
}

QStringList TandemdProcess::eventLines()
{
    QStringList events;
    for (const QString &line : lines())
        if (line.count(QLatin1Char('\t')) == Event::LineColumns - 1)
            events << line;
    return events;
}

QStringList TandemdProcess::events()
{
    QStringList texts;
    for (const QString &line : eventLines())
        texts << line.section(QLatin1Char('\t'), 4, 4);
    return texts;
}

int TandemdProcess::countEvents(const QString &text)
{
    int n = 0;
    for (const QString &e : events())
        n += e.contains(text) ? 1 : 0;
    return n;
}

int TandemdProcess::countLines(const QString &part)
{
    int n = 0;
    for (const QString &l : lines())
        n += l.contains(part) ? 1 : 0;
    return n;
}

bool TandemdProcess::waitForEvent(const QString &text, int timeoutMs, int count)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (countEvents(text) < count) {
        if (deadline.hasExpired() || !isRunning())
            return false;
        m_process.waitForReadyRead(int(std::min<qint64>(50, deadline.remainingTime())));
        QCoreApplication::processEvents();
    }
    return true;
}

bool TandemdProcess::waitForLine(const QString &part, int timeoutMs, int count)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (countLines(part) < count) {
        if (deadline.hasExpired() || !isRunning())
            return false;
        m_process.waitForReadyRead(int(std::min<qint64>(50, deadline.remainingTime())));
        QCoreApplication::processEvents();
    }
    return true;
}

QJsonObject TandemdProcess::status()
{
    QString error;
    return ControlClient::request(
               stateDir(), {{QStringLiteral("command"), QStringLiteral("status")}}, 3000, &error)
        .value_or(QJsonObject{});
}

QJsonObject TandemdProcess::pairStatus(const QString &pair)
{
    for (const QJsonValue &p : status().value(QLatin1String("pairs")).toArray())
        if (p.toObject().value(QLatin1String("name")).toString() == pair)
            return p.toObject();
    return {};
}

PairConfig testPair(Protocol protocol, const QString &endpoint, const QString &primary,
                    const QString &secondary, ConnectionMode mode, int statusIntervalMs,
                    int statusTimeoutMs)
{
    PairConfig p;
    p.name = QStringLiteral("line1");
    p.protocol = protocol;
    p.endpoint = endpoint;
    p.primary = primary;
    p.secondary = secondary;
    p.mode = mode;
    p.statusIntervalMs = statusIntervalMs;
    p.statusTimeoutMs = statusTimeoutMs;
    return p;
}

bool TandemdProcess::startWithPair(const PairConfig &pair, int timeoutMs)
{
    Configuration config = Configuration::createNew();
    config.pairs << pair;
    if (!writeConfig(config, {pair.name})) {
        qWarning() << "the test's configuration is invalid";
        return false;
    }
    if (!start())
        return false;
    return waitForEvent(
        QStringLiteral("Started redundancy for '%1': primary machine").arg(pair.name), timeoutMs);
}

bool TandemdProcess::stop(int timeoutMs)
{
    if (!isRunning())
        return true;
    terminate();
    return waitForExit(timeoutMs);
}

} // namespace tandem::test
