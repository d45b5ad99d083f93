#include "controlserver.h"

#include "base/enginesocket.h"
#include "base/testhooks.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>

#include <optional>

namespace tandem {

namespace {
// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ControlServer)
};
constexpr qsizetype MaxRequestSize = 64 * 1024;
} // namespace

ControlServer::ControlServer(const QString &stateDir, Handler handler, QObject *parent)
    : QObject(parent)
    , m_path(EngineSocket::pathFor(stateDir))
    , m_handler(std::move(handler))
    , m_server(new QLocalServer(this))
    , m_groups(RoleGroups::lookup())
{
    connect(m_server, &QLocalServer::newConnection, this, &ControlServer::onConnection);
    // Tests cannot switch users: this makes their own connections those of an operator,
    // so that a refused command can be shown end to end.
    if (TANDEM_TEST_HOOK_VARIABLE("TANDEM_TEST_CONTROL_ROLE") == QLatin1String("operator"))
        m_roleCap = ControlRole::Operator;
}

QString ControlServer::refusal(const QString &command, const ControlCaller &caller)
{
    return Tr::tr("'%1' needs the administrator role (root, the user the engine runs as, or a "
                  "member of the group tandem-admin); %2 (uid %3) has the %4 role")
        .arg(command, caller.peer.userName())
        .arg(caller.peer.uid)
        .arg(roleName(caller.role));
}

ControlServer::~ControlServer()
{
    m_server->close();
}

bool ControlServer::listen(QString *error)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    // The system service's state directory is shared with the operators' group (tandem,
    // mode 0770): they may then talk to the engine too. A private directory keeps the
    // socket private.
    const QFileInfo dir(QFileInfo(m_path).absolutePath());
    m_server->setSocketOptions(dir.permissions().testFlag(QFile::WriteGroup)
                                   ? QLocalServer::UserAccessOption |
                                         QLocalServer::GroupAccessOption
                                   : QLocalServer::UserAccessOption);
    // Qt binds a socket with access options elsewhere and renames it into place, over
    // whatever is there: so whether an engine already serves this directory is asked
    // first, and only a socket nobody answers on is replaced.
    if (QFileInfo::exists(m_path)) {
        QLocalSocket probe;
        probe.connectToServer(m_path);
        if (probe.waitForConnected(500)) {
            *error = Tr::tr("another Tandem engine is already running with the state directory %1 "
                            "(socket %2)")
                         .arg(QFileInfo(m_path).absolutePath(), m_path);
            return false;
        }
        if (probe.error() == QLocalSocket::SocketAccessError) {
            // Someone's engine, not ours to talk to: never remove it.
            *error = Tr::tr("another Tandem engine may be running with the state directory %1: "
                            "its socket %2 is not accessible to this user (for the system "
                            "service, join the group tandem)")
                         .arg(QFileInfo(m_path).absolutePath(), m_path);
            return false;
        }
        // Left behind by an engine that crashed: nobody answers, so it is safe to replace.
        QLocalServer::removeServer(m_path);
    }
    if (m_server->listen(m_path))
        return true;
    *error = Tr::tr("cannot open the control socket %1: %2").arg(m_path, m_server->errorString());
    return false;
}

void ControlServer::onConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        ControlCaller caller;
        caller.peer = PeerCredentials::ofSocket(int(socket->socketDescriptor()));
        caller.role = controlRole(caller.peer, m_groups);
        if (caller.role > m_roleCap)
            caller.role = m_roleCap;
        m_callers.insert(socket, caller);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QLocalSocket::disconnected, this, [this, socket] {
            m_callers.remove(socket);
            socket->deleteLater();
        });
    }
}

QJsonObject ControlServer::dispatch(const QJsonObject &request, const ControlCaller &caller)
{
    const QString command = request.value(QLatin1String("command")).toString();
    const ControlRole needed = requiredRole(command);
    if (caller.role == ControlRole::None)
        return {{QStringLiteral("ok"), false},
                {QStringLiteral("error"),
                 Tr::tr("%1 (uid %2) may not use this engine: join the group tandem (or "
                        "tandem-admin)")
                     .arg(caller.peer.userName())
                     .arg(caller.peer.uid)}};
    if (needed != ControlRole::None && caller.role < needed) {
        Q_EMIT commandRefused(command, caller);
        return {{QStringLiteral("ok"), false},
                {QStringLiteral("refused"), true},
                {QStringLiteral("error"), refusal(command, caller)}};
    }
    return m_handler(request, caller);
}

void ControlServer::onReadyRead(QLocalSocket *socket)
{
    while (socket->canReadLine()) {
        const QByteArray line = socket->readLine();
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        QJsonObject answer;
        if (!doc.isObject())
            answer = {{QStringLiteral("ok"), false},
                      {QStringLiteral("error"),
                       Tr::tr("not a JSON object: %1").arg(parseError.errorString())}};
        else
            answer = dispatch(doc.object(), m_callers.value(socket));
        socket->write(QJsonDocument(answer).toJson(QJsonDocument::Compact) + '\n');
    }
    if (socket->bytesAvailable() > MaxRequestSize)
        socket->abort();
}

} // namespace tandem
