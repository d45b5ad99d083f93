#include "opcuapeer.h"

#include <QDeadlineTimer>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <atomic>
#include <csignal>
#include <sys/types.h>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace tandem::test {

namespace {
// The folder this test process keeps node-opcua's PKI and the peers' logs in.
QString workDir()
{
    static const QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/tandem-opcua-XXXXXX"));
    if (!dir.isValid())
        qFatal("OPC UA peer: no temporary folder: %s", qPrintable(dir.errorString()));
    return dir.path();
}

QString nextLogFile()
{
    static std::atomic_int counter = 0;
    return workDir() + QStringLiteral("/peer-%1.log").arg(++counter);
}

QStringList serverArguments(const OpcUaPeer::Options &options, quint16 port)
{
    QStringList args{OpcUaPeer::scriptDir() + QStringLiteral("/server.js"),
                     QStringLiteral("--port"),
                     QString::number(port),
                     QStringLiteral("--offset"),
                     QString::number(options.offset),
                     QStringLiteral("--pki"),
                     OpcUaPeer::pkiDir()};
    if (!options.path.isEmpty())
        args << QStringLiteral("--path") << options.path;
    if (!options.user.isEmpty())
        args << QStringLiteral("--user") << options.user + u':' + options.password;
    return args;
}
} // namespace

OpcUaPeer::OpcUaPeer(QObject *parent)
    : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setReadChannel(QProcess::StandardOutput);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("NODE_OPTIONS"));
    env.remove(QStringLiteral("NODE_PATH"));
    m_process.setProcessEnvironment(env);
#ifdef Q_OS_LINUX
    // If the test itself crashes, the kernel takes the peer down with it.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
}

OpcUaPeer::~OpcUaPeer()
{
    if (m_hung)
        resume();
    kill();
}

QString OpcUaPeer::nodeExecutable()
{
    return QStringLiteral(TANDEM_NODE_EXECUTABLE);
}

QString OpcUaPeer::scriptDir()
{
    return QStringLiteral(TANDEM_PEERS_DIR "/opcua");
}

QString OpcUaPeer::pkiDir()
{
    return workDir() + QStringLiteral("/pki");
}

bool OpcUaPeer::start()
{
    return start(Options{});
}

bool OpcUaPeer::start(const Options &options, quint16 port)
{
    if (isRunning())
        kill();
    m_options = options;
    m_port = 0;
    m_hung = false;
    m_inputClosed = false;
    if (!QFileInfo::exists(scriptDir() + QStringLiteral("/node_modules/node-opcua"))) {
        qWarning().noquote() << "OPC UA peer cannot start: node-opcua is not installed in"
                             << scriptDir() << "(scripts/install-deps installs it)";
        return false;
    }
    // stderr goes to a file: node-opcua logs there, and a pipe nobody reads while the
    // test waits for something else would fill up and stall the server.
    m_logFile = nextLogFile();
    m_process.setStandardErrorFile(m_logFile);
    m_process.start(nodeExecutable(), serverArguments(options, port));
    const QDeadlineTimer deadline(StartTimeoutMs);
    QByteArray line;
    if (m_process.waitForStarted(int(deadline.remainingTime())) &&
        readLine(&line, int(deadline.remainingTime())) && line.startsWith("READY ")) {
        bool ok = false;
        const uint port = line.mid(6).trimmed().toUInt(&ok);
        if (ok && port > 0 && port <= 0xFFFF) {
            m_port = quint16(port);
            return true;
        }
    }
    kill(); // a peer still starting is ended first, so its log is complete
    qWarning().noquote() << "OPC UA peer did not start:" << m_process.errorString() << "\nstdout:"
                         << QString::fromUtf8(line + m_process.readAllStandardOutput())
                         << "\nlog:" << log();
    return false;
}

QString OpcUaPeer::url() const
{
    return QStringLiteral("opc.tcp://127.0.0.1:%1%2").arg(m_port).arg(m_options.path);
}

QString OpcUaPeer::address() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

bool OpcUaPeer::command(const QString &line, int timeoutMs)
{
    if (!isRunning() || m_inputClosed || m_process.write(line.toUtf8() + '\n') < 0) {
        qWarning().noquote() << "OPC UA peer cannot take" << line
                             << "(not running or input closed)";
        return false;
    }
    QByteArray answer;
    if (!readLine(&answer, timeoutMs)) {
        qWarning().noquote() << "OPC UA peer did not answer" << line;
        return false;
    }
    if (answer.trimmed() != "ok") {
        qWarning().noquote() << "OPC UA peer refused" << line << ':'
                             << QString::fromUtf8(answer.trimmed());
        return false;
    }
    return true;
}

void OpcUaPeer::closeInput()
{
    m_process.closeWriteChannel();
    m_inputClosed = true;
}

bool OpcUaPeer::waitForExit(int timeoutMs)
{
    return !isRunning() || m_process.waitForFinished(timeoutMs);
}

bool OpcUaPeer::readLine(QByteArray *line, int timeoutMs)
{
    // The peer writes nothing but READY and the answers on stdout, so the next line is
    // the one asked for.
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_process.canReadLine()) {
        if (deadline.hasExpired() || !m_process.waitForReadyRead(int(deadline.remainingTime())))
            return false;
    }
    *line = m_process.readLine();
    return true;
}

QString OpcUaPeer::log() const
{
    QFile file(m_logFile);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll());
}

void OpcUaPeer::kill()
{
    if (!isRunning())
        return;
    m_process.kill();
    m_process.waitForFinished(StartTimeoutMs);
    m_hung = false;
}

void OpcUaPeer::hang()
{
    sendSignal(SIGSTOP);
    m_hung = true;
}

void OpcUaPeer::resume()
{
    sendSignal(SIGCONT);
    m_hung = false;
}

void OpcUaPeer::stop()
{
    if (!isRunning())
        return;
    if (m_hung)
        resume();
    if (m_inputClosed) {
        m_process.terminate(); // SIGTERM; the peer exits on it
        if (!m_process.waitForFinished(CommandTimeoutMs))
            kill();
        return;
    }
    if (!command(QStringLiteral("quit"), CommandTimeoutMs) ||
        !m_process.waitForFinished(CommandTimeoutMs))
        kill();
}

void OpcUaPeer::sendSignal(int signalNumber)
{
    const qint64 pid = m_process.processId();
    if (pid > 0)
        ::kill(pid_t(pid), signalNumber);
}

} // namespace tandem::test
