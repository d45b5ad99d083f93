#include "proxyidentity.h"

#include "asymmetriccrypto.h"
#include "base/logging.h"
#include "binarycodec.h"
#include "localpki.h"
#include "proxycontext.h"
#include "secrets/passwordstore.h"
#include "transport.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QtEndian>

#include <openssl/crypto.h>
#include <openssl/x509.h>

namespace tandem::opcua {

namespace {

const QString AnonymousPolicy = QStringLiteral("anonymous");
const QString UserNamePolicy = QStringLiteral("username");
const QString ClearTextPolicy = QStringLiteral("username-clear-text");
const QString CertificatePolicy = QStringLiteral("x509");

// The policy a password or certificate signature is under on an endpoint of this policy.
const SecurityPolicy &tokenPolicy(const QString &endpointPolicyUri)
{
    const SecurityPolicy *policy = securityPolicyByUri(endpointPolicyUri);
    return policy && !policy->isNone() ? *policy : securityPolicy(SecurityPolicyId::Basic256Sha256);
}

bool sameBytes(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

ProxyIdentity::Verdict refused(quint32 status, const QString &why, bool guessed = false)
{
    ProxyIdentity::Verdict v;
    v.status = status;
    v.why = why;
    v.guessed = guessed;
    return v;
}

} // namespace

QList<UserTokenPolicy> userTokenPolicies(const OpcUaIdentity &identity,
                                         const QString &endpointPolicyUri)
{
    const QString secured = tokenPolicy(endpointPolicyUri).uriString();
    QList<UserTokenPolicy> policies;
    const auto add = [&](const QString &id, UserTokenType type, const QString &uri) {
        UserTokenPolicy p;
        p.policyId = id;
        p.tokenType = type;
        p.securityPolicyUri = uri;
        policies.append(p);
    };
    if (identity.anonymous)
        add(AnonymousPolicy, UserTokenType::Anonymous, QString());
    if (identity.storeUsers || identity.pairUser) {
        add(UserNamePolicy, UserTokenType::UserName, secured);
        if (identity.clearTextFromClients)
            add(ClearTextPolicy, UserTokenType::UserName, SecurityPolicyNone);
    }
    if (identity.certificates)
        add(CertificatePolicy, UserTokenType::Certificate, secured);
    return policies;
}

ProxyIdentity::ProxyIdentity(ProxyContext &context)
    : m_context(context)
{}

ProxyIdentity::~ProxyIdentity() = default;

bool ProxyIdentity::isPasswordToken(const ExtensionObject &token)
{
    return token.typeId == NodeId(0, UserNameIdentityToken::BinaryEncodingId);
}

QByteArray ProxyIdentity::newServerNonce()
{
    QByteArray nonce(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(nonce.data()), 32 / 4);
    return nonce;
}

QByteArray ProxyIdentity::serverCertificate() const
{
    if (!m_context.pki())
        return {};
    QString error;
    const auto own = m_context.pki()->own(&error);
    return own ? own->certificate().der() : QByteArray();
}

QString ProxyIdentity::storeDir() const
{
    if (!m_storeDir.isEmpty() || !m_context.pki())
        return m_storeDir;
    return QFileInfo(m_context.pki()->store().root()).absolutePath();
}

const OpcUaUserStore *ProxyIdentity::users()
{
    const QString dir = storeDir();
    if (dir.isEmpty())
        return nullptr;
    if (!m_users || m_users->filePath() != OpcUaUserStore::pathIn(dir)) {
        m_users = std::make_unique<OpcUaUserStore>(dir);
        m_usersSize = -1;
    }
    // Read again when tandemctl or the console changed it.
    const QFileInfo file(m_users->filePath());
    if (file.lastModified() != m_usersModified || file.size() != m_usersSize) {
        QString error;
        if (!m_users->load(&error))
            qCWarning(lcOpcUa) << "proxy" << m_context.logName()
                               << "keeps the OPC UA users it read before:" << error;
        m_usersModified = file.lastModified();
        m_usersSize = file.size();
    }
    return m_users.get();
}

void ProxyIdentity::check(const ActivateSessionRequest &request, const QByteArray &serverNonce,
                          const QString &channelPolicyUri, const QString &peer, Done done)
{
    const OpcUaIdentity identity = m_context.config().identity();
    const ExtensionObject &token = request.userIdentityToken;
    if (token.typeId.isNull() ||
        token.typeId == NodeId(0, AnonymousIdentityToken::BinaryEncodingId)) {
        done(identity.anonymous ? Verdict{}
                                : refused(Status::BadIdentityTokenRejected,
                                          QStringLiteral("anonymous sessions are not allowed")));
        return;
    }
    if (const auto userName = fromExtensionObject<UserNameIdentityToken>(token)) {
        if (!identity.storeUsers && !identity.pairUser) {
            done(refused(Status::BadIdentityTokenRejected,
                         QStringLiteral("user names are not accepted")));
            return;
        }
        checkUserName(*userName, serverNonce, std::move(done));
        return;
    }
    if (const auto certificate = fromExtensionObject<X509IdentityToken>(token)) {
        if (!identity.certificates) {
            done(refused(Status::BadIdentityTokenRejected,
                         QStringLiteral("user certificates are not accepted")));
            return;
        }
        checkCertificate(*certificate, request.userTokenSignature, serverNonce, channelPolicyUri,
                         peer, std::move(done));
        return;
    }
    done(refused(Status::BadIdentityTokenInvalid,
                 QStringLiteral("an identity token of type %1 is not supported")
                     .arg(token.typeId.toString())));
}

std::optional<QByteArray> ProxyIdentity::password(const UserNameIdentityToken &token,
                                                  const QByteArray &serverNonce, Verdict *refusal)
{
    if (token.encryptionAlgorithm.isEmpty()) {
        if (m_context.config().identity().clearTextFromClients)
            return token.password;
        *refusal = refused(Status::BadIdentityTokenRejected,
                           QStringLiteral("the password was sent in clear text, which the pair "
                                          "does not allow"));
        return std::nullopt;
    }
    // The policy whose asymmetric encryption the token names (OPC 10000-4 §7.41.2.2);
    // PKCS#1 v1.5 (Basic128Rsa15) is not offered.
    const SecurityPolicy *policy = nullptr;
    for (const SecurityPolicy &p : securityPolicies())
        if (!p.isNone() && !p.deprecated &&
            token.encryptionAlgorithm == QLatin1String(p.asymmetricEncryptionUri)) {
            policy = &p;
            break;
        }
    if (!policy) {
        *refusal = refused(Status::BadIdentityTokenInvalid,
                           QStringLiteral("the password is encrypted with %1, which the endpoint "
                                          "does not offer")
                               .arg(token.encryptionAlgorithm));
        return std::nullopt;
    }
    QString error;
    const auto own = m_context.pki() ? m_context.pki()->own(&error) : nullptr;
    if (!own) {
        *refusal = refused(
            Status::BadIdentityTokenInvalid,
            QStringLiteral("no own certificate to decrypt the password with: %1").arg(error));
        refusal->checkFailed = true;
        return std::nullopt;
    }
    CryptoError cryptoError;
    const auto plain =
        asymmetricDecrypt(*policy, AsymmetricKey::fromOpenSsl(own->privateKey().handle()),
                          token.password, &cryptoError);
    // UInt32 length, then the password, then the nonce; the length counts both.
    const auto bad = [&](const QString &why) {
        *refusal = refused(Status::BadIdentityTokenInvalid, why, true);
        return std::nullopt;
    };
    if (!plain)
        return bad(QStringLiteral("the password does not decrypt: %1").arg(cryptoError.toString()));
    if (plain->size() < 4)
        return bad(QStringLiteral("the decrypted password has no length"));
    const quint32 length = qFromLittleEndian<quint32>(plain->constData());
    if (qsizetype(length) != plain->size() - 4 || qsizetype(length) < serverNonce.size())
        return bad(QStringLiteral("the decrypted password's length is wrong"));
    const QByteArray nonce = plain->right(serverNonce.size());
    if (serverNonce.isEmpty() || !sameBytes(nonce, serverNonce))
        return bad(QStringLiteral("the password does not carry the session's server nonce"));
    return plain->mid(4, qsizetype(length) - serverNonce.size());
}

void ProxyIdentity::checkUserName(const UserNameIdentityToken &token, const QByteArray &serverNonce,
                                  Done done)
{
    Verdict refusal;
    const auto secret = password(token, serverNonce, &refusal);
    if (!secret) {
        done(refusal);
        return;
    }
    const PairConfig &config = m_context.config();
    const OpcUaIdentity identity = config.identity();
    const QString name = token.userName;
    const QString pair = config.name;
    const auto finish = [done, name](bool ok, bool storeUser = false) {
        Verdict v;
        v.guessed = true;
        v.user = name;
        v.storeUser = ok && storeUser;
        if (!ok) {
            v.status = Status::BadUserAccessDenied;
            v.why = QStringLiteral("user %1: wrong password, unknown user or not allowed on "
                                   "this pair")
                        .arg(name);
        }
        done(v);
    };
    if (identity.pairUser && !config.user.isEmpty() && name == config.user) {
        const QByteArray password = *secret;
        PasswordStore::read(
            PasswordStore::opcUaKey(config.user), this,
            [done, finish, password](const PasswordStore::Result &r) {
                if (!r.ok) {
                    Verdict v =
                        refused(Status::BadUserAccessDenied,
                                QStringLiteral("the keychain has no password: %1").arg(r.error));
                    v.checkFailed = true;
                    done(v);
                    return;
                }
                finish(sameBytes(r.password.toUtf8(), password));
            });
        return;
    }
    if (!identity.storeUsers) { // only the pair's user, and this is not it
        finish(false);
        return;
    }
    // An unknown user or one not allowed here costs the same check, against a decoy.
    std::optional<OpcUaUser> user;
    if (const OpcUaUserStore *store = users())
        user = store->user(name);
    const bool allowed = user && user->mayLogOnTo(pair);
    verify(allowed ? user->hash : OpcUaUserStore::decoyHash(), *secret,
           [finish, allowed](bool ok) { finish(ok && allowed, true); });
}

bool ProxyIdentity::isOperator(const QString &name)
{
    if (!m_context.config().identity().storeUsers)
        return false;
    const OpcUaUserStore *store = users();
    const std::optional<OpcUaUser> user = store ? store->user(name) : std::nullopt;
    return user && user->isOperator && user->mayLogOnTo(m_context.config().name);
}

void ProxyIdentity::verify(QByteArray hash, QByteArray password, std::function<void(bool)> done)
{
    if (int(m_checks.size()) >= MaxPendingChecks) {
        qCWarning(lcOpcUa) << "proxy" << m_context.logName() << "has" << m_checks.size()
                           << "password checks waiting: refused one more";
        done(false);
        return;
    }
    m_checks.push_back({std::move(hash), std::move(password), std::move(done)});
    runNextCheck();
}

void ProxyIdentity::runNextCheck()
{
    if (m_checks.empty() || m_worker.isBusy())
        return;
    PasswordCheck next = std::move(m_checks.front());
    m_checks.pop_front();
    m_worker.start([this, hash = next.hash, password = next.password, done = next.done] {
        const bool ok = OpcUaUserStore::verifyPassword(hash, password);
        return [this, ok, done] {
            done(ok);
            runNextCheck();
        };
    });
}

void ProxyIdentity::checkCertificate(const X509IdentityToken &token, const SignatureData &signature,
                                     const QByteArray &serverNonce, const QString &channelPolicyUri,
                                     const QString &peer, Done done)
{
    LocalPki *pki = m_context.pki();
    if (!pki) {
        done(refused(Status::BadIdentityTokenRejected,
                     QStringLiteral("no trust list to check user certificates against")));
        return;
    }
    pki::ValidationOptions options;
    options.peer = pki::PeerRole::Client;
    const pki::ValidationResult result =
        pki->validate(token.certificateData, options, m_context.config().name, peer);
    if (!result.isGood()) {
        // What a client may learn (pki::statusForPeer); an unknown certificate is a rejected
        // token rather than a failed channel check.
        const quint32 status = pki::statusCode(pki::statusForPeer(result.status));
        done(refused(status == Status::BadSecurityChecksFailed ? Status::BadIdentityTokenRejected
                                                               : status,
                     QStringLiteral("user certificate refused: %1").arg(result.message)));
        return;
    }
    // The signature over Tandem's certificate and the nonce proves the client holds the
    // certificate's key (OPC 10000-4 §7.41.2.5).
    const SecurityPolicy &policy = tokenPolicy(channelPolicyUri);
    if (!policy.acceptsAsymmetricSignatureUri(signature.algorithm)) {
        done(refused(Status::BadUserSignatureInvalid,
                     QStringLiteral("the user token signature's algorithm %1 is not %2's")
                         .arg(signature.algorithm, policy.nameString())));
        return;
    }
    const QByteArray own = serverCertificate();
    CryptoError error;
    const AsymmetricKey key =
        AsymmetricKey::fromOpenSsl(X509_get0_pubkey(result.certificate->handle()));
    if (own.isEmpty() || serverNonce.isEmpty() ||
        !asymmetricVerify(policy, key, own + serverNonce, signature.signature, &error)) {
        done(refused(
            Status::BadUserSignatureInvalid,
            QStringLiteral("the user token signature does not match: %1").arg(error.toString())));
        return;
    }
    Verdict v;
    v.user = result.certificate->subject();
    done(v);
}

} // namespace tandem::opcua
