#include "opcuasecuredrig.h"

#include "opcuaclientrun.h"
#include "opcuapeer.h"
#include "pki/certificatestatus.h"

#include "pki/certificate.h"

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace tandem::test {

opcua::SecuritySetting securitySetting(const QString &text)
{
    QString error;
    const auto parsed = opcua::SecuritySetting::parse(text, &error);
    if (!parsed)
        qFatal("%s", qPrintable(error));
    return *parsed;
}

bool SecuredOpcUaRig::prepare()
{
    if (!m_state.isValid()) {
        qWarning() << "no state directory for the secured rig:" << m_state.errorString();
        return false;
    }
    m_pki = std::make_shared<opcua::LocalPki>(m_state.path(), nullptr);
    const auto own = this->own();
    if (!own)
        return false;
    const QString peersTrust = OpcUaPeer::pkiDir() + QStringLiteral("/PKI/trusted/certs");
    QFile trusted(peersTrust + QStringLiteral("/tandem-test-engine.der"));
    if (!QDir().mkpath(peersTrust) || !trusted.open(QIODevice::WriteOnly) ||
        trusted.write(own->certificate().der()) <= 0) {
        qWarning() << "cannot give the peers Tandem's certificate:" << trusted.errorString();
        return false;
    }
    trusted.close();
    // client.js makes its certificate on its first secured run, also against nothing.
    if (!QFile::exists(clientCertificate()))
        runClient(QStringLiteral("opc.tcp://127.0.0.1:1"),
                  clientWords(QStringLiteral("read i=2267")),
                  {QStringLiteral("--security"), QStringLiteral("Basic256Sha256:Sign")});
    if (!QFile::exists(clientCertificate())) {
        qWarning() << "client.js made no certificate:" << clientCertificate();
        return false;
    }
    return true;
}

std::shared_ptr<const pki::ApplicationCertificate> SecuredOpcUaRig::own() const
{
    QString error;
    auto own = m_pki ? m_pki->own(&error) : nullptr;
    if (!own)
        qWarning() << "no own certificate:" << (m_pki ? error : QStringLiteral("not prepared"));
    return own;
}

bool SecuredOpcUaRig::installOwn(const QString &stateDir) const
{
    const pki::PkiStore from(m_state.path());
    const pki::PkiStore to(stateDir);
    QString error;
    if (!to.ensureLayout(&error)) {
        qWarning() << "cannot install the own certificate:" << error;
        return false;
    }
    for (const auto &[source, target] :
         {std::pair{pki::ApplicationCertificate::certificatePath(from),
                    pki::ApplicationCertificate::certificatePath(to)},
          std::pair{pki::ApplicationCertificate::keyPath(from),
                    pki::ApplicationCertificate::keyPath(to)}}) {
        QFile::remove(target);
        if (!QFile::copy(source, target)) {
            qWarning() << "cannot copy" << source << "to" << target;
            return false;
        }
    }
    return true;
}

QString SecuredOpcUaRig::clientCertificate()
{
    return OpcUaPeer::pkiDir() + QStringLiteral("/client-certificate.der");
}

opcua::ClientSecurity SecuredOpcUaRig::clientSecurity(const opcua::SecuritySetting &setting,
                                                      const opcua::LocalPki *validator) const
{
    opcua::ClientSecurity security;
    security.setting = setting;
    const auto own = this->own();
    if (!own)
        return security;
    security.ownCertificate = own->certificate().der();
    security.ownKey = opcua::AsymmetricKey::fromOpenSsl(own->privateKey().handle());
    if (!validator)
        return security;
    security.checkServerCertificate = [validator,
                                       setting](const QByteArray &certificate,
                                                const opcua::EndpointDescription &endpoint) {
        pki::ValidationOptions options;
        options.peer = pki::PeerRole::Server;
        options.expectedApplicationUri = endpoint.server.applicationUri;
        options.expectedHost = QStringLiteral("127.0.0.1");
        options.minimumKeyBits = setting.securityPolicy().minAsymmetricKeyBits;
        options.maximumKeyBits = setting.securityPolicy().maxAsymmetricKeyBits;
        const pki::ValidationResult result =
            validator->validate(certificate, options, QStringLiteral("pair"), endpoint.endpointUrl);
        return result.isGood()
                   ? opcua::CallStatus{}
                   : opcua::CallStatus{opcua::StatusCode{pki::statusCode(result.status)},
                                       result.message};
    };
    return security;
}

bool SecuredOpcUaRig::trust(const pki::PkiStore &store, const OpcUaPeer &peer)
{
    QString error;
    const auto certificate = pki::Certificate::fromData(peer.certificate(), &error);
    if (!certificate || !store.trustCertificate(*certificate, &error)) {
        qWarning() << "cannot trust the peer" << peer.address() << ':' << error;
        return false;
    }
    return true;
}

bool SecuredOpcUaRig::trustClient(const pki::PkiStore &store)
{
    QString error;
    if (!store.trust(clientCertificate(), &error)) {
        qWarning() << "cannot trust client.js:" << error;
        return false;
    }
    return true;
}

} // namespace tandem::test
