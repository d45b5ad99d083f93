#pragma once

#include "peerprocess.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace tandem::test {

// A real SMTP server (tests/integration/peers/smtp_server.py, aiosmtpd) on a free
// loopback port, for tests that send mail to an independent implementation. It records
// every message, refused recipient, login and STARTTLS, and can refuse recipients,
// fail DATA or go silent mid-dialogue on command.
// The destructor kills the process, so a failing test never leaves a peer behind.
class SmtpPeer final : public PeerProcess
{
    Q_OBJECT

public:
    static constexpr int StartTimeoutMs = 20000;

    struct Options
    {
        bool starttls = false;      // offer STARTTLS
        bool requireTls = false;    // with starttls: refuse MAIL before STARTTLS
        bool implicitTls = false;   // TLS from the first byte (smtps)
        bool untrustedCert = false; // serve a self-signed certificate, not one from caFile()
        QString authUser{};         // non-empty: require AUTH PLAIN or LOGIN with these
        QString authPassword{};
        bool authPlaintext = false; // allow AUTH without TLS
        QStringList refuse{};       // RCPT TO these gets "550 5.1.1 mailbox unavailable"
    };

    struct Message
    {
        QString from{};
        QStringList recipients{}; // the accepted ones
        QByteArray raw{};         // DATA as sent, CRLF kept, dot-stuffing undone
        QString text{};           // the text body decoded by Python's email package, LF ends
        bool tls = false;
        QString authUser{}; // empty without AUTH
    };

    explicit SmtpPeer(QObject *parent = nullptr);

    // Starts the server and waits until it listens; forgets what an earlier run recorded.
    // On failure the peer's stderr is forwarded with qWarning.
    // port 0 picks a free one; a given port brings a server back where it was.
    bool start(const Options &options, quint16 port = 0);
    bool start(); // default options: plain SMTP, no AUTH
    QString url() const { return url(QStringLiteral("127.0.0.1")); }
    // "smtp://HOST:PORT", or "smtps://..." with implicitTls. TLS clients that verify the
    // certificate connect to "localhost", the name it is issued to.
    QString url(const QString &host) const;
    // The CA that signs the peer's trusted certificate (PEM).
    static QString caFile();

    // What the peer recorded so far; each call first takes in the output that is waiting.
    QList<Message> messages();
    bool waitForMessages(int count, int timeoutMs = 10000);
    QStringList refused();
    int starttlsCount();
    QStringList authUsers();

    // command() sends one control line and waits for its "ok"; events that arrive meanwhile
    // are recorded. "hang-at EHLO|MAIL|RCPT|DATA|CONNECT", "normal", "refuse ADDR",
    // "accept ADDR", "fail-data" (see smtp_server.py).
    using PeerProcess::command;

private:
    // Records the event lines the peer writes between the answers.
    bool takeEvent(const QByteArray &line) override;

    Options m_options;
    QList<Message> m_messages;
    QStringList m_refused;
    QStringList m_authUsers;
    int m_starttlsCount = 0;
};

} // namespace tandem::test
