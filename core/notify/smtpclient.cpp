#include "smtpclient.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QUrl>

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <mutex>

namespace tandem {

namespace {

// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SmtpClient)
};

void globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// State the libcurl callbacks share with run().
struct Transfer
{
    const std::atomic<bool> *abort = nullptr;
    QByteArray body;
    qsizetype sent = 0;
    // The dialogue, read from libcurl's debug stream: the pending RCPT and the replies.
    QString pendingRecipient;
    QStringList refused;
    QString lastReply;
    QByteArray incoming;
};

size_t readBody(char *buffer, size_t size, size_t count, void *user)
{
    auto *t = static_cast<Transfer *>(user);
    const size_t n = std::min(size * count, size_t(t->body.size() - t->sent));
    std::memcpy(buffer, t->body.constData() + t->sent, n);
    t->sent += qsizetype(n);
    return n;
}

size_t discard(char *, size_t size, size_t count, void *)
{
    return size * count;
}

int progress(void *user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto *t = static_cast<Transfer *>(user);
    return t->abort && t->abort->load() ? 1 : 0; // non-zero aborts the transfer
}

// Only commands the client sent (never their arguments for AUTH: those are credentials)
// and the server's replies are looked at; nothing of this is logged.
int debug(CURL *, curl_infotype type, char *data, size_t size, void *user)
{
    auto *t = static_cast<Transfer *>(user);
    if (type == CURLINFO_HEADER_OUT) {
        const QByteArray line = QByteArray(data, qsizetype(size)).trimmed();
        if (line.startsWith("RCPT TO:")) {
            QByteArray address = line.mid(8).trimmed();
            if (address.startsWith('<') && address.endsWith('>'))
                address = address.mid(1, address.size() - 2);
            t->pendingRecipient = QString::fromUtf8(address);
        }
    } else if (type == CURLINFO_HEADER_IN) {
        t->incoming += QByteArray(data, qsizetype(size));
        qsizetype end;
        while ((end = t->incoming.indexOf('\n')) >= 0) {
            const QString reply = QString::fromUtf8(t->incoming.left(end)).trimmed();
            t->incoming.remove(0, end + 1);
            // "250-..." continues a multi-line reply; "250 ..." ends it.
            if (reply.size() < 4 || reply.at(3) == QLatin1Char('-'))
                continue;
            t->lastReply = reply;
            if (!t->pendingRecipient.isEmpty()) {
                if (reply.at(0) == QLatin1Char('4') || reply.at(0) == QLatin1Char('5'))
                    t->refused << t->pendingRecipient + QLatin1String(": ") + reply;
                t->pendingRecipient.clear();
            }
        }
    }
    return 0;
}

struct SlistDeleter
{
    void operator()(curl_slist *list) const { curl_slist_free_all(list); }
};
struct EasyDeleter
{
    void operator()(CURL *curl) const { curl_easy_cleanup(curl); }
};

} // namespace

SmtpClient::SmtpClient(const std::atomic<bool> *abort)
    : m_abort(abort)
{
    globalInit();
}

SmtpResult SmtpClient::send(const SmtpServer &server, const QString &from, const QStringList &to,
                            const QByteArray &message)
{
    return run(server, &from, to, &message);
}

SmtpResult SmtpClient::probe(const SmtpServer &server)
{
    return run(server, nullptr, {}, nullptr);
}

SmtpResult SmtpClient::run(const SmtpServer &server, const QString *from, const QStringList &to,
                           const QByteArray *message)
{
    SmtpResult result;
    const QUrl url(server.url);
    const bool implicitTls = url.scheme() == QLatin1String("smtps");
    if (!url.isValid() || (!implicitTls && url.scheme() != QLatin1String("smtp"))) {
        result.error = Tr::tr("'%1' is not an SMTP server URL").arg(server.url);
        return result;
    }
    std::unique_ptr<CURL, EasyDeleter> curl(curl_easy_init());
    if (!curl) {
        result.error = Tr::tr("libcurl could not be initialised");
        return result;
    }
    CURL *c = curl.get();
    Transfer t;
    t.abort = m_abort;
    char errorBuffer[CURL_ERROR_SIZE] = {};

    // The URL's path is the name the client greets with (EHLO).
    QString host = QSysInfo::machineHostName();
    if (host.isEmpty())
        host = QStringLiteral("localhost");
    QUrl target = url;
    target.setPath(QLatin1Char('/') + host);
    const QByteArray targetUrl = target.toEncoded();
    curl_easy_setopt(c, CURLOPT_URL, targetUrl.constData());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, long(std::min(server.timeoutMs, 10000)));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, long(server.timeoutMs));
    if (!implicitTls)
        curl_easy_setopt(c, CURLOPT_USE_SSL,
                         server.allowPlaintext ? long(CURLUSESSL_TRY) : long(CURLUSESSL_ALL));
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    const QByteArray caFile = server.caFile.toLocal8Bit();
    if (!caFile.isEmpty())
        curl_easy_setopt(c, CURLOPT_CAINFO, caFile.constData());
    const QByteArray user = server.user.toUtf8(), password = server.password.toUtf8();
    if (!user.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(c, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
    curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, debug);
    curl_easy_setopt(c, CURLOPT_DEBUGDATA, &t);
    curl_easy_setopt(c, CURLOPT_VERBOSE, 1L); // feeds debug(); libcurl prints nothing itself
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);

    std::unique_ptr<curl_slist, SlistDeleter> recipients;
    QByteArray mailFrom;
    if (message) {
        mailFrom = '<' + from->toUtf8() + '>';
        curl_easy_setopt(c, CURLOPT_MAIL_FROM, mailFrom.constData());
        for (const QString &address : to) {
            const QByteArray rcpt = '<' + address.toUtf8() + '>';
            recipients.reset(curl_slist_append(recipients.release(), rcpt.constData()));
        }
        curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
        // One refused recipient must not stop delivery to the others.
#if LIBCURL_VERSION_NUM < 0x080200
        curl_easy_setopt(c, CURLOPT_MAIL_RCPT_ALLLOWFAILS, 1L);
#else
        curl_easy_setopt(c, CURLOPT_MAIL_RCPT_ALLOWFAILS, 1L);
#endif
        t.body = *message;
        curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(c, CURLOPT_READFUNCTION, readBody);
        curl_easy_setopt(c, CURLOPT_READDATA, &t);
        curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, curl_off_t(message->size()));
    } else {
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, "NOOP");
    }

    const CURLcode code = curl_easy_perform(c);
    result.refused = t.refused;
    if (code == CURLE_OK) {
        result.ok = true;
        return result;
    }
    if (code == CURLE_ABORTED_BY_CALLBACK) {
        result.error = Tr::tr("cancelled");
        return result;
    }
    QString reason = QString::fromUtf8(errorBuffer);
    if (reason.isEmpty())
        reason = QString::fromUtf8(curl_easy_strerror(code));
    if (code == CURLE_OPERATION_TIMEDOUT)
        reason = Tr::tr("no answer within %1 s (%2)").arg(server.timeoutMs / 1000.0).arg(reason);
    if (code == CURLE_USE_SSL_FAILED)
        reason = Tr::tr("the server does not offer STARTTLS; use smtps://, or allow plain text "
                        "for this configuration");
    // The server's own words say most: "535 5.7.8 Authentication credentials invalid".
    if (!t.lastReply.isEmpty() && !t.lastReply.startsWith(QLatin1Char('2')) &&
        !t.lastReply.startsWith(QLatin1Char('3')))
        reason += QLatin1String(" (") + t.lastReply + QLatin1Char(')');
    result.error = reason;
    return result;
}

} // namespace tandem
