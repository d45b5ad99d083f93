#include "smtppeer.h"
#include "buildpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTest>

namespace tandem::test {

namespace {
// Debian's aiosmtpd is importable by the system interpreter only, not by a python3
// that PATH may put first.
const auto Python = QStringLiteral("/usr/bin/python3");

QString certsDir()
{
    return test::sourcePath("tests/integration/peers/certs");
}

QStringList serverArguments(const SmtpPeer::Options &options, quint16 port)
{
    QStringList args{test::sourcePath("tests/integration/peers/smtp_server.py"),
                     QStringLiteral("--port"), QString::number(port)};
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
    : PeerProcess(QStringLiteral("SMTP peer"), StartTimeoutMs, parent)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PYTHONHOME"));
    env.remove(QStringLiteral("PYTHONPATH"));
    setEnvironment(env);
}

bool SmtpPeer::start()
{
    return start(Options{});
}

bool SmtpPeer::start(const Options &options, quint16 port)
{
    m_options = options;
    m_messages.clear();
    m_refused.clear();
    m_authUsers.clear();
    m_starttlsCount = 0;
    return startProcess(Python, serverArguments(options, port), "READY ");
}

QString SmtpPeer::url(const QString &host) const
{
    const auto scheme = m_options.implicitTls ? QStringLiteral("smtps") : QStringLiteral("smtp");
    return QStringLiteral("%1://%2:%3").arg(scheme, host).arg(port());
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

} // namespace tandem::test
