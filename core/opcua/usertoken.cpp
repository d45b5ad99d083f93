#include "usertoken.h"

#include "binarycodec.h"

#include <QCoreApplication>

#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <memory>

namespace tandem::opcua {

namespace {

// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(UserToken)
};

enum class Padding
{
    Pkcs1,
    OaepSha1,
    OaepSha256,
};

struct Algorithm
{
    const char *policy; // the part after '#'
    Padding padding;
};

constexpr Algorithm Algorithms[] = {
    {"Basic128Rsa15", Padding::Pkcs1},
    {"Basic256", Padding::OaepSha1},
    {"Basic256Sha256", Padding::OaepSha1},
    {"Aes128_Sha256_RsaOaep", Padding::OaepSha1},
    {"Aes256_Sha256_RsaPss", Padding::OaepSha256},
};

const QLatin1String PolicyPrefix("http://opcfoundation.org/UA/SecurityPolicy#");

std::optional<Padding> paddingFor(const QString &policyUri)
{
    if (!policyUri.startsWith(PolicyPrefix))
        return std::nullopt;
    const QStringView name = QStringView(policyUri).mid(PolicyPrefix.size());
    for (const Algorithm &a : Algorithms)
        if (name == QLatin1String(a.policy))
            return a.padding;
    return std::nullopt;
}

QString algorithmUri(Padding padding)
{
    switch (padding) {
    case Padding::Pkcs1:
        return QStringLiteral("http://www.w3.org/2001/04/xmlenc#rsa-1_5");
    case Padding::OaepSha1:
        return QStringLiteral("http://www.w3.org/2001/04/xmlenc#rsa-oaep");
    case Padding::OaepSha256:
        return QStringLiteral("http://opcfoundation.org/UA/security/rsa-oaep-sha2-256");
    }
    return {};
}

// Bytes of padding overhead per RSA block.
int overhead(Padding padding)
{
    switch (padding) {
    case Padding::Pkcs1:
        return 11;
    case Padding::OaepSha1:
        return 2 * 20 + 2;
    case Padding::OaepSha256:
        return 2 * 32 + 2;
    }
    return 0;
}

struct Free
{
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); }
};

} // namespace

bool canEncryptUserToken(const QString &policyUri)
{
    return paddingFor(policyUri).has_value();
}

std::optional<EncryptedSecret> encryptUserTokenSecret(const QByteArray &derCertificate,
                                                      const QString &policyUri,
                                                      const QByteArray &secret,
                                                      const QByteArray &serverNonce, QString *error)
{
    const auto padding = paddingFor(policyUri);
    if (!padding) {
        *error = Tr::tr("the security policy %1 is not one Tandem can encrypt a password for")
                     .arg(policyUri);
        return std::nullopt;
    }
    if (derCertificate.isEmpty()) {
        *error = Tr::tr("the server sent no certificate to encrypt the password with");
        return std::nullopt;
    }
    const auto *der = reinterpret_cast<const unsigned char *>(derCertificate.constData());
    std::unique_ptr<X509, Free> certificate(d2i_X509(nullptr, &der, derCertificate.size()));
    if (!certificate) {
        *error = Tr::tr("the server's certificate is not a valid X.509 certificate");
        return std::nullopt;
    }
    std::unique_ptr<EVP_PKEY, Free> key(X509_get_pubkey(certificate.get()));
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA) {
        *error = Tr::tr("the server's certificate holds no RSA key");
        return std::nullopt;
    }
    const int keySize = EVP_PKEY_get_size(key.get());
    const int blockSize = keySize - overhead(*padding);
    if (blockSize <= 0) {
        *error = Tr::tr("the server's RSA key is too small");
        return std::nullopt;
    }

    Writer plain;
    plain.writeUInt32(quint32(secret.size() + serverNonce.size()));
    plain.writeRaw(secret);
    plain.writeRaw(serverNonce);
    const QByteArray &text = plain.data();

    std::unique_ptr<EVP_PKEY_CTX, Free> context(EVP_PKEY_CTX_new(key.get(), nullptr));
    bool ok = context && EVP_PKEY_encrypt_init(context.get()) == 1;
    if (ok && *padding == Padding::Pkcs1)
        ok = EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_PADDING) == 1;
    else if (ok) {
        const EVP_MD *md = *padding == Padding::OaepSha256 ? EVP_sha256() : EVP_sha1();
        ok = EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_OAEP_PADDING) == 1 &&
             EVP_PKEY_CTX_set_rsa_oaep_md(context.get(), md) == 1 &&
             EVP_PKEY_CTX_set_rsa_mgf1_md(context.get(), md) == 1;
    }
    EncryptedSecret result{QByteArray(), algorithmUri(*padding)};
    for (qsizetype offset = 0; ok && offset < text.size(); offset += blockSize) {
        const QByteArray block = text.mid(offset, blockSize);
        size_t size = size_t(keySize);
        QByteArray out(keySize, Qt::Uninitialized);
        ok = EVP_PKEY_encrypt(context.get(), reinterpret_cast<unsigned char *>(out.data()), &size,
                              reinterpret_cast<const unsigned char *>(block.constData()),
                              size_t(block.size())) == 1;
        out.truncate(qsizetype(size));
        result.data += out;
    }
    if (!ok) {
        *error = Tr::tr("encrypting the password failed");
        return std::nullopt;
    }
    return result;
}

} // namespace tandem::opcua
