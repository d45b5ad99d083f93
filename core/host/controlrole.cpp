#include "controlrole.h"

#include "controlprotocol.h"

#include <grp.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace tandem {

namespace {
gid_t groupId(const char *name)
{
    const struct group *g = ::getgrnam(name);
    return g ? g->gr_gid : gid_t(-1);
}
} // namespace

PeerCredentials PeerCredentials::ofSocket(int fd)
{
    PeerCredentials peer;
    struct ucred cred = {};
    socklen_t length = sizeof cred;
    if (fd < 0 || ::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &length) != 0)
        return peer;
    peer.pid = cred.pid;
    peer.uid = cred.uid;
    peer.gid = cred.gid;
    peer.known = true;
    // The peer process's own supplementary groups (Linux 4.13): what it really is a member
    // of at connect time, not what the group database says later.
    gid_t groups[256];
    length = sizeof groups;
    if (::getsockopt(fd, SOL_SOCKET, SO_PEERGROUPS, groups, &length) == 0) {
        for (socklen_t i = 0; i < length / sizeof(gid_t); ++i)
            peer.groups.append(groups[i]);
    } else if (const struct passwd *pw = ::getpwuid(cred.uid)) {
        // Older kernels, or more groups than fit: the group database's answer.
        int count = 256;
        if (::getgrouplist(pw->pw_name, cred.gid, groups, &count) >= 0)
            for (int i = 0; i < count; ++i)
                peer.groups.append(groups[i]);
    }
    return peer;
}

QString PeerCredentials::userName() const
{
    if (const struct passwd *pw = ::getpwuid(uid))
        return QString::fromLocal8Bit(pw->pw_name);
    return QString::number(uid);
}

RoleGroups RoleGroups::lookup()
{
    return {::geteuid(), groupId("tandem"), groupId("tandem-admin")};
}

ControlRole controlRole(const PeerCredentials &peer, const RoleGroups &groups)
{
    if (!peer.known)
        return ControlRole::None;
    const auto member = [&](gid_t gid) {
        return gid != gid_t(-1) && (peer.gid == gid || peer.groups.contains(gid));
    };
    if (peer.uid == 0 || peer.uid == groups.engineUid || member(groups.adminGid))
        return ControlRole::Administrator;
    if (member(groups.operatorGid))
        return ControlRole::Operator;
    return ControlRole::None;
}

ControlRole requiredRole(const QString &command)
{
    static const QStringList operatorCommands{ControlCommand::Status, ControlCommand::FlushEvents,
                                              ControlCommand::Switch, ControlCommand::MakeActive,
                                              ControlCommand::NotifyRetry};
    static const QStringList adminCommands{
        ControlCommand::ResetEvents, ControlCommand::Reload, ControlCommand::LicenseRefresh,
        ControlCommand::OpcUaUserAdd, ControlCommand::OpcUaUserRemove};
    if (operatorCommands.contains(command))
        return ControlRole::Operator;
    if (adminCommands.contains(command))
        return ControlRole::Administrator;
    return ControlRole::None;
}

bool isChangingCommand(const QString &command)
{
    return requiredRole(command) == ControlRole::Administrator ||
           command == ControlCommand::Switch || command == ControlCommand::MakeActive ||
           command == ControlCommand::NotifyRetry;
}

QString roleName(ControlRole role)
{
    switch (role) {
    case ControlRole::Operator:
        return QStringLiteral("operator");
    case ControlRole::Administrator:
        return QStringLiteral("administrator");
    case ControlRole::None:
        break;
    }
    return QStringLiteral("none");
}

} // namespace tandem
