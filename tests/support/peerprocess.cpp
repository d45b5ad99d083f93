#include "peerprocess.h"

#include <QDeadlineTimer>
#include <QDebug>
#include <QFile>

#include <csignal>
#include <sys/types.h>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace tandem::test {

PeerProcess::PeerProcess(const QString &name, int startTimeoutMs, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_startTimeoutMs(startTimeoutMs)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setReadChannel(QProcess::StandardOutput);
#ifdef Q_OS_LINUX
    // If the test itself crashes, the kernel takes the peer down with it.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
}

PeerProcess::~PeerProcess()
{
    if (m_hung)
        resume();
    kill();
}

void PeerProcess::setEnvironment(const QProcessEnvironment &environment)
{
    m_process.setProcessEnvironment(environment);
}

void PeerProcess::setLogFile(const QString &file)
{
    m_logFile = file;
    m_process.setStandardErrorFile(file);
}

void PeerProcess::endEarlierRun()
{
    if (isRunning())
        kill();
    m_port = 0;
    m_hung = false;
    m_inputClosed = false;
}

bool PeerProcess::startProcess(const QString &program, const QStringList &arguments,
                               QByteArrayView readyPrefix)
{
    endEarlierRun();
    m_process.start(program, arguments);
    const QDeadlineTimer deadline(m_startTimeoutMs);
    QByteArray line;
    if (m_process.waitForStarted(int(deadline.remainingTime())) &&
        readReply(&line, int(deadline.remainingTime())) && line.startsWith(readyPrefix)) {
        bool ok = false;
        const uint port = line.mid(readyPrefix.size()).trimmed().toUInt(&ok);
        if (ok && port > 0 && port <= 0xFFFF) {
            m_port = quint16(port);
            return true;
        }
    }
    // A log file is complete only once the process has ended. A pipe is read before the
    // kill, so that the error still says why the start failed (a timeout), not the kill.
    const bool logged = !m_logFile.isEmpty();
    if (logged)
        kill();
    qWarning().noquote() << m_name << "did not start:" << m_process.errorString() << "\nstdout:"
                         << QString::fromUtf8(line + m_process.readAllStandardOutput())
                         << (logged ? "\nlog:" : "\nstderr:")
                         << (logged ? log() : QString::fromUtf8(m_process.readAllStandardError()));
    kill();
    return false;
}

bool PeerProcess::command(const QString &line, int timeoutMs)
{
    return query(line, timeoutMs).has_value();
}

std::optional<QString> PeerProcess::query(const QString &line, int timeoutMs)
{
    if (!isRunning() || m_inputClosed || m_process.write(line.toUtf8() + '\n') < 0) {
        qWarning().noquote() << m_name << "cannot take" << line << "(not running or input closed)";
        return std::nullopt;
    }
    QByteArray answer;
    if (!readReply(&answer, timeoutMs)) {
        qWarning().noquote() << m_name << "did not answer" << line;
        return std::nullopt;
    }
    answer = answer.trimmed();
    if (answer != "ok" && !answer.startsWith("ok ")) {
        qWarning().noquote() << m_name << "refused" << line << ':' << QString::fromUtf8(answer);
        return std::nullopt;
    }
    return QString::fromUtf8(answer.mid(3));
}

void PeerProcess::closeInput()
{
    m_process.closeWriteChannel();
    m_inputClosed = true;
}

bool PeerProcess::waitForFinished(int timeoutMs)
{
    return m_process.waitForFinished(timeoutMs);
}

bool PeerProcess::readReply(QByteArray *line, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        while (m_process.canReadLine()) {
            *line = m_process.readLine();
            if (!takeEvent(*line))
                return true;
        }
        if (deadline.hasExpired() || !m_process.waitForReadyRead(int(deadline.remainingTime())))
            return false;
    }
}

void PeerProcess::takePendingOutput()
{
    // Without an event loop, output reaches the QProcess buffer only through a wait.
    while (m_process.waitForReadyRead(0)) {
    }
    while (m_process.canReadLine()) {
        const QByteArray line = m_process.readLine();
        if (!takeEvent(line))
            qWarning().noquote() << m_name << "said, unasked:" << QString::fromUtf8(line.trimmed());
    }
}

bool PeerProcess::takeEvent(const QByteArray &line)
{
    Q_UNUSED(line)
    return false;
}

QString PeerProcess::log() const
{
    QFile file(m_logFile);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll());
}

void PeerProcess::kill()
{
    if (!isRunning())
        return;
    m_process.kill();
    m_process.waitForFinished(m_startTimeoutMs);
    m_hung = false;
}

void PeerProcess::hang()
{
    sendSignal(SIGSTOP);
    m_hung = true;
}

void PeerProcess::resume()
{
    sendSignal(SIGCONT);
    m_hung = false;
}

void PeerProcess::stop()
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

void PeerProcess::sendSignal(int signalNumber)
{
    const qint64 pid = m_process.processId();
    if (pid > 0)
        ::kill(pid_t(pid), signalNumber);
}

} // namespace tandem::test
