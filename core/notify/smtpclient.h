#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>

namespace tandem {

// One SMTP server as the mailer uses it.
struct SmtpServer
{
    QString url;                 // smtp://host[:port] (STARTTLS required) or smtps://host[:port]
    bool allowPlaintext = false; // smtp:// may then stay unencrypted if the server lacks STARTTLS
    QString caFile;              // a private CA instead of the system's; verification is always on
    QString user;                // empty: no AUTH
    QString password;
    int timeoutMs = 30000; // the whole dialogue; connecting gets at most 10 s of it
};

struct SmtpResult
{
    bool ok = false;
    QString error;       // why not, with the server's last reply when there was one
    QStringList refused; // "ADDR: 550 5.1.1 ..." for recipients the server refused
};

// A blocking SMTP client on libcurl: one call, one connection. Runs on a worker thread,
// never the GUI's. Setting *abort makes a running call return within a fraction of a
// second (engine shutdown).
class SmtpClient final
{
public:
    explicit SmtpClient(const std::atomic<bool> *abort = nullptr);

    // Sends `message` (complete RFC 5322 bytes, CRLF) to every recipient the server
    // accepts. ok when the server accepted the message for at least one recipient;
    // the others are listed in refused.
    SmtpResult send(const SmtpServer &server, const QString &from, const QStringList &to,
                    const QByteArray &message);

    // Connects, greets, secures and authenticates as send() would, then NOOP and QUIT:
    // the console's "Test connection".
    SmtpResult probe(const SmtpServer &server);

private:
    SmtpResult run(const SmtpServer &server, const QString *from, const QStringList &to,
                   const QByteArray *message);

    const std::atomic<bool> *m_abort;
};

} // namespace tandem
