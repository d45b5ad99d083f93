#include "licensecodec.h"

#include "base/testhooks.h"

#include <QFile>
#include <QtEndian>

#include <sodium.h>

#include <cstring>
#include <mutex>

namespace tandem {

namespace {

const char Alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

void initSodium()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0)
            qFatal("libsodium could not be initialised");
    });
}

QByteArray tagged(const char *tag, const QByteArray &data)
{
    return QByteArray(tag) + data;
}

const char SerialTag[] = "tandem-serial-v1:";
const char UnlockTag[] = "tandem-unlock-v1:";

} // namespace

QString GroupedBase32::encode(const QByteArray &bytes)
{
    QString plain;
    quint32 buffer = 0;
    int bits = 0;
    for (const char c : bytes) {
        buffer = (buffer << 8) | quint8(c);
        bits += 8;
        while (bits >= 5) {
            plain += QLatin1Char(Alphabet[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    if (bits > 0)
        plain += QLatin1Char(Alphabet[(buffer << (5 - bits)) & 31]);
    QString grouped;
    for (qsizetype i = 0; i < plain.size(); i += 5) {
        if (i > 0)
            grouped += QLatin1Char('-');
        grouped += plain.mid(i, 5);
    }
    return grouped;
}

std::optional<QByteArray> GroupedBase32::decode(const QString &text, qsizetype expectedBytes)
{
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    qsizetype symbols = 0;
    for (QChar ch : text) {
        if (ch == QLatin1Char('-') || ch.isSpace())
            continue;
        ch = ch.toUpper();
        if (ch == QLatin1Char('O'))
            ch = QLatin1Char('0');
        else if (ch == QLatin1Char('I') || ch == QLatin1Char('L'))
            ch = QLatin1Char('1');
        const char *at = ch.unicode() < 128 ? std::strchr(Alphabet, char(ch.unicode())) : nullptr;
        if (!at || ch.unicode() == 0)
            return std::nullopt;
        buffer = (buffer << 5) | quint32(at - Alphabet);
        bits += 5;
        ++symbols;
        if (bits >= 8) {
            out += char((buffer >> (bits - 8)) & 0xff);
            bits -= 8;
        }
    }
    // Exactly the symbols the encoder writes for expectedBytes, padding bits zero.
    if (out.size() != expectedBytes || symbols != (expectedBytes * 8 + 4) / 5 ||
        (buffer & ((1u << bits) - 1)) != 0)
        return std::nullopt;
    return out;
}

VendorKeyPair VendorKeyPair::generate()
{
    initSodium();
    VendorKeyPair pair;
    pair.publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    pair.secretKey.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(pair.publicKey.data()),
                        reinterpret_cast<unsigned char *>(pair.secretKey.data()));
    return pair;
}

QByteArray builtInVendorPublicKey()
{
    return QByteArray::fromHex(TANDEM_LICENSE_PUBKEY);
}

QByteArray Serial::payload() const
{
    QByteArray p(PayloadBytes, '\0');
    auto *d = reinterpret_cast<uchar *>(p.data());
    d[0] = 1; // format
    d[1] = quint8(edition);
    qToBigEndian(quint16(pairs), d + 2);
    qToBigEndian(quint32(QDate(1970, 1, 1).daysTo(issued)), d + 4);
    qToBigEndian(number, d + 8);
    return p;
}

namespace {
QByteArray signDetached(const QByteArray &message, const QByteArray &secretKey)
{
    initSodium();
    QByteArray signature(crypto_sign_BYTES, '\0');
    if (secretKey.size() != crypto_sign_SECRETKEYBYTES)
        return {};
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(message.constData()),
                         quint64(message.size()),
                         reinterpret_cast<const unsigned char *>(secretKey.constData()));
    return signature;
}

bool verifyDetached(const QByteArray &signature, const QByteArray &message,
                    const QByteArray &publicKey)
{
    initSodium();
    return signature.size() == crypto_sign_BYTES &&
           publicKey.size() == crypto_sign_PUBLICKEYBYTES &&
           crypto_sign_verify_detached(
               reinterpret_cast<const unsigned char *>(signature.constData()),
               reinterpret_cast<const unsigned char *>(message.constData()),
               quint64(message.size()),
               reinterpret_cast<const unsigned char *>(publicKey.constData())) == 0;
}
} // namespace

QString Serial::sign(const QByteArray &vendorSecretKey) const
{
    const QByteArray p = payload();
    return GroupedBase32::encode(p + signDetached(tagged(SerialTag, p), vendorSecretKey));
}

std::optional<Serial> Serial::parse(const QString &text, const QByteArray &vendorPublicKey,
                                    QString *error)
{
    const std::optional<QByteArray> bytes =
        GroupedBase32::decode(text, PayloadBytes + SignatureBytes);
    if (!bytes) {
        *error = tr("this is not a Tandem serial number (it has %1 characters of 0-9 and A-Z "
                    "in groups of five; check for a missing or extra group)")
                     .arg((PayloadBytes + SignatureBytes) * 8 / 5 + 1);
        return std::nullopt;
    }
    const QByteArray p = bytes->left(PayloadBytes);
    if (!verifyDetached(bytes->mid(PayloadBytes), tagged(SerialTag, p), vendorPublicKey)) {
        *error = tr("the serial number is not valid: a character is wrong, or it was not issued "
                    "for this product");
        return std::nullopt;
    }
    const auto *d = reinterpret_cast<const uchar *>(p.constData());
    Serial s;
    if (d[0] != 1 || d[1] > quint8(Edition::Enterprise)) {
        *error = tr("the serial number is for a newer version of Tandem");
        return std::nullopt;
    }
    s.edition = Edition(d[1]);
    s.pairs = qFromBigEndian<quint16>(d + 2);
    s.issued = QDate(1970, 1, 1).addDays(qFromBigEndian<quint32>(d + 4));
    s.number = qFromBigEndian<quint32>(d + 8);
    return s;
}

QString Serial::editionName(Edition edition)
{
    switch (edition) {
    case Edition::Standard:
        return QStringLiteral("standard");
    case Edition::Professional:
        return QStringLiteral("professional");
    case Edition::Enterprise:
        return QStringLiteral("enterprise");
    }
    return {};
}

std::optional<Serial::Edition> Serial::editionFromName(const QString &name)
{
    for (Edition e : {Edition::Standard, Edition::Professional, Edition::Enterprise})
        if (name.compare(editionName(e), Qt::CaseInsensitive) == 0)
            return e;
    return std::nullopt;
}

std::optional<QString> ComputerId::forMachine(const QString &machineIdFile, QString *error)
{
    initSodium();
#if TANDEM_HAS_TEST_HOOKS
    const QString path =
        machineIdFile.isEmpty() ? QStringLiteral("/etc/machine-id") : machineIdFile;
#else
    Q_UNUSED(machineIdFile) // without test hooks the real machine id is the only source
    const QString path = QStringLiteral("/etc/machine-id");
#endif
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("ComputerId", "cannot read %1: %2")
                     .arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray id = file.readAll().trimmed();
    if (id.size() < 16) {
        *error =
            QCoreApplication::translate("ComputerId", "%1 does not hold a machine id").arg(path);
        return std::nullopt;
    }
    static const QByteArray key = "tandem computer id v1, 32 bytes";
    unsigned char hash[8];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char *>(id.constData()),
                       quint64(id.size()), reinterpret_cast<const unsigned char *>(key.constData()),
                       size_t(key.size()));
    const QString digits =
        QString::number(qFromBigEndian<quint64>(hash)).rightJustified(20, QLatin1Char('0'));
    return digits.mid(0, 5) + QLatin1Char('-') + digits.mid(5, 5) + QLatin1Char('-') +
           digits.mid(10, 5) + QLatin1Char('-') + digits.mid(15, 5);
}

std::optional<QByteArray> ComputerId::toBytes(const QString &computerId)
{
    QString digits = computerId;
    digits.remove(QLatin1Char('-')).remove(QLatin1Char(' '));
    bool ok = false;
    const quint64 value = digits.toULongLong(&ok);
    if (!ok || digits.size() != 20)
        return std::nullopt;
    QByteArray bytes(8, '\0');
    qToBigEndian(value, bytes.data());
    return bytes;
}

QString UnlockPassword::make(const Serial &serial, const QString &computerId,
                             const QByteArray &vendorSecretKey)
{
    const std::optional<QByteArray> id = ComputerId::toBytes(computerId);
    if (!id)
        return {};
    return GroupedBase32::encode(
        signDetached(tagged(UnlockTag, serial.payload() + *id), vendorSecretKey));
}

bool UnlockPassword::verify(const Serial &serial, const QString &computerId,
                            const QString &password, const QByteArray &vendorPublicKey,
                            QString *error)
{
    const std::optional<QByteArray> id = ComputerId::toBytes(computerId);
    const std::optional<QByteArray> signature =
        GroupedBase32::decode(password, Serial::SignatureBytes);
    if (!signature) {
        *error = QCoreApplication::translate(
            "UnlockPassword", "this is not an unlock password (0-9 and A-Z in groups of five; "
                              "check for a missing or extra group)");
        return false;
    }
    if (!id ||
        !verifyDetached(*signature, tagged(UnlockTag, serial.payload() + *id), vendorPublicKey)) {
        *error = QCoreApplication::translate(
                     "UnlockPassword",
                     "the unlock password does not fit this serial number and Computer "
                     "ID %1: a character is wrong, or it was issued for another computer")
                     .arg(computerId);
        return false;
    }
    return true;
}

} // namespace tandem
