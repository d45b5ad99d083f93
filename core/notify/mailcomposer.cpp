#include "mailcomposer.h"

#include <QRandomGenerator>
#include <QSysInfo>
#include <QTimeZone>

namespace tandem::MailComposer {

namespace {

constexpr int MaxLine = 76;

bool isPlainAscii(const QString &value)
{
    for (const QChar c : value)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    return true;
}

// RFC 2047 "B" encoded words of at most 75 characters, split only between whole
// UTF-8 characters (a surrogate pair stays together).
QList<QByteArray> encodedWords(const QString &value)
{
    static const QByteArray prefix = "=?UTF-8?B?", suffix = "?=";
    const int maxRaw = (75 - prefix.size() - suffix.size()) / 4 * 3; // 45 bytes
    QList<QByteArray> words;
    QByteArray raw;
    for (int i = 0; i < value.size(); ++i) {
        int len = value.at(i).isHighSurrogate() && i + 1 < value.size() ? 2 : 1;
        const QByteArray ch = value.mid(i, len).toUtf8();
        i += len - 1;
        if (raw.size() + ch.size() > maxRaw) {
            words << prefix + raw.toBase64() + suffix;
            raw.clear();
        }
        raw += ch;
    }
    if (!raw.isEmpty() || words.isEmpty())
        words << prefix + raw.toBase64() + suffix;
    return words;
}

// Joins words into a folded header: a line is broken before a word that would pass
// 78 columns; the continuation line starts with a space.
QByteArray fold(const QByteArray &name, const QList<QByteArray> &words, const QByteArray &sep)
{
    QByteArray out = name + ':';
    qsizetype column = out.size();
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QByteArray joint = i == 0 ? QByteArray(" ") : sep;
        if (i > 0 && column + joint.size() + words[i].size() > 78) {
            out += sep.trimmed() + "\r\n ";
            column = 1;
        } else {
            out += joint;
            column += joint.size();
        }
        out += words[i];
        column += words[i].size();
    }
    return out;
}

} // namespace

QByteArray header(const QByteArray &name, const QString &value)
{
    if (isPlainAscii(value)) {
        QList<QByteArray> words = value.toLatin1().split(' ');
        return fold(name, words, " ");
    }
    // Encoded words separated by folding white space decode without the space (RFC 2047 6.2).
    return fold(name, encodedWords(value), " ");
}

QByteArray quotedPrintable(const QString &text)
{
    QString normalized = text;
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    const QList<QByteArray> lines = normalized.toUtf8().split('\n');
    QByteArray out;
    static const char hex[] = "0123456789ABCDEF";
    for (qsizetype l = 0; l < lines.size(); ++l) {
        const QByteArray &line = lines[l];
        QByteArray encoded;
        int column = 0;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const auto c = static_cast<unsigned char>(line[i]);
            const bool last = i == line.size() - 1;
            QByteArray piece;
            // Trailing white space would be stripped in transit: encode it.
            if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last))
                piece = QByteArray(1, char(c));
            else
                piece = QByteArray(1, '=') + hex[c >> 4] + hex[c & 15];
            // Room for the soft break's "=" unless this is the line's last piece.
            const int limit = last ? MaxLine : MaxLine - 1;
            if (column + piece.size() > limit) {
                encoded += "=\r\n";
                column = 0;
            }
            encoded += piece;
            column += int(piece.size());
        }
        out += encoded;
        if (l + 1 < lines.size())
            out += "\r\n";
    }
    return out;
}

QByteArray dateHeader(const QDateTime &date)
{
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const int offset = date.offsetFromUtc() / 60;
    const QDate d = date.date();
    const QTime t = date.time();
    return QByteArray(days[d.dayOfWeek() - 1]) + ", " + QByteArray::number(d.day()) + ' ' +
           months[d.month() - 1] + ' ' + QByteArray::number(d.year()) + ' ' +
           t.toString(QStringLiteral("HH:mm:ss")).toLatin1() + ' ' + (offset < 0 ? '-' : '+') +
           QByteArray::number(qAbs(offset) / 60).rightJustified(2, '0') +
           QByteArray::number(qAbs(offset) % 60).rightJustified(2, '0');
}

QByteArray newMessageId(const QString &from, const QDateTime &date)
{
    QString domain = from.section(QLatin1Char('@'), 1);
    if (domain.isEmpty())
        domain = QSysInfo::machineHostName();
    if (domain.isEmpty())
        domain = QStringLiteral("localhost");
    const quint64 random = QRandomGenerator::system()->generate64();
    return '<' + QByteArray::number(date.toMSecsSinceEpoch()) + '.' +
           QByteArray::number(random, 16).rightJustified(16, '0') + '@' + domain.toLatin1() + '>';
}

QByteArray compose(const MailDraft &draft, const QDateTime &date, const QByteArray &messageId)
{
    QByteArray out;
    const auto add = [&out](const QByteArray &line) { out += line + "\r\n"; };
    add("Date: " + dateHeader(date));
    add(header("From", draft.from));
    add(fold(
        "To",
        [&] {
            QList<QByteArray> addresses;
            for (const QString &to : draft.to)
                addresses << to.toLatin1();
            return addresses;
        }(),
        ", "));
    add("Message-ID: " + messageId);
    add(header("Subject", draft.subject));
    add("MIME-Version: 1.0");
    add("Content-Type: text/plain; charset=UTF-8");
    add("Content-Transfer-Encoding: quoted-printable");
    // RFC 3834: no vacation auto-replies to a machine's notification.
    add("Auto-Submitted: auto-generated");
    add(QByteArray());
    QStringList body;
    if (!draft.header.isEmpty())
        body << draft.header << QString();
    body << draft.lines;
    if (!draft.footer.isEmpty())
        body << QString() << draft.footer;
    out += quotedPrintable(body.join(QLatin1Char('\n')));
    out += "\r\n";
    return out;
}

} // namespace tandem::MailComposer
