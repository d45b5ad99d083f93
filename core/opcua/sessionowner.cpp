#include "sessionowner.h"

#include "statuscodes.h"

namespace tandem::opcua {

namespace {

bool sameUser(const SessionOwner &a, const SessionOwner &b)
{
    if (a.kind != b.kind)
        return false;
    switch (a.kind) {
    case SessionOwner::Kind::UserName:
        return a.user == b.user && a.storeUser == b.storeUser;
    case SessionOwner::Kind::Certificate:
        return !a.userCertificate.isEmpty() && a.userCertificate == b.userCertificate;
    case SessionOwner::Kind::Anonymous:
        return true;
    }
    return false;
}

} // namespace

quint32 SessionOwner::mayTakeOver(const SessionOwner &owner, const SessionOwner &caller)
{
    if (!sameUser(owner, caller))
        return Status::BadUserAccessDenied;
    if (owner.kind != Kind::Anonymous)
        return Status::Good;
    // Anonymous: the same client application (OPC 10000-4 §5.13.7), proven by its
    // certificate when the old session's channel was secured.
    if (owner.applicationUri != caller.applicationUri)
        return Status::BadUserAccessDenied;
    if (!owner.clientCertificate.isEmpty() && owner.clientCertificate != caller.clientCertificate)
        return Status::BadUserAccessDenied;
    return Status::Good;
}

quint32 SessionOwner::mayMoveChannel(const SessionOwner &before, const SessionOwner &after)
{
    // The new channel's certificate is the one the session was created with, and the
    // token names the same user (OPC 10000-4 §5.6.3).
    if (before.clientCertificate != after.clientCertificate)
        return Status::BadSecurityChecksFailed;
    if (!sameUser(before, after))
        return Status::BadIdentityChangeNotSupported;
    return Status::Good;
}

} // namespace tandem::opcua
