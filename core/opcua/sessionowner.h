#pragma once

// Who a session on a pair's OPC UA proxy acts for, as far as its subscriptions care: a
// subscription may move to another session (TransferSubscriptions, OPC 10000-4 §5.13.7) and
// a session to another secure channel (ActivateSession, §5.6.3) only for the same user.
//  - a user name: the same name, from the same source (the OPC UA users or the pair's own);
//  - an X.509 user certificate: the very same certificate;
//  - anonymous: the same client application (its ApplicationUri), and on a secured channel
//    the same application instance certificate; over a channel without security the
//    ApplicationUri is all a client can show.

#include <QByteArray>
#include <QString>

namespace tandem::opcua {

struct SessionOwner
{
    enum class Kind
    {
        Anonymous,
        UserName,
        Certificate,
    };
    Kind kind = Kind::Anonymous;
    QString user;                 // the user name, or the certificate's subject (for the log)
    bool storeUser = false;       // the name is one of the OPC UA users, not the pair's own
    QByteArray userCertificate;   // DER, for Kind::Certificate
    QString applicationUri;       // of the client (CreateSession's clientDescription)
    QByteArray clientCertificate; // the channel's; empty on a channel without security

    // Good when a session of `caller` may take over what a session of `owner` holds, else
    // BadUserAccessDenied.
    static quint32 mayTakeOver(const SessionOwner &owner, const SessionOwner &caller);
    // Good when a session activated by `before` may be activated as `after` on another
    // secure channel, else BadIdentityChangeNotSupported (another user) or
    // BadSecurityChecksFailed (another application instance certificate).
    static quint32 mayMoveChannel(const SessionOwner &before, const SessionOwner &after);
};

} // namespace tandem::opcua
