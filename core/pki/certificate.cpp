#include "certificate.h"

#include "openssl_p.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>
#include <QtEndian>

#include <openssl/pem.h>

namespace tandem::pki {

using namespace detail;

namespace {

// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Certificate)
};

QString asn1Text(const ASN1_STRING *string)
{
    unsigned char *utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, string);
    if (length < 0)
        return {};
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(utf8), length);
    OPENSSL_free(utf8);
    return text;
}

Owned<GENERAL_NAMES> alternativeNames(X509 *x509)
{
    return Owned<GENERAL_NAMES>(static_cast<GENERAL_NAMES *>(
        X509_get_ext_d2i(x509, NID_subject_alt_name, nullptr, nullptr)));
}

// The alternative names of one type (GEN_URI, GEN_DNS, GEN_IPADD) as text.
QStringList alternativeNames(X509 *x509, int type)
{
    QStringList names;
    const Owned<GENERAL_NAMES> all = alternativeNames(x509);
    for (int i = 0; all && i < sk_GENERAL_NAME_num(all.get()); ++i) {
        const GENERAL_NAME *name = sk_GENERAL_NAME_value(all.get(), i);
        if (name->type != type)
            continue;
        if (type == GEN_IPADD) {
            const ASN1_OCTET_STRING *ip = name->d.iPAddress;
            const auto *bytes = ASN1_STRING_get0_data(ip);
            if (ASN1_STRING_length(ip) == 4)
                names << QHostAddress(qFromBigEndian<quint32>(bytes)).toString();
            else if (ASN1_STRING_length(ip) == 16)
                names << QHostAddress(bytes).toString();
        } else {
            names << asn1Text(name->d.ia5);
        }
    }
    return names;
}

} // namespace

QString nameText(const X509_NAME *name)
{
    QStringList parts;
    for (int i = X509_NAME_entry_count(name) - 1; i >= 0; --i) {
        const X509_NAME_ENTRY *entry = X509_NAME_get_entry(name, i);
        const int nid = OBJ_obj2nid(X509_NAME_ENTRY_get_object(entry));
        const char *shortName = nid == NID_undef ? nullptr : OBJ_nid2sn(nid);
        QString key;
        if (shortName) {
            key = QLatin1String(shortName);
        } else {
            char oid[80];
            OBJ_obj2txt(oid, sizeof oid, X509_NAME_ENTRY_get_object(entry), 1);
            key = QLatin1String(oid);
        }
        parts << key + QLatin1Char('=') + asn1Text(X509_NAME_ENTRY_get_data(entry));
    }
    return parts.join(QLatin1String(", "));
}

QString normalizedThumbprint(const QString &text)
{
    QString hex = text.trimmed().toUpper();
    hex.remove(QLatin1Char(':'));
    hex.remove(QLatin1Char(' '));
    static const QRegularExpression sha1(QStringLiteral("^[0-9A-F]{40}$"));
    return sha1.match(hex).hasMatch() ? hex : QString();
}

QJsonObject CertificateInfo::toJson() const
{
    return {
        {QStringLiteral("thumbprint"), thumbprint},
        {QStringLiteral("subject"), subject},
        {QStringLiteral("issuer"), issuer},
        {QStringLiteral("not-before"), notBefore.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("not-after"), notAfter.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("application-uri"), applicationUri},
        {QStringLiteral("dns"), QJsonArray::fromStringList(dnsNames)},
        {QStringLiteral("ip"), QJsonArray::fromStringList(ipAddresses)},
        {QStringLiteral("key-bits"), keyBits},
        {QStringLiteral("signature-algorithm"), signatureAlgorithm},
        {QStringLiteral("serial"), serialNumber},
        {QStringLiteral("self-signed"), selfSigned},
        {QStringLiteral("ca"), certificateAuthority},
    };
}

Certificate::Certificate(std::shared_ptr<X509> x509, QByteArray der)
    : m_x509(std::move(x509))
    , m_der(std::move(der))
{}

std::optional<Certificate> Certificate::fromData(const QByteArray &bytes, QString *error)
{
    Owned<X509> x509;
    if (isPem(bytes)) {
        const Owned<BIO> bio = memoryBio(bytes);
        x509.reset(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    } else {
        const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
        x509.reset(d2i_X509(nullptr, &data, long(bytes.size())));
        // DER with bytes after the certificate is a chain or garbage, not one certificate.
        if (x509 && data != reinterpret_cast<const unsigned char *>(bytes.constEnd()))
            x509.reset();
    }
    if (!x509) {
        const QString reason = lastError();
        *error = reason.isEmpty() ? Tr::tr("not an X.509 certificate")
                                  : Tr::tr("not an X.509 certificate (%1)").arg(reason);
        return std::nullopt;
    }
    unsigned char *der = nullptr;
    const int length = i2d_X509(x509.get(), &der);
    if (length <= 0) {
        *error = Tr::tr("the certificate cannot be encoded as DER");
        return std::nullopt;
    }
    QByteArray derBytes(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return Certificate(std::shared_ptr<X509>(x509.release(), X509_free), std::move(derBytes));
}

std::optional<Certificate> Certificate::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    // Whatever lands in a trust folder is read whole; a certificate is a few KiB.
    constexpr qint64 MaxSize = 1 << 20;
    if (file.size() > MaxSize) {
        *error = Tr::tr("%1 is too large to be a certificate").arg(path);
        return std::nullopt;
    }
    QString reason;
    auto certificate = fromData(file.readAll(), &reason);
    if (!certificate)
        *error = Tr::tr("%1: %2").arg(path, reason);
    return certificate;
}

std::optional<QList<Certificate>> Certificate::chainFromDer(const QByteArray &bytes, QString *error)
{
    QList<Certificate> chain;
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const auto *end = reinterpret_cast<const unsigned char *>(bytes.constEnd());
    while (data < end) {
        const unsigned char *start = data;
        Owned<X509> x509(d2i_X509(nullptr, &data, long(end - data)));
        if (!x509) {
            ERR_clear_error();
            *error = chain.isEmpty() ? Tr::tr("not an X.509 certificate")
                                     : Tr::tr("certificate %1 of the chain is no X.509 "
                                              "certificate")
                                           .arg(chain.size() + 1);
            return std::nullopt;
        }
        chain << Certificate(std::shared_ptr<X509>(x509.release(), X509_free),
                             QByteArray(reinterpret_cast<const char *>(start), data - start));
    }
    if (chain.isEmpty()) {
        *error = Tr::tr("no certificate");
        return std::nullopt;
    }
    return chain;
}

QByteArray Certificate::pem() const
{
    const Owned<BIO> bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), m_x509.get());
    return bioBytes(bio.get());
}

QString Certificate::thumbprint() const
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(m_der.constData(), size_t(m_der.size()), digest, &length, EVP_sha1(), nullptr) !=
        1)
        return {};
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex().toUpper());
}

QString Certificate::subject() const
{
    return nameText(X509_get_subject_name(m_x509.get()));
}

QString Certificate::commonName() const
{
    const X509_NAME *name = X509_get_subject_name(m_x509.get());
    const int index = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (index < 0)
        return {};
    return asn1Text(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index)));
}

QString Certificate::issuer() const
{
    return nameText(X509_get_issuer_name(m_x509.get()));
}

QDateTime Certificate::notBefore() const
{
    return toDateTime(X509_get0_notBefore(m_x509.get()));
}

QDateTime Certificate::notAfter() const
{
    return toDateTime(X509_get0_notAfter(m_x509.get()));
}

bool Certificate::isValidAt(const QDateTime &time) const
{
    const QDateTime from = notBefore();
    const QDateTime until = notAfter();
    return from.isValid() && until.isValid() && from <= time && time <= until;
}

QString Certificate::applicationUri() const
{
    const QStringList uris = alternativeNames(m_x509.get(), GEN_URI);
    return uris.isEmpty() ? QString() : uris.first();
}

QStringList Certificate::dnsNames() const
{
    return alternativeNames(m_x509.get(), GEN_DNS);
}

QStringList Certificate::ipAddresses() const
{
    return alternativeNames(m_x509.get(), GEN_IPADD);
}

int Certificate::keyBits() const
{
    const EVP_PKEY *key = X509_get0_pubkey(m_x509.get());
    return key ? EVP_PKEY_get_bits(key) : 0;
}

bool Certificate::hasRsaKey() const
{
    const EVP_PKEY *key = X509_get0_pubkey(m_x509.get());
    return key && EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA;
}

QString Certificate::signatureAlgorithm() const
{
    const int nid = X509_get_signature_nid(m_x509.get());
    return nid == NID_undef ? QString() : QString::fromLatin1(OBJ_nid2ln(nid));
}

bool Certificate::signedWithSha1() const
{
    int digest = NID_undef;
    return X509_get_signature_info(m_x509.get(), &digest, nullptr, nullptr, nullptr) == 1 &&
           digest == NID_sha1;
}

std::optional<quint32> Certificate::keyUsage() const
{
    if (!(X509_get_extension_flags(m_x509.get()) & EXFLAG_KUSAGE))
        return std::nullopt;
    return X509_get_key_usage(m_x509.get());
}

std::optional<quint32> Certificate::extendedKeyUsage() const
{
    if (!(X509_get_extension_flags(m_x509.get()) & EXFLAG_XKUSAGE))
        return std::nullopt;
    return X509_get_extended_key_usage(m_x509.get());
}

bool Certificate::isCertificateAuthority() const
{
    return X509_get_extension_flags(m_x509.get()) & EXFLAG_CA;
}

bool Certificate::isSelfSigned() const
{
    X509 *x509 = m_x509.get();
    if (X509_NAME_cmp(X509_get_subject_name(x509), X509_get_issuer_name(x509)) != 0)
        return false;
    EVP_PKEY *key = X509_get0_pubkey(x509);
    const bool verified = key && X509_verify(x509, key) == 1;
    ERR_clear_error();
    return verified;
}

bool Certificate::hasInvalidStructure() const
{
    return (X509_get_extension_flags(m_x509.get()) & EXFLAG_INVALID) ||
           X509_get_version(m_x509.get()) != X509_VERSION_3 || !X509_get0_pubkey(m_x509.get());
}

CertificateInfo Certificate::info() const
{
    CertificateInfo info;
    info.thumbprint = thumbprint();
    info.subject = subject();
    info.commonName = commonName();
    info.issuer = issuer();
    info.notBefore = notBefore();
    info.notAfter = notAfter();
    info.applicationUri = applicationUri();
    info.dnsNames = dnsNames();
    info.ipAddresses = ipAddresses();
    info.keyBits = keyBits();
    info.signatureAlgorithm = signatureAlgorithm();
    const ASN1_INTEGER *serial = X509_get0_serialNumber(m_x509.get());
    info.serialNumber = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(ASN1_STRING_get0_data(serial)),
                   ASN1_STRING_length(serial))
            .toHex()
            .toUpper());
    info.selfSigned = isSelfSigned();
    info.certificateAuthority = isCertificateAuthority();
    return info;
}

} // namespace tandem::pki
