#include "enginesocket.h"

#include <QDir>
#include <QLocalSocket>

namespace tandem::EngineSocket {

QString pathFor(const QString &stateDir)
{
    return QDir(stateDir).filePath(QStringLiteral("engine.sock"));
}

bool isRunning(const QString &stateDir)
{
    QLocalSocket socket;
    socket.connectToServer(pathFor(stateDir));
    // A socket this user may not open still belongs to a running engine (the system
    // service's, to someone outside its group): it is not free to take over.
    return socket.waitForConnected(300) || socket.error() == QLocalSocket::SocketAccessError;
}

} // namespace tandem::EngineSocket
