// Notification mails as bytes: RFC 5322 structure, CRLF, line lengths, RFC 2047 headers
// and quoted-printable bodies, checked against Python's independent `email` parser
// (/usr/bin/python3, policy=default) rather than against our own decoder.
#include "events/event.h"
#include "notify/mailcomposer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

using namespace tandem;

namespace {

// What Python's email package makes of `message`.
QJsonObject parse(const QByteArray &message)
{
    static const char script[] = R"(
import sys, json, email, email.policy
msg = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
print(json.dumps({
  'from': str(msg['From']), 'to': [str(a.addr_spec) for a in msg['To'].addresses],
  'subject': str(msg['Subject']), 'date': msg['Date'].datetime.isoformat(),
  'message_id': str(msg['Message-ID']), 'content_type': msg.get_content_type(),
  'charset': msg.get_content_charset(), 'body': msg.get_content().replace('\r\n', '\n'),
  'defects': [type(d).__name__ for d in msg.defects] +
             [type(d).__name__ for k in msg.keys() for d in msg[k].defects]}))
)";
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QLatin1String(script)});
    if (!python.waitForStarted())
        return {};
    python.write(message);
    python.closeWriteChannel();
    python.waitForFinished();
    if (python.exitCode() != 0)
        qWarning() << python.readAllStandardError();
    return QJsonDocument::fromJson(python.readAllStandardOutput()).object();
}

MailDraft draft()
{
    MailDraft d;
    d.from = QStringLiteral("tandem@plant.example");
    d.to = {QStringLiteral("bob@home.net"), QStringLiteral("john@xyz.com"),
            QStringLiteral("mary@xyz.com")};
    d.subject = QStringLiteral("Tandem e-mail notification.");
    d.header = QStringLiteral("Line 1 of the plant.\nCall 555-0100.");
    d.lines = {QStringLiteral(
        "2026-11-23\t02:10:00.123\ttandemd (7)\tError\tFailed to connect.\tTimed out")};
    d.footer = QStringLiteral("-- \nSent by Tandem");
    return d;
}

const QDateTime When(QDate(2026, 11, 23), QTime(2, 10, 5), QTimeZone(3600));

} // namespace

class TestMailComposer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void structure();
    void independentParserReadsItBack();
    void nonAsciiHeadersAndBody();
    void longLinesAreWrappedAndRestored();
    void eventLineArrivesWhole_data();
    void eventLineArrivesWhole();
    void headerInjectionIsImpossible();
    void messageIdsAreUnique();
};

void TestMailComposer::structure()
{
    const QByteArray m = MailComposer::compose(draft(), When, "<1.2@plant.example>");
    // CRLF everywhere, no bare CR or LF, and no line over 78 characters.
    QVERIFY(!QByteArray(m).replace("\r\n", "").contains('\n'));
    QVERIFY(!QByteArray(m).replace("\r\n", "").contains('\r'));
    for (const QByteArray &line : m.split('\n'))
        QVERIFY2(line.size() <= 79, line.constData()); // 78 + the CR
    const qsizetype split = m.indexOf("\r\n\r\n");
    QVERIFY(split > 0);
    const QByteArray headers = m.left(split);
    QVERIFY(headers.startsWith("Date: Mon, 23 Nov 2026 02:10:05 +0100\r\n"));
    QVERIFY(headers.contains("\r\nFrom: tandem@plant.example\r\n"));
    QVERIFY(headers.contains("\r\nTo: bob@home.net, john@xyz.com, mary@xyz.com\r\n"));
    QVERIFY(headers.contains("\r\nMessage-ID: <1.2@plant.example>\r\n"));
    QVERIFY(headers.contains("\r\nMIME-Version: 1.0\r\n"));
    QVERIFY(headers.contains("\r\nContent-Type: text/plain; charset=UTF-8\r\n"));
    QVERIFY(headers.contains("\r\nAuto-Submitted: auto-generated"));
    // Header text, the event line, then the footer.
    const QByteArray body = m.mid(split + 4);
    QCOMPARE(body, QByteArray("Line 1 of the plant.\r\nCall 555-0100.\r\n\r\n"
                              "2026-11-23\t02:10:00.123\ttandemd (7)\tError\tFailed to "
                              "connect.\tTimed out\r\n"
                              "\r\n--=20\r\nSent by Tandem\r\n"));
}

void TestMailComposer::independentParserReadsItBack()
{
    const QJsonObject p = parse(MailComposer::compose(draft(), When, "<1.2@plant.example>"));
    QCOMPARE(p.value(QLatin1String("defects")).toArray(), QJsonArray());
    QCOMPARE(p.value(QLatin1String("from")).toString(), QStringLiteral("tandem@plant.example"));
    QCOMPARE(p.value(QLatin1String("to")).toArray(),
             QJsonArray({QStringLiteral("bob@home.net"), QStringLiteral("john@xyz.com"),
                         QStringLiteral("mary@xyz.com")}));
    QCOMPARE(p.value(QLatin1String("subject")).toString(),
             QStringLiteral("Tandem e-mail notification."));
    QCOMPARE(p.value(QLatin1String("date")).toString(),
             QStringLiteral("2026-11-23T02:10:05+01:00"));
    QCOMPARE(p.value(QLatin1String("message_id")).toString(),
             QStringLiteral("<1.2@plant.example>"));
    QCOMPARE(p.value(QLatin1String("charset")).toString(), QStringLiteral("utf-8"));
    QCOMPARE(p.value(QLatin1String("body")).toString(),
             QStringLiteral(
                 "Line 1 of the plant.\nCall 555-0100.\n\n"
                 "2026-11-23\t02:10:00.123\ttandemd (7)\tError\tFailed to connect.\tTimed out\n"
                 "\n-- \nSent by Tandem\n"));
}

void TestMailComposer::nonAsciiHeadersAndBody()
{
    MailDraft d = draft();
    d.subject = QStringLiteral("Störung an Linie 1 – Überwachung meldet einen Fehler 🚨 "
                               "bei der Pumpe P-101 im Gebäude Süd, bitte prüfen");
    d.header = QStringLiteral("Größe: 5 m³ — naïve café");
    d.footer.clear();
    const QByteArray m = MailComposer::compose(d, When, "<1.2@plant.example>");
    QVERIFY(m.contains("Subject: =?UTF-8?B?"));
    for (const char c : m)
        QVERIFY(static_cast<unsigned char>(c) < 128); // 7-bit clean on the wire
    const QJsonObject p = parse(m);
    QCOMPARE(p.value(QLatin1String("defects")).toArray(), QJsonArray());
    QCOMPARE(p.value(QLatin1String("subject")).toString(), d.subject);
    QVERIFY(p.value(QLatin1String("body")).toString().startsWith(d.header + QLatin1Char('\n')));
}

void TestMailComposer::longLinesAreWrappedAndRestored()
{
    MailDraft d = draft();
    const QString longLine = QStringLiteral("x=").repeated(120) + QStringLiteral(" trailing ");
    d.lines = {longLine};
    d.header.clear();
    d.footer.clear();
    const QByteArray m = MailComposer::compose(d, When, "<1.2@plant.example>");
    for (const QByteArray &line : m.split('\n'))
        QVERIFY2(line.size() <= 77, line.constData()); // 76 + the CR, body included
    QCOMPARE(parse(m).value(QLatin1String("body")).toString(), longLine + QLatin1Char('\n'));
}

void TestMailComposer::eventLineArrivesWhole_data()
{
    QTest::addColumn<QString>("reason");
    QTest::newRow("with reason") << QStringLiteral("exception 0x0B (gateway target device failed "
                                                   "to respond)");
    // The empty last column's tab ends the line: encoded, so transit does not strip it.
    QTest::newRow("without reason") << QString();
}

void TestMailComposer::eventLineArrivesWhole()
{
    QFETCH(QString, reason);
    Event e;
    e.time = QDateTime(QDate(2026, 11, 23), QTime(2, 10));
    e.severity = Severity::Error;
    e.process = QStringLiteral("tandemd (7)");
    e.text = QStringLiteral("Unable to retrieve status for server 'line1' on primary machine "
                            "'plc-a:502'. Server communications has been lost.");
    e.reason = reason;
    MailDraft d = draft();
    d.lines = {e.toLine()};
    const QString body = parse(MailComposer::compose(d, When, "<1.2@plant.example>"))
                             .value(QLatin1String("body"))
                             .toString();
    QVERIFY2(body.contains(QLatin1Char('\n') + e.toLine() + QLatin1Char('\n')), qPrintable(body));
}

void TestMailComposer::headerInjectionIsImpossible()
{
    MailDraft d = draft();
    d.subject = QStringLiteral("Alarm\r\nBcc: attacker@evil.example");
    const QByteArray m = MailComposer::compose(d, When, "<1.2@plant.example>");
    QVERIFY(!m.contains("\r\nBcc:"));
    QCOMPARE(parse(m).value(QLatin1String("subject")).toString().contains(QLatin1String("Bcc")),
             true); // still readable inside the subject, not a header of its own
}

void TestMailComposer::messageIdsAreUnique()
{
    const QByteArray a = MailComposer::newMessageId(QStringLiteral("x@plant.example"), When);
    const QByteArray b = MailComposer::newMessageId(QStringLiteral("x@plant.example"), When);
    QVERIFY(a != b);
    QVERIFY(QRegularExpression(QStringLiteral("^<\\d+\\.[0-9a-f]{16}@plant\\.example>$"))
                .match(QString::fromLatin1(a))
                .hasMatch());
}

QTEST_GUILESS_MAIN(TestMailComposer)
#include "tst_mailcomposer.moc"
