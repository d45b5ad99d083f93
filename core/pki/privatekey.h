#pragma once

#include <QByteArray>
#include <QString>

#include <openssl/types.h>

#include <memory>
#include <optional>

namespace tandem::pki {

class Certificate;

// A private key (shared, immutable). Tandem's own key is RSA: the OPC UA security policies
// it offers sign and decrypt with RSA.
class PrivateKey final
{
public:
    static std::optional<PrivateKey> generateRsa(int bits, QString *error);
    // A PEM key (PKCS#8, PKCS#1 or an encrypted PKCS#8 with `password`) or a DER one.
    static std::optional<PrivateKey> fromData(const QByteArray &bytes, const QByteArray &password,
                                              QString *error);
    // Wraps a key OpenSSL gave us (a PKCS#12's); takes ownership.
    static PrivateKey adopt(EVP_PKEY *key);

    // Unencrypted PKCS#8 PEM, as the own/private folder keeps it.
    QByteArray pem() const;
    int bits() const;
    bool isRsa() const;
    // The certificate holds this key's public half.
    bool matches(const Certificate &certificate) const;

    // For OpenSSL calls; owned by this object.
    EVP_PKEY *handle() const { return m_key.get(); }

private:
    explicit PrivateKey(std::shared_ptr<EVP_PKEY> key);

    std::shared_ptr<EVP_PKEY> m_key;
};

} // namespace tandem::pki
