#include "graceseal.h"

#include "base/durablefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QtEndian>

#include <sodium.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tandem {

namespace {

const char SealTag[] = "tandem-grace-v1:";
constexpr int SecretBytes = 32;

QString systemError()
{
    return QString::fromLocal8Bit(strerror(errno));
}

} // namespace

GraceSeal::GraceSeal(const QString &stateDir)
    : m_stateDir(stateDir)
{
    if (sodium_init() < 0)
        qFatal("libsodium could not be initialised");
}

QString GraceSeal::secretPath() const
{
    return QDir(m_stateDir).filePath(QStringLiteral("license.secret"));
}

QString GraceSeal::historyPath() const
{
    return QDir(m_stateDir).filePath(QStringLiteral("license-history.json"));
}

std::optional<GraceSeal::Secret> GraceSeal::readSecret(QString *error) const
{
    const QByteArray name = QFile::encodeName(secretPath());
    // Not through a link: the secret is this folder's own file.
    const int fd = ::open(name.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        *error = errno == ENOENT ? tr("%1 is missing").arg(secretPath())
                                 : tr("cannot read %1: %2").arg(secretPath(), systemError());
        return std::nullopt;
    }
    struct stat info = {};
    char text[2 * SecretBytes + 2] = {};
    const bool regular = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
    const ssize_t n = regular ? ::read(fd, text, sizeof text) : -1;
    ::close(fd);
    const QByteArray key = QByteArray::fromHex(QByteArray(text, qMax<ssize_t>(n, 0)).trimmed());
    if (!regular || key.size() != SecretBytes) {
        *error = tr("%1 is damaged").arg(secretPath());
        return std::nullopt;
    }
    return Secret{key, quint64(info.st_ino)};
}

std::optional<GraceSeal::Secret> GraceSeal::secretMadeOnce(QString *error)
{
    QString readError;
    if (std::optional<Secret> secret = readSecret(&readError))
        return secret;
    if (QFile::exists(secretPath()) || QFileInfo(secretPath()).isSymLink()) {
        *error = readError; // damaged or unreadable: never replaced, or the grace would restart
        return std::nullopt;
    }
    QDir().mkpath(m_stateDir);
    QByteArray key(SecretBytes, '\0');
    randombytes_buf(key.data(), size_t(key.size()));
    const QByteArray text = key.toHex() + '\n';
    const QByteArray name = QFile::encodeName(secretPath());
    const int fd =
        ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) // made by another process just now
            return readSecret(error);
        *error = tr("cannot create %1: %2").arg(secretPath(), systemError());
        return std::nullopt;
    }
    const bool written =
        ::write(fd, text.constData(), size_t(text.size())) == text.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!written) {
        *error = tr("cannot create %1: %2").arg(secretPath(), systemError());
        ::unlink(name.constData());
        return std::nullopt;
    }
    return readSecret(error);
}

QByteArray GraceSeal::mac(const Secret &secret, const Serial &serial, const QByteArray &computerId,
                          qint64 installedMs)
{
    QByteArray message = QByteArray(SealTag) + serial.payload() + computerId;
    uchar numbers[16];
    qToBigEndian(secret.inode, numbers);
    qToBigEndian(quint64(installedMs), numbers + 8);
    message.append(reinterpret_cast<const char *>(numbers), sizeof numbers);
    QByteArray out(crypto_auth_hmacsha256_BYTES, '\0');
    crypto_auth_hmacsha256(reinterpret_cast<unsigned char *>(out.data()),
                           reinterpret_cast<const unsigned char *>(message.constData()),
                           quint64(message.size()),
                           reinterpret_cast<const unsigned char *>(secret.key.constData()));
    return out;
}

QString GraceSeal::seal(const Serial &serial, const QString &computerId, qint64 installedMs,
                        QString *error) const
{
    const std::optional<QByteArray> id = ComputerId::toBytes(computerId);
    if (!id) {
        *error = tr("the Computer ID is unknown");
        return {};
    }
    const std::optional<Secret> secret = readSecret(error);
    if (!secret)
        return {};
    return QString::fromLatin1(mac(*secret, serial, *id, installedMs).toHex());
}

bool GraceSeal::verify(const Serial &serial, const QString &computerId, qint64 installedMs,
                       const QString &macText, QString *error) const
{
    if (macText.isEmpty()) {
        *error = tr("it is not sealed");
        return false;
    }
    const QString expected = seal(serial, computerId, installedMs, error);
    if (expected.isEmpty())
        return false;
    const QByteArray a = expected.toLatin1(), b = macText.toLatin1();
    if (a.size() != b.size() ||
        sodium_memcmp(a.constData(), b.constData(), size_t(a.size())) != 0) {
        *error = tr("its seal does not match");
        return false;
    }
    return true;
}

std::optional<qint64> GraceSeal::startFor(const Serial &serial, const QString &computerId,
                                          qint64 nowMs, QString *error)
{
    if (!secretMadeOnce(error))
        return std::nullopt;
    QJsonObject history;
    if (QFile::exists(historyPath())) {
        const std::optional<QJsonObject> read = DurableFile::readObject(historyPath(), error);
        if (!read)
            return std::nullopt; // a damaged history is reported, never replaced
        history = *read;
    }
    QJsonObject serials = history.value(QLatin1String("serials")).toObject();
    const QString key = QString::number(serial.number);
    if (serials.contains(key)) {
        const QJsonObject entry = serials.value(key).toObject();
        const qint64 first = entry.value(QLatin1String("installed-ms")).toInteger();
        QString why;
        // An entry that no longer verifies was edited or copied here: its grace is over.
        return verify(serial, computerId, first, entry.value(QLatin1String("mac")).toString(), &why)
                   ? first
                   : 0;
    }
    const QString mac = seal(serial, computerId, nowMs, error);
    if (mac.isEmpty())
        return std::nullopt;
    serials.insert(
        key, QJsonObject{{QStringLiteral("installed-ms"), nowMs}, {QStringLiteral("mac"), mac}});
    history.insert(QStringLiteral("format"), 1);
    history.insert(QStringLiteral("serials"), serials);
    if (!DurableFile::writeObject(historyPath(), history, error))
        return std::nullopt;
    return nowMs;
}

} // namespace tandem
