// The SMTP test peer itself, checked with the independent curl command line: if the
// peer records the wrong bytes, skips verification or hangs at the wrong step, every
// notification test above it is wrong too.
#include "smtppeer.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <QTest>

#include <memory>

using tandem::test::SmtpPeer;

namespace {
const auto Curl = QStringLiteral("/usr/bin/curl");
const auto From = QStringLiteral("plant@example.org");
const auto To = QStringLiteral("operator@example.org");
const auto User = QStringLiteral("tandem");
const auto Password = QStringLiteral("s3cret pass");
const auto Localhost = QStringLiteral("localhost");

// curl's exit codes that the tests expect
constexpr int CurlOk = 0;
constexpr int CurlCouldNotConnect = 7;
constexpr int CurlWeirdServerReply = 8;
constexpr int CurlTimedOut = 28;
constexpr int CurlSendError = 55; // also a refused MAIL or RCPT
constexpr int CurlCertificateRejected = 60;
constexpr int CurlLoginDenied = 67;

// CRLF lines, a line that is a lone dot and one that starts with dots (curl stuffs,
// the server unstuffs), a bare LF and an 8-bit byte: the peer must hand back exactly this.
const QByteArray Body = "Subject: Pump 2 failed over\r\n"
                        "From: plant@example.org\r\n"
                        "\r\n"
                        ".\r\n"
                        "..leading dots\r\n"
                        "bare\nLF, and \xe9\r\n";

struct CurlResult
{
    int exitCode = -1;
    QString log; // curl's stderr: the error, and with -v the dialogue
};

// The lines of curl's -v log that start with prefix ("> " sent, "< " received).
QStringList dialogue(const QString &log, QStringView prefix)
{
    QStringList lines;
    for (const QString &line : log.split(u'\n'))
        if (line.startsWith(prefix))
            lines << line.mid(prefix.size()).trimmed();
    return lines;
}
} // namespace

class TestSmtpPeer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void urls();
    void messageKeepsExactBytes();
    void commandKeepsEventsThatArriveMeanwhile();
    void starttlsOffered();
    void starttlsRequired();
    void implicitTls();
    void untrustedCertificateFailsVerification();
    void authentication_data();
    void authentication();
    void wrongPasswordIsRefused();
    void authNeedsTlsUnlessPlaintextAllowed();
    void refusedRecipient();
    void refuseAndAcceptCommands();
    void failData();
    void hangAt_data();
    void hangAt();
    void stoppedProcessHangs();
    void killThenRestartOnSamePort();
    void unknownCommandsAreRefused();
    void closedInputKeepsServing();
    void busyPortFailsWithTheReason();

private:
    bool startPeer(const SmtpPeer::Options &options = {});
    CurlResult sendMail(const QString &url, const QStringList &options = {},
                        const QStringList &recipients = {To}, int maxTimeSeconds = 10);

    std::unique_ptr<SmtpPeer> m_peer;
};

void TestSmtpPeer::cleanup()
{
    // Also runs after a failed check: no peer outlives its test.
    m_peer.reset();
}

bool TestSmtpPeer::startPeer(const SmtpPeer::Options &options)
{
    m_peer = std::make_unique<SmtpPeer>();
    return m_peer->start(options);
}

CurlResult TestSmtpPeer::sendMail(const QString &url, const QStringList &options,
                                  const QStringList &recipients, int maxTimeSeconds)
{
    QTemporaryFile body;
    if (!body.open() || body.write(Body) != Body.size() || !body.flush())
        return {-1, QStringLiteral("cannot write the message file")};
    // -q first: ignore any curlrc. No proxy may stand between curl and the peer.
    QStringList args{QStringLiteral("-q"), QStringLiteral("-sS")};
    args << QStringLiteral("--noproxy") << QStringLiteral("*");
    args << QStringLiteral("--max-time") << QString::number(maxTimeSeconds);
    args << QStringLiteral("--url") << url;
    args << QStringLiteral("--mail-from") << From;
    args << QStringLiteral("--upload-file") << body.fileName();
    for (const QString &recipient : recipients)
        args << QStringLiteral("--mail-rcpt") << recipient;
    args << options;

    QProcess curl;
    curl.start(Curl, args);
    if (!curl.waitForFinished((maxTimeSeconds + 10) * 1000)) {
        curl.kill();
        curl.waitForFinished();
        return {-1, QStringLiteral("curl did not finish: ") + curl.errorString()};
    }
    const QString log = QString::fromUtf8(curl.readAllStandardError());
    return {curl.exitStatus() == QProcess::NormalExit ? curl.exitCode() : -1, log};
}

void TestSmtpPeer::urls()
{
    QVERIFY(startPeer());
    const QString port = QString::number(m_peer->port());
    QCOMPARE(m_peer->url(), QStringLiteral("smtp://127.0.0.1:") + port);
    QCOMPARE(m_peer->url(Localhost), QStringLiteral("smtp://localhost:") + port);
    QVERIFY(QFile::exists(SmtpPeer::caFile()));

    SmtpPeer smtps;
    QVERIFY(smtps.start({.implicitTls = true}));
    QVERIFY(smtps.port() != m_peer->port());
    QCOMPARE(smtps.url(Localhost), QStringLiteral("smtps://localhost:%1").arg(smtps.port()));
}

void TestSmtpPeer::messageKeepsExactBytes()
{
    QVERIFY(startPeer());
    const QStringList recipients{To, QStringLiteral("shift-lead@example.org")};
    const CurlResult sent = sendMail(m_peer->url(), {}, recipients);
    QVERIFY2(sent.exitCode == CurlOk, qPrintable(sent.log));
    QVERIFY(m_peer->waitForMessages(1));

    const SmtpPeer::Message message = m_peer->messages().value(0);
    QCOMPARE(message.from, From);
    QCOMPARE(message.recipients, recipients);
    QCOMPARE(message.raw, Body);
    QVERIFY(!message.tls);
    QCOMPARE(message.authUser, QString());
    QCOMPARE(m_peer->refused(), QStringList());
    QCOMPARE(m_peer->starttlsCount(), 0);

    // Messages add up.
    QCOMPARE(sendMail(m_peer->url()).exitCode, CurlOk);
    QVERIFY(m_peer->waitForMessages(2));
    QCOMPARE(m_peer->messages().size(), 2);
    QCOMPARE(m_peer->messages().at(1).recipients, QStringList{To});
}

void TestSmtpPeer::commandKeepsEventsThatArriveMeanwhile()
{
    QVERIFY(startPeer({.refuse = {QStringLiteral("nobody@example.org")}}));
    const CurlResult sent = sendMail(m_peer->url(), {QStringLiteral("--mail-rcpt-allowfails")},
                                     {QStringLiteral("nobody@example.org"), To});
    QVERIFY2(sent.exitCode == CurlOk, qPrintable(sent.log));
    // The events were written before the server answered curl, so they wait in the
    // pipe ahead of the command's "ok": command() must keep them.
    QVERIFY(m_peer->command(QStringLiteral("normal")));
    QCOMPARE(m_peer->messages().size(), 1);
    QCOMPARE(m_peer->refused(), QStringList{QStringLiteral("nobody@example.org")});
}

void TestSmtpPeer::starttlsOffered()
{
    QVERIFY(startPeer({.starttls = true}));
    // Offered, not required: a client may stay in plain text.
    QCOMPARE(sendMail(m_peer->url()).exitCode, CurlOk);
    QVERIFY(m_peer->waitForMessages(1));
    QVERIFY(!m_peer->messages().at(0).tls);
    QCOMPARE(m_peer->starttlsCount(), 0);

    const CurlResult sent =
        sendMail(m_peer->url(Localhost),
                 {QStringLiteral("--ssl-reqd"), QStringLiteral("--cacert"), SmtpPeer::caFile()});
    QVERIFY2(sent.exitCode == CurlOk, qPrintable(sent.log));
    QVERIFY(m_peer->waitForMessages(2));
    QCOMPARE(m_peer->starttlsCount(), 1);
    QVERIFY(m_peer->messages().at(1).tls);
    QCOMPARE(m_peer->messages().at(1).raw, Body);
}

void TestSmtpPeer::starttlsRequired()
{
    QVERIFY(startPeer({.starttls = true, .requireTls = true}));
    const CurlResult plain = sendMail(m_peer->url());
    QCOMPARE(plain.exitCode, CurlSendError);
    QVERIFY2(plain.log.contains(QStringLiteral("530")), qPrintable(plain.log));
    QVERIFY(m_peer->messages().isEmpty());

    const CurlResult sent =
        sendMail(m_peer->url(Localhost),
                 {QStringLiteral("--ssl-reqd"), QStringLiteral("--cacert"), SmtpPeer::caFile()});
    QVERIFY2(sent.exitCode == CurlOk, qPrintable(sent.log));
    QVERIFY(m_peer->waitForMessages(1));
    QCOMPARE(m_peer->starttlsCount(), 1);
    QVERIFY(m_peer->messages().at(0).tls);
}

void TestSmtpPeer::implicitTls()
{
    QVERIFY(startPeer({.implicitTls = true}));
    const CurlResult sent =
        sendMail(m_peer->url(Localhost), {QStringLiteral("--cacert"), SmtpPeer::caFile()});
    QVERIFY2(sent.exitCode == CurlOk, qPrintable(sent.log));
    QVERIFY(m_peer->waitForMessages(1));
    const SmtpPeer::Message message = m_peer->messages().at(0);
    QVERIFY(message.tls);
    QCOMPARE(message.raw, Body);
    // TLS from the first byte is not STARTTLS.
    QCOMPARE(m_peer->starttlsCount(), 0);
}

void TestSmtpPeer::untrustedCertificateFailsVerification()
{
    QVERIFY(startPeer({.implicitTls = true, .untrustedCert = true}));
    const CurlResult verified =
        sendMail(m_peer->url(Localhost), {QStringLiteral("--cacert"), SmtpPeer::caFile()});
    QCOMPARE(verified.exitCode, CurlCertificateRejected);
    QVERIFY(m_peer->messages().isEmpty());

    // Only the verification fails: without it the same peer takes the message.
    const CurlResult unverified = sendMail(m_peer->url(Localhost), {QStringLiteral("--insecure")});
    QVERIFY2(unverified.exitCode == CurlOk, qPrintable(unverified.log));
    QVERIFY(m_peer->waitForMessages(1));
    QVERIFY(m_peer->messages().at(0).tls);
}

void TestSmtpPeer::authentication_data()
{
    QTest::addColumn<bool>("starttls");
    QTest::addColumn<bool>("implicitTls");
    QTest::addColumn<QString>("mechanism");
    QTest::newRow("plain TCP, PLAIN") << false << false << QStringLiteral("PLAIN");
    QTest::newRow("plain TCP, LOGIN") << false << false << QStringLiteral("LOGIN");
    QTest::newRow("STARTTLS, PLAIN") << true << false << QStringLiteral("PLAIN");
    QTest::newRow("implicit TLS, LOGIN") << false << true << QStringLiteral("LOGIN");
}

void TestSmtpPeer::authentication()
{
    QFETCH(bool, starttls);
    QFETCH(bool, implicitTls);
    QFETCH(QString, mechanism);
    const bool tls = starttls || implicitTls;
    QVERIFY(startPeer({.starttls = starttls,
                       .implicitTls = implicitTls,
                       .authUser = User,
                       .authPassword = Password,
                       .authPlaintext = !tls}));

    // Without credentials the server refuses the mail.
    QStringList options{QStringLiteral("--cacert"), SmtpPeer::caFile()};
    if (starttls)
        options << QStringLiteral("--ssl-reqd");
    const CurlResult anonymous = sendMail(m_peer->url(Localhost), options);
    QCOMPARE(anonymous.exitCode, CurlSendError);
    QVERIFY2(anonymous.log.contains(QStringLiteral("530")), qPrintable(anonymous.log));

    options << QStringLiteral("--user") << User + u':' + Password
            << QStringLiteral("--login-options") << QStringLiteral("AUTH=") + mechanism;
    const CurlResult sent = sendMail(m_peer->url(Localhost), options);
    QVERIFY2(sent.exitCode == CurlOk, qPrintable(sent.log));
    QVERIFY(m_peer->waitForMessages(1));
    QCOMPARE(m_peer->authUsers(), QStringList{User});
    const SmtpPeer::Message message = m_peer->messages().at(0);
    QCOMPARE(message.authUser, User);
    QCOMPARE(message.tls, tls);
    QCOMPARE(m_peer->starttlsCount(), starttls ? 2 : 0);
}

void TestSmtpPeer::wrongPasswordIsRefused()
{
    QVERIFY(startPeer({.authUser = User, .authPassword = Password, .authPlaintext = true}));
    const CurlResult wrong =
        sendMail(m_peer->url(), {QStringLiteral("--user"), User + QStringLiteral(":wrong")});
    QCOMPARE(wrong.exitCode, CurlLoginDenied);
    const CurlResult stranger =
        sendMail(m_peer->url(), {QStringLiteral("--user"), QStringLiteral("intruder:") + Password});
    QCOMPARE(stranger.exitCode, CurlLoginDenied);
    QVERIFY(m_peer->authUsers().isEmpty());
    QVERIFY(m_peer->messages().isEmpty());
}

void TestSmtpPeer::authNeedsTlsUnlessPlaintextAllowed()
{
    QVERIFY(startPeer({.starttls = true, .authUser = User, .authPassword = Password}));
    // Over plain TCP the server does not offer AUTH, so curl cannot log in and MAIL is
    // refused; the password never crossed the wire.
    const CurlResult plain = sendMail(
        m_peer->url(), {QStringLiteral("-v"), QStringLiteral("--user"), User + u':' + Password});
    QCOMPARE(plain.exitCode, CurlSendError);
    QVERIFY2(!dialogue(plain.log, u"< ").join(u'\n').contains(QStringLiteral("AUTH ")),
             qPrintable(plain.log));
    QVERIFY2(!dialogue(plain.log, u"> ").join(u'\n').contains(QStringLiteral("AUTH")),
             qPrintable(plain.log));
    QVERIFY(m_peer->authUsers().isEmpty());
    QVERIFY(m_peer->messages().isEmpty());
}

void TestSmtpPeer::refusedRecipient()
{
    const auto refused = QStringLiteral("left-the-company@example.org");
    QVERIFY(startPeer({.refuse = {refused}}));
    // Told to go on without the refused one, curl delivers to the other.
    const CurlResult partly =
        sendMail(m_peer->url(), {QStringLiteral("--mail-rcpt-allowfails")}, {refused, To});
    QVERIFY2(partly.exitCode == CurlOk, qPrintable(partly.log));
    QVERIFY(m_peer->waitForMessages(1));
    QCOMPARE(m_peer->messages().at(0).recipients, QStringList{To});
    QCOMPARE(m_peer->refused(), QStringList{refused});

    // Otherwise curl gives up and nothing is delivered.
    const CurlResult aborted = sendMail(m_peer->url(), {}, {To, refused});
    QCOMPARE(aborted.exitCode, CurlSendError);
    QVERIFY2(aborted.log.contains(QStringLiteral("550")), qPrintable(aborted.log));
    QCOMPARE(m_peer->refused(), (QStringList{refused, refused}));
    QCOMPARE(m_peer->messages().size(), 1);
}

void TestSmtpPeer::refuseAndAcceptCommands()
{
    QVERIFY(startPeer());
    QVERIFY(m_peer->command(QStringLiteral("refuse ") + To));
    QCOMPARE(sendMail(m_peer->url()).exitCode, CurlSendError);
    QCOMPARE(m_peer->refused(), QStringList{To});
    QVERIFY(m_peer->messages().isEmpty());

    QVERIFY(m_peer->command(QStringLiteral("accept ") + To));
    QCOMPARE(sendMail(m_peer->url()).exitCode, CurlOk);
    QVERIFY(m_peer->waitForMessages(1));
    QCOMPARE(m_peer->refused(), QStringList{To});
}

void TestSmtpPeer::failData()
{
    QVERIFY(startPeer());
    QVERIFY(m_peer->command(QStringLiteral("fail-data")));
    // curl reports any answer but 250 to the end of DATA as a weird reply.
    const CurlResult failed = sendMail(m_peer->url(), {QStringLiteral("-v")});
    QCOMPARE(failed.exitCode, CurlWeirdServerReply);
    const QStringList received = dialogue(failed.log, u"< ");
    QVERIFY2(!received.isEmpty(), qPrintable(failed.log));
    QCOMPARE(received.last(), QStringLiteral("451 4.3.0 try later"));
    QVERIFY(m_peer->messages().isEmpty());

    QVERIFY(m_peer->command(QStringLiteral("normal")));
    QCOMPARE(sendMail(m_peer->url()).exitCode, CurlOk);
    QVERIFY(m_peer->waitForMessages(1));
}

void TestSmtpPeer::hangAt_data()
{
    QTest::addColumn<QString>("point");
    QTest::addColumn<QString>("lastSent"); // what curl sent last before it gave up
    QTest::newRow("connect") << QStringLiteral("CONNECT") << QString();
    QTest::newRow("ehlo") << QStringLiteral("EHLO") << QStringLiteral("EHLO");
    QTest::newRow("mail") << QStringLiteral("MAIL") << QStringLiteral("MAIL FROM:");
    QTest::newRow("rcpt") << QStringLiteral("RCPT") << QStringLiteral("RCPT TO:");
    QTest::newRow("data") << QStringLiteral("DATA") << QStringLiteral("DATA");
}

void TestSmtpPeer::hangAt()
{
    QFETCH(QString, point);
    QFETCH(QString, lastSent);
    QVERIFY(startPeer());
    QVERIFY(m_peer->command(QStringLiteral("hang-at ") + point));

    const CurlResult hung = sendMail(m_peer->url(), {QStringLiteral("-v")}, {To}, 2);
    QCOMPARE(hung.exitCode, CurlTimedOut);
    // The peer took the connection and answered everything up to the chosen point, and
    // nothing after it.
    const QStringList sent = dialogue(hung.log, u"> ");
    const QStringList received = dialogue(hung.log, u"< ");
    QVERIFY2(hung.log.contains(QStringLiteral("Connected to")), qPrintable(hung.log));
    if (lastSent.isEmpty()) {
        QVERIFY2(sent.isEmpty() && received.isEmpty(), qPrintable(hung.log));
    } else {
        QVERIFY2(!sent.isEmpty() && sent.last().startsWith(lastSent), qPrintable(hung.log));
        const qsizetype lastSentAt = hung.log.lastIndexOf(QStringLiteral("\n> "));
        QVERIFY2(!hung.log.mid(lastSentAt).contains(QStringLiteral("\n< ")), qPrintable(hung.log));
        QVERIFY2(received.value(0).startsWith(QStringLiteral("220")), qPrintable(hung.log));
    }
    QVERIFY(m_peer->messages().isEmpty());

    QVERIFY(m_peer->command(QStringLiteral("normal")));
    const CurlResult sentAfter = sendMail(m_peer->url());
    QVERIFY2(sentAfter.exitCode == CurlOk, qPrintable(sentAfter.log));
    QVERIFY(m_peer->waitForMessages(1));
}

void TestSmtpPeer::stoppedProcessHangs()
{
    QVERIFY(startPeer());
    m_peer->hang();
    QVERIFY(m_peer->isHung());
    const CurlResult hung = sendMail(m_peer->url(), {}, {To}, 2);
    QCOMPARE(hung.exitCode, CurlTimedOut);
    QVERIFY(m_peer->isRunning());

    m_peer->resume();
    QVERIFY(!m_peer->isHung());
    QCOMPARE(sendMail(m_peer->url()).exitCode, CurlOk);
    QVERIFY(m_peer->waitForMessages(1));
}

void TestSmtpPeer::killThenRestartOnSamePort()
{
    const SmtpPeer::Options options{.refuse = {QStringLiteral("gone@example.org")}};
    QVERIFY(startPeer(options));
    const quint16 port = m_peer->port();
    QCOMPARE(sendMail(m_peer->url()).exitCode, CurlOk);
    QVERIFY(m_peer->waitForMessages(1));

    m_peer->kill();
    QVERIFY(!m_peer->isRunning());
    QCOMPARE(sendMail(m_peer->url()).exitCode, CurlCouldNotConnect);

    QVERIFY(m_peer->start(options, port));
    QCOMPARE(m_peer->port(), port);
    QVERIFY(m_peer->messages().isEmpty()); // a new run records afresh
    const CurlResult sent = sendMail(m_peer->url(), {QStringLiteral("--mail-rcpt-allowfails")},
                                     {QStringLiteral("gone@example.org"), To});
    QVERIFY2(sent.exitCode == CurlOk, qPrintable(sent.log));
    QVERIFY(m_peer->waitForMessages(1));
    QCOMPARE(m_peer->refused(), QStringList{QStringLiteral("gone@example.org")});
}

void TestSmtpPeer::unknownCommandsAreRefused()
{
    QVERIFY(startPeer());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("refused.*bogus")));
    QVERIFY(!m_peer->command(QStringLiteral("bogus")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("refused.*QUIT")));
    QVERIFY(!m_peer->command(QStringLiteral("hang-at QUIT")));
    QVERIFY(m_peer->command(QStringLiteral("hang-at rcpt"))); // case does not matter
    QVERIFY(m_peer->command(QStringLiteral("normal")));
    QCOMPARE(sendMail(m_peer->url()).exitCode, CurlOk);
}

void TestSmtpPeer::closedInputKeepsServing()
{
    QVERIFY(startPeer());
    m_peer->closeInput();
    QCOMPARE(sendMail(m_peer->url()).exitCode, CurlOk);
    QVERIFY(m_peer->waitForMessages(1));
    QVERIFY(m_peer->isRunning());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("input closed")));
    QVERIFY(!m_peer->command(QStringLiteral("normal")));
    m_peer->stop();
    QVERIFY(!m_peer->isRunning());

    // "quit" ends a peer whose input is still open.
    QVERIFY(m_peer->start());
    m_peer->stop();
    QVERIFY(!m_peer->isRunning());
    QCOMPARE(sendMail(m_peer->url()).exitCode, CurlCouldNotConnect);
}

void TestSmtpPeer::busyPortFailsWithTheReason()
{
    QVERIFY(startPeer());
    SmtpPeer second;
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("did not start(.|\n)*in use")));
    QVERIFY(!second.start(SmtpPeer::Options{}, m_peer->port()));
    QVERIFY(!second.isRunning());
    QCOMPARE(second.port(), quint16(0));
}

QTEST_GUILESS_MAIN(TestSmtpPeer)
#include "tst_smtppeer.moc"
