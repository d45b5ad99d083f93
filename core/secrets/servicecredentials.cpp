#include "servicecredentials.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QUrl>

namespace tandem::ServiceCredentials {

namespace {
// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ServiceCredentials)
};
constexpr qint64 MaxPassword = 64 * 1024;
} // namespace

QString fileName(const QString &key)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(key, "@+"));
}

QString credentialName(const QString &key)
{
    return QStringLiteral("tandem_") + fileName(key);
}

QString directory()
{
    return qEnvironmentVariable("CREDENTIALS_DIRECTORY");
}

ReadResult read(const QString &key)
{
    ReadResult result;
    const QString dir = directory();
    const QString path = QDir(dir).filePath(credentialName(key));
    QFile file(path);
    if (!file.exists()) {
        result.notFound = true;
        result.error = Tr::tr("the service has no credential %1 in %2: as root, set the password "
                              "with tandemctl's --password-stdin and restart the service")
                           .arg(credentialName(key), dir);
        return result;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = Tr::tr("cannot read the credential %1: %2").arg(path, file.errorString());
        return result;
    }
    QByteArray bytes = file.read(MaxPassword);
    // `echo secret | ...` leaves a newline; a password never ends with one.
    if (bytes.endsWith('\n'))
        bytes.chop(1);
    result.password = QString::fromUtf8(bytes);
    return result;
}

std::optional<QByteArray> encrypt(const QString &key, const QString &password,
                                  const QString &systemdCreds, QString *error)
{
    QProcess encrypt;
    encrypt.start(systemdCreds,
                  {QStringLiteral("encrypt"), QStringLiteral("--name=") + credentialName(key),
                   QStringLiteral("-"), QStringLiteral("-")});
    if (!encrypt.waitForStarted(10000)) {
        *error = Tr::tr("cannot run %1: %2").arg(systemdCreds, encrypt.errorString());
        return std::nullopt;
    }
    encrypt.write(password.toUtf8());
    encrypt.closeWriteChannel();
    if (!encrypt.waitForFinished(30000) || encrypt.exitStatus() != QProcess::NormalExit ||
        encrypt.exitCode() != 0) {
        *error = Tr::tr("%1 encrypt failed: %2")
                     .arg(systemdCreds,
                          QString::fromLocal8Bit(encrypt.readAllStandardError()).trimmed());
        encrypt.kill();
        encrypt.waitForFinished(1000);
        return std::nullopt;
    }
    return encrypt.readAllStandardOutput();
}

std::optional<QString> decrypt(const QString &key, const QString &file, const QString &systemdCreds,
                               QString *error)
{
    QProcess decrypt;
    decrypt.start(systemdCreds,
                  {QStringLiteral("decrypt"), QStringLiteral("--name=") + credentialName(key), file,
                   QStringLiteral("-")});
    if (!decrypt.waitForStarted(10000)) {
        *error = Tr::tr("cannot run %1: %2").arg(systemdCreds, decrypt.errorString());
        return std::nullopt;
    }
    if (!decrypt.waitForFinished(30000) || decrypt.exitStatus() != QProcess::NormalExit ||
        decrypt.exitCode() != 0) {
        *error = Tr::tr("%1 decrypt %2 failed: %3")
                     .arg(systemdCreds, file,
                          QString::fromLocal8Bit(decrypt.readAllStandardError()).trimmed());
        decrypt.kill();
        decrypt.waitForFinished(1000);
        return std::nullopt;
    }
    return QString::fromUtf8(decrypt.readAllStandardOutput());
}

} // namespace tandem::ServiceCredentials
