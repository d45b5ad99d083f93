#pragma once

#include <QList>
#include <QString>

#include <sys/types.h>

namespace tandem {

// Who is at the other end of a control connection, as the kernel says (SO_PEERCRED and
// SO_PEERGROUPS), not as the client claims.
struct PeerCredentials
{
    pid_t pid = 0;
    uid_t uid = uid_t(-1);
    gid_t gid = gid_t(-1);
    QList<gid_t> groups; // supplementary groups of the peer process
    bool known = false;  // false: the kernel could not say (then: no role)

    // The peer of a connected AF_UNIX socket.
    static PeerCredentials ofSocket(int fd);
    QString userName() const; // from the password database, else the number
};

// What a control connection may do.
//  - Operator (the group tandem): read status and events, switch pairs, retry mail.
//  - Administrator (root, the user the engine runs as, which for the system service is the
//    service user tandem, or a member of the group tandem-admin): also reset the event
//    history, reload the configuration, apply license changes and change the OPC UA users.
// Anyone else gets nothing (the socket's mode normally keeps them out already).
enum class ControlRole
{
    None,
    Operator,
    Administrator
};

// The group ids the decision depends on, looked up once (-1: no such group here).
struct RoleGroups
{
    uid_t engineUid = uid_t(-1);
    gid_t operatorGid = gid_t(-1); // tandem
    gid_t adminGid = gid_t(-1);    // tandem-admin

    static RoleGroups lookup(); // this process's uid, the groups tandem and tandem-admin
};

// The decision itself, a pure function of the peer's credentials and the groups.
ControlRole controlRole(const PeerCredentials &peer, const RoleGroups &groups);
// The role a control command needs; std::nullopt-like None for an unknown command.
ControlRole requiredRole(const QString &command);
// Changes something (an audit event names who asked); status and flushes do not.
bool isChangingCommand(const QString &command);
QString roleName(ControlRole role); // "operator", "administrator", "none"

} // namespace tandem
