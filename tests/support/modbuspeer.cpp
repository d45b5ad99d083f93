#include "modbuspeer.h"

#include <QDeadlineTimer>
#include <QDebug>
#include <QProcessEnvironment>

#include <csignal>
#include <sys/types.h>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace tandem::test {

namespace {
// Debian's pymodbus is importable by the system interpreter only, not by a python3
// that PATH may put first.
const auto Python = QStringLiteral("/usr/bin/python3");
} // namespace

ModbusPeer::ModbusPeer(QObject *parent)
    : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setReadChannel(QProcess::StandardOutput);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PYTHONHOME"));
    env.remove(QStringLiteral("PYTHONPATH"));
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    m_process.setProcessEnvironment(env);
#ifdef Q_OS_LINUX
    // If the test itself crashes, the kernel takes the peer down with it.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
}

ModbusPeer::~ModbusPeer()
{
    if (m_hung)
        resume();
    kill();
}

bool ModbusPeer::start(quint16 offset, quint16 port)
{
    if (isRunning())
        kill();
    m_offset = offset;
    m_port = 0;
    m_hung = false;
    m_inputClosed = false;
    m_process.start(Python,
                    {QStringLiteral(TANDEM_PEERS_DIR "/modbus_server.py"), QStringLiteral("--port"),
                     QString::number(port), QStringLiteral("--offset"), QString::number(offset)});
    const QDeadlineTimer deadline(StartTimeoutMs);
    QByteArray line;
    if (m_process.waitForStarted(int(deadline.remainingTime())) &&
        readLine(&line, int(deadline.remainingTime())) && line.startsWith("ready ")) {
        bool ok = false;
        const uint port = line.mid(6).trimmed().toUInt(&ok);
        if (ok && port > 0 && port <= 0xFFFF) {
            m_port = quint16(port);
            return true;
        }
    }
    qWarning().noquote() << "Modbus peer did not start:" << m_process.errorString() << "\nstdout:"
                         << QString::fromUtf8(line + m_process.readAllStandardOutput())
                         << "\nstderr:" << QString::fromUtf8(m_process.readAllStandardError());
    kill();
    return false;
}

QString ModbusPeer::address() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

bool ModbusPeer::command(const QString &line, int timeoutMs)
{
    if (!isRunning() || m_inputClosed || m_process.write(line.toUtf8() + '\n') < 0) {
        qWarning().noquote() << "Modbus peer cannot take" << line
                             << "(not running or input closed)";
        return false;
    }
    QByteArray answer;
    if (!readLine(&answer, timeoutMs)) {
        qWarning().noquote() << "Modbus peer did not answer" << line;
        return false;
    }
    if (answer.trimmed() != "ok") {
        qWarning().noquote() << "Modbus peer refused" << line << ':'
                             << QString::fromUtf8(answer.trimmed());
        return false;
    }
    return true;
}

void ModbusPeer::closeInput()
{
    m_process.closeWriteChannel();
    m_inputClosed = true;
}

bool ModbusPeer::readLine(QByteArray *line, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_process.canReadLine()) {
        if (deadline.hasExpired() || !m_process.waitForReadyRead(int(deadline.remainingTime())))
            return false;
    }
    *line = m_process.readLine();
    return true;
}

void ModbusPeer::kill()
{
    if (!isRunning())
        return;
    m_process.kill();
    m_process.waitForFinished(StartTimeoutMs);
    m_hung = false;
}

void ModbusPeer::hang()
{
    sendSignal(SIGSTOP);
    m_hung = true;
}

void ModbusPeer::resume()
{
    sendSignal(SIGCONT);
    m_hung = false;
}

void ModbusPeer::stop()
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

void ModbusPeer::sendSignal(int signalNumber)
{
    const qint64 pid = m_process.processId();
    if (pid > 0)
        ::kill(pid_t(pid), signalNumber);
}

} // namespace tandem::test
