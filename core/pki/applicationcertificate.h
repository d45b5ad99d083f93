#pragma once

#include "certificate.h"
#include "privatekey.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace tandem {
class Clock;
}

namespace tandem::pki {

class PkiStore;

// What Tandem's own certificate says about this machine.
struct ApplicationCertificateRequest
{
    QString host;            // the subject's CN is "Tandem@<host>", and a DNS name
    QStringList ipAddresses; // each one an IP address of the subjectAltName
    int validityYears = 5;
    int keyBits = 2048;

    // "urn:<host>:tandem"
    QString applicationUri() const;
    // This machine's host name and its addresses (not loopback or link-local).
    static ApplicationCertificateRequest forThisMachine();
};

// Tandem's application instance certificate and its private key (OPC 10000-6 §6.2.2), in
// pki/own/certs/tandem.der and pki/own/private/tandem.pem. Created on first use: RSA,
// SHA-256, self-signed, the ApplicationUri in the subjectAltName; renewable; replaceable by
// one the plant's CA issued.
//
// A renewal or an import never leaves a certificate without its key: the new pair is
// written beside the old one (".new"), the old pair is set aside (".old"), the new one takes
// its place, and only then is the old one deleted. Loading after a crash at any point picks
// a certificate and a key that belong together and tidies up.
class ApplicationCertificate final
{
public:
    // The own certificate, or nullopt: with an empty `error` when there is none yet.
    static std::optional<ApplicationCertificate> load(const PkiStore &store, QString *error);
    static std::optional<ApplicationCertificate>
    loadOrCreate(const PkiStore &store, const ApplicationCertificateRequest &request,
                 const Clock &clock, QString *error);
    // A new key and a new self-signed certificate in place of the current ones.
    static std::optional<ApplicationCertificate> renew(const PkiStore &store,
                                                       const ApplicationCertificateRequest &request,
                                                       const Clock &clock, QString *error);
    // Replaces the own certificate by a DER or PEM certificate and its PEM key (encrypted
    // with `keyPassword` or not). Refused when the key is not the certificate's, the key is
    // not RSA, the certificate has no ApplicationUri or is not valid now.
    static std::optional<ApplicationCertificate>
    importPem(const PkiStore &store, const QByteArray &certificate, const QByteArray &key,
              const QByteArray &keyPassword, const Clock &clock, QString *error);
    // The same from a PKCS#12 file and its password.
    static std::optional<ApplicationCertificate> importPkcs12(const PkiStore &store,
                                                              const QByteArray &bytes,
                                                              const QByteArray &password,
                                                              const Clock &clock, QString *error);
    // A new key and self-signed certificate, in memory only.
    static std::optional<ApplicationCertificate>
    makeSelfSigned(const ApplicationCertificateRequest &request, const Clock &clock,
                   QString *error);

    static QString certificatePath(const PkiStore &store);
    static QString keyPath(const PkiStore &store);

    const Certificate &certificate() const { return m_certificate; }
    const PrivateKey &privateKey() const { return m_key; }
    QString applicationUri() const { return m_certificate.applicationUri(); }

private:
    ApplicationCertificate(Certificate certificate, PrivateKey key);
    static std::optional<ApplicationCertificate>
    install(const PkiStore &store, ApplicationCertificate pair, QString *error);
    static std::optional<ApplicationCertificate> checked(const Certificate &certificate,
                                                         const PrivateKey &key, const Clock &clock,
                                                         QString *error);

    Certificate m_certificate;
    PrivateKey m_key;
};

} // namespace tandem::pki
