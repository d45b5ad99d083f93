#pragma once

// Who a client is on a pair's OPC UA proxy: the userIdentityToken of ActivateSession
// (OPC 10000-4 §5.6.3, §7.41) checked against what the pair accepts (OpcUaIdentity):
//  - anonymous, only when allowed;
//  - a user name whose password the client encrypted with Tandem's own certificate
//    (§7.41.2.2: length, password and the server nonce the session issued, under the
//    token policy's asymmetric encryption), checked against the OPC UA users of the state
//    directory (OpcUaUserStore; Argon2id on a Worker, one check at a time, never on the
//    engine's thread) or the pair's own user and keychain password; a password sent in
//    clear only when the pair allows it;
//  - an X.509 user certificate trusted in pki/ (LocalPki::validate as a client), with a
//    userTokenSignature over Tandem's certificate and the server nonce (§7.41.2.5).
// A wrong password, an unknown user and a user not allowed on the pair get the same
// BadUserAccessDenied, after the same work, so nothing tells them apart.

#include "base/worker.h"
#include "config/opcuaidentity.h"
#include "opcuauserstore.h"
#include "services.h"

#include <QDateTime>
#include <QObject>

#include <deque>
#include <functional>

namespace tandem::opcua {

class ProxyContext;

// The user token policies of an endpoint of this security policy: exactly what identity
// accepts. A password or a certificate signature is under the endpoint's policy, or
// Basic256Sha256 when the endpoint's is None, so a password never needs to be sent in
// clear; a policy of its own (None) is listed for clear-text passwords when allowed.
QList<UserTokenPolicy> userTokenPolicies(const OpcUaIdentity &identity,
                                         const QString &endpointPolicyUri);

class ProxyIdentity final : public QObject
{
    Q_OBJECT

public:
    struct Verdict
    {
        quint32 status = 0;     // Good, or what the client is answered
        QString why;            // for the log
        QString user;           // who logged on; empty: anonymous
        bool storeUser = false; // user is one of the OPC UA users (OpcUaUserStore)
        // A password was checked (LoginThrottle counts it when it failed), as opposed to
        // a token refused before any check or a check that could not run (no keychain).
        bool guessed = false;
        bool checkFailed = false; // the check could not run: not the client's fault
    };
    using Done = std::function<void(const Verdict &)>;
    // Password checks waiting for the Worker; more are refused at once (not counted).
    static constexpr int MaxPendingChecks = 64;

    explicit ProxyIdentity(ProxyContext &context);
    ~ProxyIdentity() override;

    // The folder of opcua-users.json: the state directory of the context's pki, or this.
    void setUserStoreDir(const QString &stateDir) { m_storeDir = stateDir; }

    // True for a UserNameIdentityToken: a guess LoginThrottle must allow first.
    static bool isPasswordToken(const ExtensionObject &token);
    // The nonce a session issues (CreateSession, ActivateSession): 32 random bytes, which
    // an encrypted password and a user token signature must carry back.
    static QByteArray newServerNonce();
    // Tandem's own certificate (DER) for CreateSessionResponse.serverCertificate and the
    // endpoints; empty without a pki.
    QByteArray serverCertificate() const;

    // True when name is an OPC UA user of the store that may log on to the pair and is an
    // operator, as the store says now (a changed file counts at once).
    bool isOperator(const QString &name);

    // Checks request's token for a session whose last nonce was serverNonce, on a channel of
    // channelPolicyUri; done is called once, now or later (never after this is destroyed).
    void check(const ActivateSessionRequest &request, const QByteArray &serverNonce,
               const QString &channelPolicyUri, const QString &peer, Done done);

private:
    struct PasswordCheck
    {
        QByteArray hash;
        QByteArray password;
        std::function<void(bool)> done;
    };
    void checkUserName(const UserNameIdentityToken &token, const QByteArray &serverNonce,
                       Done done);
    void checkCertificate(const X509IdentityToken &token, const SignatureData &signature,
                          const QByteArray &serverNonce, const QString &channelPolicyUri,
                          const QString &peer, Done done);
    // The password in the token: decrypted and its nonce checked, or in clear.
    std::optional<QByteArray> password(const UserNameIdentityToken &token,
                                       const QByteArray &serverNonce, Verdict *refusal);
    void verify(QByteArray hash, QByteArray password, std::function<void(bool)> done);
    void runNextCheck();
    const OpcUaUserStore *users();
    QString storeDir() const;

    ProxyContext &m_context;
    QString m_storeDir;
    std::unique_ptr<OpcUaUserStore> m_users;
    QDateTime m_usersModified;
    qint64 m_usersSize = -1;
    std::deque<PasswordCheck> m_checks;
    Worker m_worker; // last: destroyed (waiting for its job) first
};

} // namespace tandem::opcua
