#include "durablefile.h"

#include "testhooks.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace tandem::DurableFile {

namespace {

// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DurableFile)
};

QString systemError()
{
    return QString::fromLocal8Bit(strerror(errno));
}

bool syncFolder(const QString &path, QString *error)
{
    const QByteArray folder = QFile::encodeName(QFileInfo(path).absolutePath());
    const int fd = ::open(folder.constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0 || ::fsync(fd) != 0) {
        *error = Tr::tr("cannot sync the folder %1: %2")
                     .arg(QString::fromLocal8Bit(folder), systemError());
        if (fd >= 0)
            ::close(fd);
        return false;
    }
    ::close(fd);
    return true;
}

} // namespace

bool write(const QString &path, const QByteArray &bytes, QString *error)
{
    // A fresh random name, created here and never followed: a link planted at a name
    // known in advance (others may write some of these folders) is never written through.
    QByteArray name;
    int fd = -1;
    for (int attempt = 0; fd < 0 && attempt < 16; ++attempt) {
        name = QFile::encodeName(path) + '.' +
               QByteArray::number(QRandomGenerator::system()->generate64(), 36) + ".writing";
        fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        *error = Tr::tr("cannot write %1: %2").arg(path, systemError());
        return false;
    }
    if (!writeAll(fd, bytes) || ::fsync(fd) != 0) {
        *error = Tr::tr("cannot write %1: %2").arg(path, systemError());
        ::close(fd);
        ::unlink(name.constData());
        return false;
    }
    ::close(fd);
    if (::rename(name.constData(), QFile::encodeName(path).constData()) != 0) {
        *error = Tr::tr("cannot write %1: %2").arg(path, systemError());
        ::unlink(name.constData());
        return false;
    }
    return syncFolder(path, error);
}

bool remove(const QString &path, QString *error)
{
    if (::unlink(QFile::encodeName(path).constData()) != 0 && errno != ENOENT) {
        *error = Tr::tr("cannot remove %1: %2").arg(path, systemError());
        return false;
    }
    return syncFolder(path, error);
}

bool rename(const QString &from, const QString &to, QString *error)
{
    if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0) {
        *error = Tr::tr("cannot rename %1: %2").arg(from, systemError());
        return false;
    }
    return syncFolder(to, error);
}

bool wipe(const QString &path, QString *error)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return true;
        *error = Tr::tr("cannot wipe %1: %2").arg(path, systemError());
        return false;
    }
    const off_t size = ::lseek(fd, 0, SEEK_END);
    ::lseek(fd, 0, SEEK_SET);
    const bool zeroed =
        size <= 0 || (writeAll(fd, QByteArray(qsizetype(size), '\0')) && ::fsync(fd) == 0);
    ::close(fd);
    if (!zeroed) {
        *error = Tr::tr("cannot wipe %1: %2").arg(path, systemError());
        return false;
    }
    return remove(path, error);
}

bool read(const QString &path, QByteArray *bytes, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    *bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        *error = Tr::tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<QJsonObject> readObject(const QString &path, QString *error)
{
    QByteArray bytes;
    if (!read(path, &bytes, error))
        return std::nullopt;
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parse);
    if (!doc.isObject()) {
        *error = Tr::tr("%1 is damaged: %2").arg(path, parse.errorString());
        return std::nullopt;
    }
    return doc.object();
}

bool writeObject(const QString &path, const QJsonObject &object, QString *error)
{
    return write(path, QJsonDocument(object).toJson(QJsonDocument::Indented), error);
}

void checkpoint(const char *point)
{
#if TANDEM_HAS_TEST_HOOKS
    if (TANDEM_TEST_HOOK_VARIABLE("TANDEM_TEST_CRASH_AT") == QLatin1String(point))
        ::raise(SIGKILL);
    if (TANDEM_TEST_HOOK_VARIABLE("TANDEM_TEST_PULL_MEDIA_AT") == QLatin1String(point))
        QDir(TANDEM_TEST_HOOK_VARIABLE("TANDEM_TEST_PULL_MEDIA_DIR")).removeRecursively();
#else
    Q_UNUSED(point)
#endif
}

bool writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

} // namespace tandem::DurableFile
