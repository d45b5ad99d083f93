#include "smtppeer.h"

#include <QDeadlineTimer>
#include <QDebug>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTest>

#include <csignal>
#include <sys/types.h>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace tandem::test {

namespace {
// Debian's aiosmtpd is importable by the system interpreter only, not by a python3
// that PATH may put first.
const auto Python = QStringLiteral("/usr/bin/python3");

QString certsDir()
{
    return QStringLiteral(TANDEM_PEERS_DIR "/certs");
}

QStringList serverArguments(const SmtpPeer::Options &options, quint16 port)
{
    QStringList args{QStringLiteral(TANDEM_PEERS_DIR "/smtp_server.py"), QStringLiteral("--port"),
                     QString::number(port)};
    const QString name =
        options.untrustedCert ? QStringLiteral("untrusted") : QStringLiteral("server");
    const QStringList certAndKey{certsDir() + u'/' + name + QStringLiteral(".pem"),
                                 certsDir() + u'/' + name + QStringLiteral(".key")};
    if (options.starttls)
        args << QStringLiteral("--starttls") << certAndKey;
    if (options.requireTls)
        args << QStringLiteral("--require-tls");
    if (options.implicitTls)
        args << QStringLiteral("--implicit-tls") << certAndKey;
    if (!options.authUser.isEmpty())
        args << QStringLiteral("--auth") << options.authUser + u':' + options.authPassword;
    if (options.authPlaintext)
        args << QStringLiteral("--auth-plaintext");
    for (const QString &address : options.refuse)
        args << QStringLiteral("--refuse") << address;
    return args;
}
} // namespace

SmtpPeer::SmtpPeer(QObject *parent)
    : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setReadChannel(QProcess::StandardOutput);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PYTHONHOME"));
    env.remove(QStringLiteral("PYTHONPATH"));
    m_process.setProcessEnvironment(env);
#ifdef Q_OS_LINUX
    // If the test itself crashes, the kernel takes the peer down with it.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
}

SmtpPeer::~SmtpPeer()
{
    if (m_hung)
        resume();
    kill();
}

bool SmtpPeer::start()
{
    return start(Options{});
}

bool SmtpPeer::start(const Options &options, quint16 port)
{
    if (isRunning())
        kill();
    m_options = options;
    m_port = 0;
    m_hung = false;
    m_inputClosed = false;
    m_messages.clear();
    m_refused.clear();
    m_authUsers.clear();
    m_starttlsCount = 0;
    m_process.start(Python, serverArguments(options, port));
    const QDeadlineTimer deadline(StartTimeoutMs);
    QByteArray line;
    if (m_process.waitForStarted(int(deadline.remainingTime())) &&
        readReply(&line, int(deadline.remainingTime())) && line.startsWith("READY ")) {
        bool ok = false;
        const uint port = line.mid(6).trimmed().toUInt(&ok);
        if (ok && port > 0 && port <= 0xFFFF) {
            m_port = quint16(port);
            return true;
        }
    }
    qWarning().noquote() << "SMTP peer did not start:" << m_process.errorString() << "\nstdout:"
                         << QString::fromUtf8(line + m_process.readAllStandardOutput())
                         << "\nstderr:" << QString::fromUtf8(m_process.readAllStandardError());
    kill();
    return false;
}

QString SmtpPeer::url(const QString &host) const
{
    const auto scheme = m_options.implicitTls ? QStringLiteral("smtps") : QStringLiteral("smtp");
    return QStringLiteral("%1://%2:%3").arg(scheme, host).arg(m_port);
}

QString SmtpPeer::caFile()
{
    return certsDir() + QStringLiteral("/ca.pem");
}

QList<SmtpPeer::Message> SmtpPeer::messages()
{
    takePendingOutput();
    return m_messages;
}

bool SmtpPeer::waitForMessages(int count, int timeoutMs)
{
    // Spins the event loop meanwhile: a mailer in the test's own process must be able to
    // run its timers and take its worker's results while the test waits.
    takePendingOutput();
    return QTest::qWaitFor(
        [&] {
            takePendingOutput();
            return m_messages.size() >= count;
        },
        timeoutMs);
}

QStringList SmtpPeer::refused()
{
    takePendingOutput();
    return m_refused;
}

int SmtpPeer::starttlsCount()
{
    takePendingOutput();
    return m_starttlsCount;
}

QStringList SmtpPeer::authUsers()
{
    takePendingOutput();
    return m_authUsers;
}

bool SmtpPeer::command(const QString &line, int timeoutMs)
{
    if (!isRunning() || m_inputClosed || m_process.write(line.toUtf8() + '\n') < 0) {
        qWarning().noquote() << "SMTP peer cannot take" << line << "(not running or input closed)";
        return false;
    }
    QByteArray answer;
    if (!readReply(&answer, timeoutMs)) {
        qWarning().noquote() << "SMTP peer did not answer" << line;
        return false;
    }
    if (answer.trimmed() != "ok") {
        qWarning().noquote() << "SMTP peer refused" << line << ':'
                             << QString::fromUtf8(answer.trimmed());
        return false;
    }
    return true;
}

void SmtpPeer::closeInput()
{
    m_process.closeWriteChannel();
    m_inputClosed = true;
}

bool SmtpPeer::readReply(QByteArray *line, int timeoutMs)
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

void SmtpPeer::takePendingOutput()
{
    // Without an event loop, output reaches the QProcess buffer only through a wait.
    while (m_process.waitForReadyRead(0)) {
    }
    while (m_process.canReadLine()) {
        const QByteArray line = m_process.readLine();
        if (!takeEvent(line))
            qWarning().noquote() << "SMTP peer said, unasked:" << QString::fromUtf8(line.trimmed());
    }
}

bool SmtpPeer::takeEvent(const QByteArray &line)
{
    const QJsonObject event = QJsonDocument::fromJson(line).object();
    const QString kind = event.value(QLatin1String("event")).toString();
    if (kind == QLatin1String("message")) {
        Message message;
        message.from = event.value(QLatin1String("mail_from")).toString();
        for (const QJsonValue &recipient : event.value(QLatin1String("rcpt_tos")).toArray())
            message.recipients << recipient.toString();
        message.raw =
            QByteArray::fromBase64(event.value(QLatin1String("data_b64")).toString().toLatin1());
        message.text = event.value(QLatin1String("text")).toString();
        message.tls = event.value(QLatin1String("tls")).toBool();
        message.authUser = event.value(QLatin1String("auth_user")).toString();
        m_messages << message;
    } else if (kind == QLatin1String("refused")) {
        m_refused << event.value(QLatin1String("rcpt")).toString();
    } else if (kind == QLatin1String("auth")) {
        m_authUsers << event.value(QLatin1String("user")).toString();
    } else if (kind == QLatin1String("starttls")) {
        ++m_starttlsCount;
    } else {
        return false;
    }
    return true;
}

void SmtpPeer::kill()
{
    if (!isRunning())
        return;
    m_process.kill();
    m_process.waitForFinished(StartTimeoutMs);
    m_hung = false;
}

void SmtpPeer::hang()
{
    sendSignal(SIGSTOP);
    m_hung = true;
}

void SmtpPeer::resume()
{
    sendSignal(SIGCONT);
    m_hung = false;
}

void SmtpPeer::stop()
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

void SmtpPeer::sendSignal(int signalNumber)
{
    const qint64 pid = m_process.processId();
    if (pid > 0)
        ::kill(pid_t(pid), signalNumber);
}

} // namespace tandem::test
