#include "peerprocess.h"

#include <QDeadlineTimer>
#include <QDebug>
#include <QFile>

#include <csignal>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <unistd.h>

namespace tandem::test {

PeerProcess::PeerProcess(const QString &name, int startTimeoutMs, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_startTimeoutMs(startTimeoutMs)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setReadChannel(QProcess::StandardOutput);
}

PeerProcess::~PeerProcess()
{
    // What a derived class connected to the process is gone by now: no more output for it.
    m_process.disconnect();
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
    m_errorOutput.clear();
}

QString PeerProcess::address() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

bool PeerProcess::startProcess(const QString &program, const QStringList &arguments,
                               QByteArrayView readyPrefix)
{
    launchProcess(program, arguments);
    return waitUntilReady(readyPrefix);
}

void PeerProcess::launchProcess(const QString &program, const QStringList &arguments)
{
    endEarlierRun();
    // In the child between fork and exec: only async-signal-safe calls. If the test itself
    // crashes, the kernel takes the child down with it.
    m_process.setChildProcessModifier([parent = ::getpid(), limit = m_descriptorLimit] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) // the parent died before prctl
            ::_exit(1);
        if (limit > 0) {
            const rlimit r{rlim_t(limit), rlim_t(limit)};
            ::setrlimit(RLIMIT_NOFILE, &r);
        }
    });
    m_process.start(program, arguments);
    m_startDeadline = QDeadlineTimer(m_startTimeoutMs);
}

bool PeerProcess::waitUntilReady(QByteArrayView readyPrefix)
{
    const QDeadlineTimer deadline = m_startDeadline;
    QByteArray line;
    const bool started = m_process.waitForStarted(int(deadline.remainingTime()));
    if (started && readyPrefix.isEmpty())
        return true;
    if (started && readReply(&line, int(deadline.remainingTime())) &&
        line.startsWith(readyPrefix)) {
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
                         << (logged ? "\nlog:" : "\nstderr:") << errorOutput();
    kill();
    return false;
}

bool PeerProcess::command(const QString &line, int timeoutMs)
{
    return query(line, timeoutMs).has_value();
}

std::optional<QString> PeerProcess::query(const QString &line, int timeoutMs)
{
    const std::optional<QString> answer = reply(line, timeoutMs);
    if (!answer)
        return std::nullopt;
    if (*answer != QLatin1String("ok") && !answer->startsWith(QLatin1String("ok "))) {
        qWarning().noquote() << m_name << "refused" << line << ':' << *answer;
        return std::nullopt;
    }
    return answer->mid(3);
}

bool PeerProcess::send(const QString &line)
{
    if (!isRunning() || m_inputClosed || m_process.write(line.toUtf8() + '\n') < 0) {
        qWarning().noquote() << m_name << "cannot take" << line << "(not running or input closed)";
        return false;
    }
    return true;
}

std::optional<QString> PeerProcess::reply(const QString &line, int timeoutMs)
{
    if (!send(line))
        return std::nullopt;
    const std::optional<QByteArray> answer = readLine(timeoutMs);
    if (!answer) {
        qWarning().noquote() << m_name << "did not answer" << line;
        return std::nullopt;
    }
    return QString::fromUtf8(answer->trimmed());
}

std::optional<QByteArray> PeerProcess::readLine(int timeoutMs)
{
    QByteArray line;
    if (!readReply(&line, timeoutMs))
        return std::nullopt;
    return line;
}

void PeerProcess::closeInput()
{
    m_process.closeWriteChannel();
    m_inputClosed = true;
}

bool PeerProcess::waitForExit(int timeoutMs)
{
    return !isRunning() || m_process.waitForFinished(timeoutMs);
}

int PeerProcess::exitCode() const
{
    return !isRunning() && m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode()
                                                                          : -1;
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

QString PeerProcess::errorOutput()
{
    if (m_logFile.isEmpty()) {
        m_errorOutput += m_process.readAllStandardError();
        return QString::fromUtf8(m_errorOutput);
    }
    QFile file(m_logFile);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
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

void PeerProcess::terminate()
{
    sendSignal(SIGTERM);
}

bool PeerProcess::stop(int timeoutMs)
{
    if (!isRunning())
        return true;
    if (m_hung)
        resume();
    if (m_inputClosed)
        terminate(); // the peer exits on it
    const bool ended =
        (m_inputClosed || command(QStringLiteral("quit"), timeoutMs)) && waitForExit(timeoutMs);
    if (!ended) {
        qWarning().noquote() << m_name << "did not stop within" << timeoutMs << "ms; killed";
        kill();
    }
    return ended;
}

void PeerProcess::sendSignal(int signalNumber)
{
    if (isRunning() && m_process.processId() > 0)
        ::kill(pid_t(m_process.processId()), signalNumber);
}

} // namespace tandem::test
