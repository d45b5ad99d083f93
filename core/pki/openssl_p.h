#pragma once

// Owning pointers for the OpenSSL objects the pki files use, and a few conversions. Private
// to core/pki.

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace tandem::pki::detail {

struct Free
{
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(BIO *p) const { BIO_free(p); }
    void operator()(PKCS12 *p) const { PKCS12_free(p); }
    void operator()(X509_EXTENSION *p) const { X509_EXTENSION_free(p); }
    void operator()(GENERAL_NAMES *p) const { GENERAL_NAMES_free(p); }
};

template <typename T> using Owned = std::unique_ptr<T, Free>;

inline Owned<BIO> memoryBio(const QByteArray &bytes)
{
    return Owned<BIO>(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
}

inline QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(size));
}

// The first error OpenSSL queued, for a message; clears the queue.
inline QString lastError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return {};
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return QString::fromLatin1(text);
}

// An ASN.1 time as UTC; an invalid one gives a null QDateTime.
inline QDateTime toDateTime(const ASN1_TIME *time)
{
    struct tm tm = {};
    if (!time || ASN1_TIME_to_tm(time, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

// True when `bytes` look like PEM rather than DER.
inline bool isPem(const QByteArray &bytes)
{
    return bytes.contains("-----BEGIN ");
}

} // namespace tandem::pki::detail
