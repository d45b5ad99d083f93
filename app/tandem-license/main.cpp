// tandem-license: the vendor's tool. It holds the private key, so it is not installed
// with Tandem; it makes key pairs, serial numbers and unlock passwords.
#include "license/licensecodec.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTextStream>

using namespace tandem;

namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString &message, int code = 1)
{
    err() << "tandem-license: " << message << Qt::endl;
    return code;
}

std::optional<VendorKeyPair> readKey(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray secret = QByteArray::fromHex(file.readAll().trimmed());
    if (secret.size() != 64) {
        *error = QStringLiteral("%1 is not a Tandem vendor key (128 hex digits)").arg(path);
        return std::nullopt;
    }
    return VendorKeyPair{secret.right(32), secret};
}

bool writeFile(const QString &path, const QByteArray &text, QFile::Permissions permissions,
               QString *error)
{
    QFile file(path);
    if (file.exists()) {
        *error = QStringLiteral("%1 exists; a vendor key is never overwritten").arg(path);
        return false;
    }
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() ||
        !file.setPermissions(permissions)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tandem-license"));
    QTextStream out(stdout);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Tandem vendor tool.\n"
        "  keygen --out DIR                      writes vendor.key (secret) and vendor.pub\n"
        "  serial --key FILE --pairs N [--edition standard|professional|enterprise]\n"
        "         [--number N] [--issued YYYY-MM-DD]  prints a serial number\n"
        "  unlock --key FILE --serial S --computer-id ID  prints the unlock password"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("keygen, serial or unlock"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Folder."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption keyOption(QStringLiteral("key"), QStringLiteral("vendor.key"),
                                       QStringLiteral("FILE"));
    const QCommandLineOption pairsOption(QStringLiteral("pairs"), QStringLiteral("Pairs allowed."),
                                         QStringLiteral("N"));
    const QCommandLineOption editionOption(QStringLiteral("edition"), QStringLiteral("Edition."),
                                           QStringLiteral("E"), QStringLiteral("standard"));
    const QCommandLineOption numberOption(QStringLiteral("number"),
                                          QStringLiteral("Serial number."), QStringLiteral("N"));
    const QCommandLineOption issuedOption(QStringLiteral("issued"), QStringLiteral("Issue date."),
                                          QStringLiteral("DATE"));
    const QCommandLineOption serialOption(QStringLiteral("serial"), QStringLiteral("Serial."),
                                          QStringLiteral("S"));
    const QCommandLineOption computerOption(QStringLiteral("computer-id"),
                                            QStringLiteral("Computer ID."), QStringLiteral("ID"));
    parser.addOptions({outOption, keyOption, pairsOption, editionOption, numberOption, issuedOption,
                       serialOption, computerOption});
    parser.process(app);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return fail(QStringLiteral("give one command: keygen, serial or unlock (see --help)"), 2);
    const QString command = positional.constFirst();
    QString error;

    if (command == QLatin1String("keygen")) {
        if (!parser.isSet(outOption))
            return fail(QStringLiteral("keygen: --out DIR is required"), 2);
        const QDir dir(parser.value(outOption));
        if (!QDir().mkpath(dir.path()))
            return fail(QStringLiteral("cannot create %1").arg(dir.path()));
        const VendorKeyPair pair = VendorKeyPair::generate();
        if (!writeFile(dir.filePath(QStringLiteral("vendor.key")), pair.secretKey.toHex() + '\n',
                       QFile::ReadOwner | QFile::WriteOwner, &error) ||
            !writeFile(dir.filePath(QStringLiteral("vendor.pub")), pair.publicKey.toHex() + '\n',
                       QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther,
                       &error))
            return fail(error);
        out << "public key (TANDEM_LICENSE_PUBKEY): " << pair.publicKey.toHex() << Qt::endl;
        return 0;
    }
    if (!parser.isSet(keyOption))
        return fail(QStringLiteral("%1: --key FILE is required").arg(command), 2);
    const std::optional<VendorKeyPair> key = readKey(parser.value(keyOption), &error);
    if (!key)
        return fail(error);

    if (command == QLatin1String("serial")) {
        bool ok = false;
        Serial serial;
        serial.pairs = parser.value(pairsOption).toInt(&ok);
        if (!ok || serial.pairs < 1 || serial.pairs > 65535)
            return fail(QStringLiteral("serial: --pairs must be a number from 1 to 65535"), 2);
        const std::optional<Serial::Edition> edition =
            Serial::editionFromName(parser.value(editionOption));
        if (!edition)
            return fail(
                QStringLiteral("serial: --edition must be standard, professional or enterprise"),
                2);
        serial.edition = *edition;
        serial.issued = parser.isSet(issuedOption)
                            ? QDate::fromString(parser.value(issuedOption), Qt::ISODate)
                            : QDate::currentDate();
        if (!serial.issued.isValid() || serial.issued.year() < 1970)
            return fail(QStringLiteral("serial: --issued must be a date like 2026-11-23"), 2);
        if (parser.isSet(numberOption)) {
            serial.number = parser.value(numberOption).toUInt(&ok);
            if (!ok)
                return fail(QStringLiteral("serial: --number must be a number"), 2);
        } else {
            serial.number = quint32(QDateTime::currentSecsSinceEpoch());
        }
        out << serial.sign(key->secretKey) << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("unlock")) {
        if (!parser.isSet(serialOption) || !parser.isSet(computerOption))
            return fail(QStringLiteral("unlock: --serial S and --computer-id ID are required"), 2);
        const std::optional<Serial> serial =
            Serial::parse(parser.value(serialOption), key->publicKey, &error);
        if (!serial)
            return fail(QStringLiteral("--serial: %1").arg(error));
        if (!ComputerId::toBytes(parser.value(computerOption)))
            return fail(QStringLiteral("--computer-id: '%1' is not a Computer ID (20 digits in "
                                       "groups of five)")
                            .arg(parser.value(computerOption)));
        out << UnlockPassword::make(*serial, parser.value(computerOption), key->secretKey)
            << Qt::endl;
        return 0;
    }
    return fail(QStringLiteral("unknown command '%1' (keygen, serial or unlock)").arg(command), 2);
}
