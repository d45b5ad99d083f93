#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace tandem {

// What an operator sees in a notification mail: the reference manual's From, To, Subject, Header
// text, the event line(s) and Footer text.
struct MailDraft
{
    QString from;
    QStringList to;
    QString subject;
    QString header;
    QStringList lines; // one event per line
    QString footer;
};

// Internet Message Format (RFC 5322) with MIME for UTF-8: CRLF line ends, RFC 2047
// encoded words for non-ASCII headers, quoted-printable body lines of at most 76
// characters, and the Date and Message-ID headers a mail needs.
namespace MailComposer {

QByteArray compose(const MailDraft &draft, const QDateTime &date, const QByteArray &messageId);

// "<1700000000000.9f86d081884c7d65@plant.example>", unique per call; the domain is the
// sender's, so the ID stays meaningful to the receiving side.
QByteArray newMessageId(const QString &from, const QDateTime &date);

// "Mon, 23 Nov 2026 02:10:00 +0100": English names regardless of the locale.
QByteArray dateHeader(const QDateTime &date);

// "Name: value" folded at 78 columns, with RFC 2047 encoded words when the value is not
// plain printable ASCII. No trailing CRLF.
QByteArray header(const QByteArray &name, const QString &value);

// Quoted-printable (RFC 2045) of UTF-8 text whose lines end in LF or CRLF; the result's
// lines end in CRLF.
QByteArray quotedPrintable(const QString &text);

} // namespace MailComposer
} // namespace tandem
