#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <optional>

namespace tandem {

// Text forms an operator reads aloud or types on a keypad: Crockford base32 (no I, L,
// O or U; those typed by mistake are read as 1, 1, 0) in dash-separated groups of five.
namespace GroupedBase32 {
QString encode(const QByteArray &bytes);
// Ignores dashes, spaces and case; nullopt on any other character or a bad length.
std::optional<QByteArray> decode(const QString &text, qsizetype expectedBytes);
} // namespace GroupedBase32

// Ed25519 keys of the vendor (libsodium crypto_sign).
struct VendorKeyPair
{
    QByteArray publicKey; // 32 bytes
    QByteArray secretKey; // 64 bytes
    static VendorKeyPair generate();
};

// The public key this build verifies licenses with (CMake cache TANDEM_LICENSE_PUBKEY).
QByteArray builtInVendorPublicKey();

// A serial number: what the vendor sold (edition, pairs, issue date), signed.
struct Serial
{
    Q_DECLARE_TR_FUNCTIONS(Serial)

public:
    static constexpr int PayloadBytes = 12;
    static constexpr int SignatureBytes = 64;

    enum class Edition : quint8
    {
        Standard = 0,
        Professional = 1,
        Enterprise = 2,
    };

    Edition edition = Edition::Standard;
    int pairs = 1; // 1..65535
    QDate issued;
    quint32 number = 0; // the vendor's serial number

    QByteArray payload() const;
    // The vendor's side: payload + signature as grouped text.
    QString sign(const QByteArray &vendorSecretKey) const;
    // Verifies the signature with `vendorPublicKey`; *error says what is wrong.
    static std::optional<Serial> parse(const QString &text, const QByteArray &vendorPublicKey,
                                       QString *error);
    static QString editionName(Edition edition);
    static std::optional<Edition> editionFromName(const QString &name);
};

// The Computer ID: stable for a machine (derived from its machine-id), 20 digits.
namespace ComputerId {
// From the machine-id file: /etc/machine-id, or `machineIdFile` in a build with test
// hooks (testhooks.h); a build without them ignores it.
std::optional<QString> forMachine(const QString &machineIdFile, QString *error);
// "12345-67890-12345-67890" ⇄ the 8 bytes the unlock password signs.
std::optional<QByteArray> toBytes(const QString &computerId);
} // namespace ComputerId

// The unlock password: the vendor's signature over serial + Computer ID.
namespace UnlockPassword {
QString make(const Serial &serial, const QString &computerId, const QByteArray &vendorSecretKey);
bool verify(const Serial &serial, const QString &computerId, const QString &password,
            const QByteArray &vendorPublicKey, QString *error);
} // namespace UnlockPassword

} // namespace tandem
