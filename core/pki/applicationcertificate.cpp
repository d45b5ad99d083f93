#include "applicationcertificate.h"

#include "openssl_p.h"
#include "pkistore.h"

#include "base/clock.h"
#include "base/durablefile.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QNetworkInterface>
#include <QSysInfo>

#include <openssl/rand.h>

#include <sys/stat.h>

namespace tandem::pki {

using namespace detail;

namespace {

// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ApplicationCertificate)
};

// The own pair's files: in place, being installed, set aside (see the class comment).
const QLatin1String Suffixes[] = {QLatin1String(""), QLatin1String(".new"), QLatin1String(".old")};

bool addExtension(X509 *x509, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx(&context, x509, x509, nullptr, nullptr, 0);
    const Owned<X509_EXTENSION> extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    return extension && X509_add_ext(x509, extension.get(), -1) == 1;
}

bool addName(GENERAL_NAMES *names, int type, const QString &value)
{
    GENERAL_NAME *name = nullptr;
    if (type == GEN_IPADD) {
        ASN1_OCTET_STRING *ip = a2i_IPADDRESS(value.toLatin1().constData());
        if (!ip)
            return false;
        name = GENERAL_NAME_new();
        GENERAL_NAME_set0_value(name, GEN_IPADD, ip);
    } else {
        ASN1_IA5STRING *text = ASN1_IA5STRING_new();
        const QByteArray bytes = value.toUtf8();
        ASN1_STRING_set(text, bytes.constData(), int(bytes.size()));
        name = GENERAL_NAME_new();
        GENERAL_NAME_set0_value(name, type, text);
    }
    return sk_GENERAL_NAME_push(names, name) > 0;
}

bool setTime(ASN1_TIME *field, const QDateTime &time)
{
    return ASN1_TIME_set(field, time_t(time.toSecsSinceEpoch())) != nullptr;
}

std::optional<Certificate> toCertificate(X509 *x509, QString *error)
{
    unsigned char *der = nullptr;
    const int length = i2d_X509(x509, &der);
    if (length <= 0) {
        *error = Tr::tr("the certificate cannot be encoded");
        return std::nullopt;
    }
    const QByteArray bytes(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return Certificate::fromData(bytes, error);
}

void restrictToOwner(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    struct stat info = {};
    if (::stat(name.constData(), &info) == 0 && (info.st_mode & 077) != 0)
        ::chmod(name.constData(), 0600);
}

} // namespace

QString ApplicationCertificateRequest::applicationUri() const
{
    return QStringLiteral("urn:%1:tandem").arg(host);
}

ApplicationCertificateRequest ApplicationCertificateRequest::forThisMachine()
{
    ApplicationCertificateRequest request;
    request.host = QSysInfo::machineHostName();
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.isLoopback() || address.isLinkLocal())
            continue;
        QHostAddress plain = address;
        plain.setScopeId(QString());
        request.ipAddresses << plain.toString();
    }
    return request;
}

ApplicationCertificate::ApplicationCertificate(Certificate certificate, PrivateKey key)
    : m_certificate(std::move(certificate))
    , m_key(std::move(key))
{}

QString ApplicationCertificate::certificatePath(const PkiStore &store)
{
    return store.path(PkiStore::Folder::OwnCerts) + QLatin1String("/tandem.der");
}

QString ApplicationCertificate::keyPath(const PkiStore &store)
{
    return store.path(PkiStore::Folder::OwnPrivate) + QLatin1String("/tandem.pem");
}

std::optional<ApplicationCertificate>
ApplicationCertificate::makeSelfSigned(const ApplicationCertificateRequest &request,
                                       const Clock &clock, QString *error)
{
    if (request.host.isEmpty()) {
        *error = Tr::tr("the own certificate needs the host name of this machine");
        return std::nullopt;
    }
    auto key = PrivateKey::generateRsa(request.keyBits, error);
    if (!key)
        return std::nullopt;

    const Owned<X509> x509(X509_new());
    unsigned char serial[16];
    if (!x509 || RAND_bytes(serial, sizeof serial) != 1) {
        *error = Tr::tr("cannot make a certificate: %1").arg(lastError());
        return std::nullopt;
    }
    serial[0] &= 0x7F; // a positive serial number
    BIGNUM *number = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool serialSet = number && BN_to_ASN1_INTEGER(number, X509_get_serialNumber(x509.get()));
    BN_free(number);

    // A day back: a peer whose clock is a little behind must not see a certificate from
    // the future.
    const QDateTime now = clock.wallTime().toUTC();
    X509_NAME *name = X509_get_subject_name(x509.get());
    const QByteArray commonName = QStringLiteral("Tandem@%1").arg(request.host).toUtf8();
    const auto *organisation = reinterpret_cast<const unsigned char *>("Tandem");
    const auto *cn = reinterpret_cast<const unsigned char *>(commonName.constData());

    const Owned<GENERAL_NAMES> names(sk_GENERAL_NAME_new_null());
    bool ok = serialSet && X509_set_version(x509.get(), X509_VERSION_3) == 1 &&
              setTime(X509_getm_notBefore(x509.get()), now.addDays(-1)) &&
              setTime(X509_getm_notAfter(x509.get()), now.addYears(request.validityYears)) &&
              X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, organisation, -1, -1, 0) &&
              X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, cn, -1, -1, 0) &&
              X509_set_issuer_name(x509.get(), name) == 1 &&
              X509_set_pubkey(x509.get(), key->handle()) == 1 &&
              addName(names.get(), GEN_URI, request.applicationUri()) &&
              addName(names.get(), GEN_DNS, request.host);
    for (const QString &ip : request.ipAddresses) {
        if (ok && !addName(names.get(), GEN_IPADD, ip)) {
            *error = Tr::tr("%1 is no IP address").arg(ip);
            return std::nullopt;
        }
    }
    // OPC 10000-6 §6.2.2: a self-signed application instance certificate also signs
    // itself (keyCertSign) without being a CA.
    ok = ok &&
         X509_add1_ext_i2d(x509.get(), NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT) ==
             1 &&
         addExtension(x509.get(), NID_basic_constraints, "critical,CA:FALSE") &&
         addExtension(x509.get(), NID_key_usage,
                      "critical,digitalSignature,nonRepudiation,keyEncipherment,"
                      "dataEncipherment,keyCertSign") &&
         addExtension(x509.get(), NID_ext_key_usage, "serverAuth,clientAuth") &&
         addExtension(x509.get(), NID_subject_key_identifier, "hash") &&
         addExtension(x509.get(), NID_authority_key_identifier, "keyid:always") &&
         X509_sign(x509.get(), key->handle(), EVP_sha256()) > 0;
    if (!ok) {
        *error = Tr::tr("cannot make a certificate: %1").arg(lastError());
        return std::nullopt;
    }
    auto certificate = toCertificate(x509.get(), error);
    if (!certificate)
        return std::nullopt;
    return ApplicationCertificate(*certificate, *key);
}

std::optional<ApplicationCertificate> ApplicationCertificate::load(const PkiStore &store,
                                                                   QString *error)
{
    const QString certBase = certificatePath(store);
    const QString keyBase = keyPath(store);
    // Every certificate and key file there is, in the order of Suffixes.
    QList<std::pair<Certificate, QString>> certs;
    QList<std::pair<PrivateKey, QString>> keys;
    bool anyFile = false;
    for (const QLatin1String &suffix : Suffixes) {
        QString ignored;
        if (QFile::exists(certBase + suffix)) {
            anyFile = true;
            if (auto certificate = Certificate::fromFile(certBase + suffix, &ignored))
                certs.append({*certificate, certBase + suffix});
        }
        QByteArray bytes;
        if (QFile::exists(keyBase + suffix)) {
            anyFile = true;
            if (DurableFile::read(keyBase + suffix, &bytes, &ignored))
                if (auto key = PrivateKey::fromData(bytes, {}, &ignored))
                    keys.append({*key, keyBase + suffix});
        }
    }
    if (!anyFile) {
        error->clear();
        return std::nullopt;
    }

    // The first certificate with a key that belongs to it.
    std::optional<ApplicationCertificate> found;
    QString chosenCert, chosenKey;
    for (qsizetype c = 0; !found && c < certs.size(); ++c) {
        for (qsizetype k = 0; !found && k < keys.size(); ++k) {
            if (keys[k].first.matches(certs[c].first)) {
                found = ApplicationCertificate(certs[c].first, keys[k].first);
                chosenCert = certs[c].second;
                chosenKey = keys[k].second;
            }
        }
    }
    if (!found) {
        *error = Tr::tr("the own certificate %1 and the private key %2 are missing, damaged or "
                        "do not belong together; import a certificate with its key or renew")
                     .arg(certBase, keyBase);
        return std::nullopt;
    }
    // An install was interrupted: the pair found takes its place, the rest goes.
    if ((chosenCert != certBase &&
         !DurableFile::write(certBase, found->certificate().der(), error)) ||
        (chosenKey != keyBase && !DurableFile::write(keyBase, found->privateKey().pem(), error)))
        return std::nullopt;
    for (const QLatin1String &suffix : Suffixes) {
        if (suffix.isEmpty())
            continue;
        if ((QFile::exists(certBase + suffix) && !DurableFile::remove(certBase + suffix, error)) ||
            (QFile::exists(keyBase + suffix) && !DurableFile::remove(keyBase + suffix, error)))
            return std::nullopt;
    }
    restrictToOwner(keyBase);
    return found;
}

std::optional<ApplicationCertificate>
ApplicationCertificate::loadOrCreate(const PkiStore &store,
                                     const ApplicationCertificateRequest &request,
                                     const Clock &clock, QString *error)
{
    if (!store.ensureLayout(error))
        return std::nullopt;
    if (auto existing = load(store, error))
        return existing;
    if (!error->isEmpty())
        return std::nullopt; // never write over a key that is there but unusable
    auto created = makeSelfSigned(request, clock, error);
    if (!created)
        return std::nullopt;
    return install(store, *created, error);
}

std::optional<ApplicationCertificate>
ApplicationCertificate::renew(const PkiStore &store, const ApplicationCertificateRequest &request,
                              const Clock &clock, QString *error)
{
    auto created = makeSelfSigned(request, clock, error);
    if (!created)
        return std::nullopt;
    return install(store, *created, error);
}

std::optional<ApplicationCertificate>
ApplicationCertificate::install(const PkiStore &store, ApplicationCertificate pair, QString *error)
{
    if (!store.ensureLayout(error))
        return std::nullopt;
    const QString cert = certificatePath(store);
    const QString key = keyPath(store);
    const QString newSuffix = QLatin1String(".new"), oldSuffix = QLatin1String(".old");
    if (!DurableFile::write(cert + newSuffix, pair.certificate().der(), error) ||
        !DurableFile::write(key + newSuffix, pair.privateKey().pem(), error))
        return std::nullopt;
    DurableFile::checkpoint("pki-own-staged");
    if ((QFile::exists(cert) && !DurableFile::rename(cert, cert + oldSuffix, error)) ||
        (QFile::exists(key) && !DurableFile::rename(key, key + oldSuffix, error)))
        return std::nullopt;
    DurableFile::checkpoint("pki-own-aside");
    if (!DurableFile::rename(cert + newSuffix, cert, error) ||
        !DurableFile::rename(key + newSuffix, key, error))
        return std::nullopt;
    DurableFile::checkpoint("pki-own-installed");
    if (!DurableFile::remove(cert + oldSuffix, error) ||
        !DurableFile::remove(key + oldSuffix, error))
        return std::nullopt;
    return pair;
}

std::optional<ApplicationCertificate>
ApplicationCertificate::checked(const Certificate &certificate, const PrivateKey &key,
                                const Clock &clock, QString *error)
{
    if (!key.matches(certificate)) {
        *error = Tr::tr("the private key does not belong to the certificate %1")
                     .arg(certificate.subject());
        return std::nullopt;
    }
    if (!key.isRsa()) {
        *error = Tr::tr("the key of %1 is not an RSA key; the OPC UA security policies Tandem "
                        "offers need RSA")
                     .arg(certificate.subject());
        return std::nullopt;
    }
    if (certificate.applicationUri().isEmpty()) {
        *error = Tr::tr("the certificate %1 has no URI in its subjectAltName; OPC UA needs the "
                        "application's ApplicationUri there (OPC 10000-6 §6.2.2)")
                     .arg(certificate.subject());
        return std::nullopt;
    }
    if (!certificate.isValidAt(clock.wallTime())) {
        *error = Tr::tr("the certificate %1 is valid only from %2 to %3")
                     .arg(certificate.subject(), certificate.notBefore().toString(Qt::ISODate),
                          certificate.notAfter().toString(Qt::ISODate));
        return std::nullopt;
    }
    return ApplicationCertificate(certificate, key);
}

std::optional<ApplicationCertificate>
ApplicationCertificate::importPem(const PkiStore &store, const QByteArray &certificate,
                                  const QByteArray &key, const QByteArray &keyPassword,
                                  const Clock &clock, QString *error)
{
    QString reason;
    const auto parsed = Certificate::fromData(certificate, &reason);
    if (!parsed) {
        *error = Tr::tr("the certificate to import is %1").arg(reason);
        return std::nullopt;
    }
    const auto privateKey = PrivateKey::fromData(key, keyPassword, &reason);
    if (!privateKey) {
        *error = Tr::tr("the key to import: %1").arg(reason);
        return std::nullopt;
    }
    auto pair = checked(*parsed, *privateKey, clock, error);
    if (!pair)
        return std::nullopt;
    return install(store, *pair, error);
}

std::optional<ApplicationCertificate>
ApplicationCertificate::importPkcs12(const PkiStore &store, const QByteArray &bytes,
                                     const QByteArray &password, const Clock &clock, QString *error)
{
    const Owned<BIO> bio = memoryBio(bytes);
    const Owned<PKCS12> p12(d2i_PKCS12_bio(bio.get(), nullptr));
    if (!p12) {
        ERR_clear_error();
        *error = Tr::tr("the file to import is not a PKCS#12 file");
        return std::nullopt;
    }
    const QByteArray pass = password; // null-terminated for OpenSSL
    // An empty password is written either as "" or as none at all; both are tried.
    const bool macVerified =
        !PKCS12_mac_present(p12.get()) ||
        PKCS12_verify_mac(p12.get(), pass.constData(), int(pass.size())) == 1 ||
        (pass.isEmpty() && PKCS12_verify_mac(p12.get(), nullptr, 0) == 1);
    if (!macVerified) {
        ERR_clear_error();
        *error = Tr::tr("the password of the PKCS#12 file is wrong");
        return std::nullopt;
    }
    EVP_PKEY *keyHandle = nullptr;
    X509 *certHandle = nullptr;
    if (PKCS12_parse(p12.get(), pass.constData(), &keyHandle, &certHandle, nullptr) != 1) {
        *error = Tr::tr("the PKCS#12 file cannot be read (%1); it may use an encryption "
                        "OpenSSL 3 no longer offers by default (RC2, 3DES)")
                     .arg(lastError());
        return std::nullopt;
    }
    const Owned<X509> x509(certHandle);
    const PrivateKey key = PrivateKey::adopt(keyHandle);
    if (!x509 || !keyHandle) {
        *error = Tr::tr("the PKCS#12 file holds no certificate with its private key");
        return std::nullopt;
    }
    const auto certificate = toCertificate(x509.get(), error);
    if (!certificate)
        return std::nullopt;
    auto pair = checked(*certificate, key, clock, error);
    if (!pair)
        return std::nullopt;
    return install(store, *pair, error);
}

} // namespace tandem::pki
