#include "clientprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <unistd.h>

namespace tandem {

namespace {
// The inode of the socket whose local port is clientPort and remote port serverPort.
QByteArray socketInode(quint16 clientPort, quint16 serverPort)
{
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile file{QString::fromLatin1(table)};
        if (!file.open(QIODevice::ReadOnly))
            continue;
        file.readLine(); // header
        while (!file.atEnd()) {
            const QList<QByteArray> f = file.readLine().simplified().split(' ');
            // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
            if (f.size() < 10)
                continue;
            const quint16 local = quint16(f[1].mid(f[1].lastIndexOf(':') + 1).toUInt(nullptr, 16));
            const quint16 remote = quint16(f[2].mid(f[2].lastIndexOf(':') + 1).toUInt(nullptr, 16));
            if (local == clientPort && remote == serverPort && f[9] != "0")
                return f[9];
        }
    }
    return {};
}
} // namespace

QString ClientProcess::describe(quint16 clientPort, quint16 serverPort)
{
    const QByteArray inode = socketInode(clientPort, serverPort);
    if (inode.isEmpty())
        return {};
    const QByteArray target = "socket:[" + inode + ']';
    const QDir proc(QStringLiteral("/proc"));
    for (const QString &pid : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!pid.at(0).isDigit())
            continue;
        const QString fdDir = proc.filePath(pid + QStringLiteral("/fd"));
        for (const QString &fd : QDir(fdDir).entryList(QDir::System | QDir::NoDotAndDotDot)) {
            char link[64];
            const QByteArray path = QFile::encodeName(fdDir + QLatin1Char('/') + fd);
            const ssize_t n = ::readlink(path.constData(), link, sizeof link);
            if (n != target.size() || QByteArray(link, n) != target)
                continue;
            QFile cmdline(proc.filePath(pid + QStringLiteral("/cmdline")));
            QString name;
            if (cmdline.open(QIODevice::ReadOnly))
                name = QFileInfo(QString::fromLocal8Bit(cmdline.readAll().split('\0').value(0)))
                           .fileName();
            return QStringLiteral("%1 (%2)").arg(name.isEmpty() ? QStringLiteral("?") : name, pid);
        }
    }
    return {};
}

} // namespace tandem
