#include "privatekey.h"

#include "certificate.h"
#include "openssl_p.h"

#include <QCoreApplication>

#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <cstring>

namespace tandem::pki {

using namespace detail;

namespace {

// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PrivateKey)
};

// Hands OpenSSL the password (or none, so an encrypted key fails instead of prompting).
int passwordCallback(char *buffer, int size, int, void *user)
{
    const auto *password = static_cast<const QByteArray *>(user);
    if (!password || password->isEmpty() || password->size() > size)
        return -1;
    memcpy(buffer, password->constData(), size_t(password->size()));
    return int(password->size());
}

} // namespace

PrivateKey::PrivateKey(std::shared_ptr<EVP_PKEY> key)
    : m_key(std::move(key))
{}

PrivateKey PrivateKey::adopt(EVP_PKEY *key)
{
    return PrivateKey(std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free));
}

std::optional<PrivateKey> PrivateKey::generateRsa(int bits, QString *error)
{
    EVP_PKEY *key = EVP_RSA_gen(unsigned(bits));
    if (!key) {
        *error = Tr::tr("cannot make an RSA key of %1 bits: %2").arg(bits).arg(lastError());
        return std::nullopt;
    }
    return adopt(key);
}

std::optional<PrivateKey> PrivateKey::fromData(const QByteArray &bytes, const QByteArray &password,
                                               QString *error)
{
    EVP_PKEY *key = nullptr;
    if (isPem(bytes)) {
        const Owned<BIO> bio = memoryBio(bytes);
        key = PEM_read_bio_PrivateKey(bio.get(), nullptr, passwordCallback,
                                      const_cast<QByteArray *>(&password));
    } else {
        const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
        key = d2i_AutoPrivateKey(nullptr, &data, long(bytes.size()));
    }
    if (!key) {
        const QString reason = lastError();
        if (bytes.contains("ENCRYPTED"))
            *error = password.isEmpty() ? Tr::tr("the private key is encrypted: give its password")
                                        : Tr::tr("the private key's password is wrong");
        else
            *error = Tr::tr("not a private key (%1)").arg(reason);
        return std::nullopt;
    }
    return adopt(key);
}

QByteArray PrivateKey::pem() const
{
    const Owned<BIO> bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    return bioBytes(bio.get());
}

int PrivateKey::bits() const
{
    return EVP_PKEY_get_bits(m_key.get());
}

bool PrivateKey::isRsa() const
{
    return EVP_PKEY_get_base_id(m_key.get()) == EVP_PKEY_RSA;
}

bool PrivateKey::matches(const Certificate &certificate) const
{
    const EVP_PKEY *publicKey = X509_get0_pubkey(certificate.handle());
    const bool same = publicKey && EVP_PKEY_eq(publicKey, m_key.get()) == 1;
    ERR_clear_error();
    return same;
}

} // namespace tandem::pki
