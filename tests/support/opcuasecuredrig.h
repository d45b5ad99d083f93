#pragma once

#include "opcua/client.h"
#include "opcua/localpki.h"
#include "opcua/securitypolicy.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace tandem::test {

class OpcUaPeer;

// "POLICY:MODE" with the spec's names, e.g. "Basic256Sha256:SignAndEncrypt"; a test's typo
// is fatal.
opcua::SecuritySetting securitySetting(const QString &text);

// What the tests of secured OPC UA channels share, made once per test process (a key takes
// long under the sanitizers, and node-opcua's first certificate seconds):
// - Tandem's own certificate and key, in a state directory of the rig's: every in-process
//   client and proxy of the test uses it, and installOwn() gives it to each engine's state
//   directory, so no engine makes a key of its own. The OPC UA peers (OpcUaPeer) trust it
//   from their start: node-opcua never files an unknown client certificate during a case.
// - client.js's certificate, the one every secured client.js run of the test presents
//   (OpcUaPeer::pkiDir()/client-certificate.der).
// Call prepare() with QVERIFY from initTestCase(), before any peer starts.
class SecuredOpcUaRig final
{
public:
    bool prepare();

    // A LocalPki on the rig's state directory (own certificate, trust list), posting into
    // nothing; tests that watch its events make their own on stateDir().
    const std::shared_ptr<opcua::LocalPki> &pki() const { return m_pki; }
    QString stateDir() const { return m_state.path(); }
    std::shared_ptr<const pki::ApplicationCertificate> own() const;
    // Copies the own certificate and key into pki/own of another state directory.
    bool installOwn(const QString &stateDir) const;
    // client.js's certificate file (DER).
    static QString clientCertificate();

    // A client secured with `setting` that presents the own certificate. With a validator,
    // the server's certificate is judged by its trust list as the engine judges it (server
    // role, the endpoint's ApplicationUri, host 127.0.0.1, the policy's key sizes); without,
    // any is taken.
    opcua::ClientSecurity clientSecurity(const opcua::SecuritySetting &setting,
                                         const opcua::LocalPki *validator = nullptr) const;

    // Trusts a peer's certificate, or client.js's, in this store.
    static bool trust(const pki::PkiStore &store, const OpcUaPeer &peer);
    static bool trustClient(const pki::PkiStore &store);

private:
    QTemporaryDir m_state;
    std::shared_ptr<opcua::LocalPki> m_pki;
};

} // namespace tandem::test
