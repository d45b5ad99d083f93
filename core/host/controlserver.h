#pragma once

#include "controlclient.h" // the other end, for those who include this header for both
#include "controlrole.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <functional>

class QLocalServer;
class QLocalSocket;

namespace tandem {

// Who sent a control command: the kernel's word on the peer, and the role it gives.
struct ControlCaller
{
    PeerCredentials peer;
    ControlRole role = ControlRole::None;
};

// The engine's control channel: a local socket in the state directory speaking one JSON
// object per line. tandemctl and the console ask it for live state and send commands.
// Every connection's peer is identified (SO_PEERCRED) when it connects; a command that
// needs more than the peer's role (controlrole.h) is refused with an error naming both.
class ControlServer final : public QObject
{
    Q_OBJECT

public:
    using Handler =
        std::function<QJsonObject(const QJsonObject &request, const ControlCaller &caller)>;

    ControlServer(const QString &stateDir, Handler handler, QObject *parent = nullptr);
    ~ControlServer() override;

    // Fails when another live engine already serves this state directory.
    bool listen(QString *error);
    QString socketPath() const { return m_path; }

    // The answer to a command `caller` may not give (also what tandemctl prints).
    static QString refusal(const QString &command, const ControlCaller &caller);

Q_SIGNALS:
    // A command refused for its role (the engine records who tried).
    void commandRefused(const QString &command, const tandem::ControlCaller &caller);

private:
    void onConnection();
    void onReadyRead(QLocalSocket *socket);
    QJsonObject dispatch(const QJsonObject &request, const ControlCaller &caller);

    QString m_path;
    Handler m_handler;
    QLocalServer *m_server;
    RoleGroups m_groups;
    QHash<QLocalSocket *, ControlCaller> m_callers;
    ControlRole m_roleCap = ControlRole::Administrator; // tests: every peer an operator
};

} // namespace tandem
