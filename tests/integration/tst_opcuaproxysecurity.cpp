// The pair's OPC UA endpoint secured (OpcUaProxy in-process, no servers behind it: the
// nodes it answers itself are enough) under an unmodified node-opcua client (client.js
// --security): each modern policy in Sign and SignAndEncrypt lists its endpoints with the
// own certificate and opens a session whose signatures both sides check; a client
// certificate the trust list does not hold is refused and lands in rejected/; a byte
// flipped on the way to the proxy closes the channel.
#include "events/event.h"
#include "events/eventlog.h"
#include "opcua/client.h"
#include "opcua/localpki.h"
#include "opcua/opcuaproxy.h"
#include "opcuaclientrun.h"
#include "opcuapeer.h"
#include "opcuasecuredrig.h"
#include "tamperingrelay.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem;
using namespace tandem::opcua;
using namespace tandem::test;

namespace {

SecuritySetting setting(const QString &text)
{
    return securitySetting(text);
}

// client.js; the event loop runs meanwhile, so the in-process proxy answers it.
ClientResult runAlongside(const QString &url, const QString &operations, const QStringList &options)
{
    return runClient(url, clientWords(operations), options);
}

QStringList postedIds(const QSignalSpy &spy)
{
    QStringList ids;
    for (const QList<QVariant> &args : spy)
        ids << args.first().value<Event>().id;
    return ids;
}

} // namespace

class TestOpcUaProxySecurity final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void endpointsListEachSetting();
    void securedSession_data();
    void securedSession();
    void untrustedClientIsRefused();
    void tamperedMessageClosesTheChannel();
    void tandemClientRenewsItsToken();

private:
    // client.js's options for setting.
    static QStringList clientOptions(const QString &setting);
    // Trusts client.js's certificate (the rig's).
    bool trustClient() const { return SecuredOpcUaRig::trustClient(m_pki->store()); }
    QString url() const;

    SecuredOpcUaRig m_rig;
    QTemporaryDir m_state; // the proxy's, with the rig's own certificate
    EventLog m_events;
    std::shared_ptr<LocalPki> m_pki;
    std::unique_ptr<OpcUaProxy> m_proxy;
};

void TestOpcUaProxySecurity::initTestCase()
{
    QVERIFY(m_rig.prepare());
    QVERIFY(m_state.isValid() && m_rig.installOwn(m_state.path()));
    m_pki = std::make_shared<LocalPki>(m_state.path(), &m_events);
    QString error;
    QVERIFY2(m_pki->own(&error), qPrintable(error));
}

void TestOpcUaProxySecurity::init()
{
    Endpoint endpoint;
    endpoint.host = QStringLiteral("127.0.0.1");
    endpoint.path = QStringLiteral("/line1");
    m_proxy = std::make_unique<OpcUaProxy>(nullptr, endpoint, &m_events);
    m_proxy->setPki(m_pki);
    PairConfig config;
    config.name = QStringLiteral("line1");
    m_proxy->setConfig(config);
    QString error;
    QVERIFY2(m_proxy->listen(&error), qPrintable(error));
}

void TestOpcUaProxySecurity::cleanup()
{
    m_proxy.reset();
}

QString TestOpcUaProxySecurity::url() const
{
    return QStringLiteral("opc.tcp://127.0.0.1:%1/line1").arg(m_proxy->port());
}

QStringList TestOpcUaProxySecurity::clientOptions(const QString &setting)
{
    return {QStringLiteral("--security"), setting};
}

void TestOpcUaProxySecurity::endpointsListEachSetting()
{
    m_proxy->setListenSecurity({setting(QStringLiteral("Basic256Sha256:SignAndEncrypt")),
                                setting(QStringLiteral("Aes256_Sha256_RsaPss:Sign"))});
    // Tandem's own client asks the endpoints on an unsecured channel, as any client must
    // before it knows the certificate; None itself is not offered.
    Client client;
    QSignalSpy connected(&client, &Client::connected);
    client.connectToServer(url(), Identity(), false, 10000);
    QVERIFY(connected.wait(10000));
    GetEndpointsResponse endpoints;
    bool done = false;
    client.getEndpoints(url(), [&](const GetEndpointsResponse &r, const CallStatus &s) {
        QVERIFY(s.isGood());
        endpoints = r;
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(endpoints.endpoints.size(), 2);
    QString error;
    const auto own = m_pki->own(&error);
    for (const EndpointDescription &e : endpoints.endpoints) {
        QCOMPARE(e.serverCertificate, own->certificate().der());
        QCOMPARE(e.server.applicationUri, own->applicationUri());
    }
    QCOMPARE(endpoints.endpoints[0].securityMode, MessageSecurityMode::SignAndEncrypt);
    QCOMPARE(endpoints.endpoints[1].securityPolicyUri,
             securityPolicy(SecurityPolicyId::Aes256_Sha256_RsaPss).uriString());
    // SignAndEncrypt ranks above Sign.
    QVERIFY(endpoints.endpoints[0].securityLevel > endpoints.endpoints[1].securityLevel);
    // A session over the unsecured discovery channel is refused.
    CreateSessionRequest request;
    request.clientNonce = QByteArray(32, 'n');
    bool refused = false;
    client.call<CreateSessionResponse>(
        request, [&](const CreateSessionResponse &, const CallStatus &s) {
            refused = s.status.code == Status::BadSecurityPolicyRejected;
            done = false;
        });
    QTRY_VERIFY(!done);
    QVERIFY(refused);
}

void TestOpcUaProxySecurity::securedSession_data()
{
    QTest::addColumn<QString>("setting");
    for (const char *policy : {"Basic256Sha256", "Aes128_Sha256_RsaOaep", "Aes256_Sha256_RsaPss"})
        for (const char *mode : {"Sign", "SignAndEncrypt"}) {
            const QString text =
                QStringLiteral("%1:%2").arg(QLatin1String(policy), QLatin1String(mode));
            QTest::newRow(qPrintable(text)) << text;
        }
}

void TestOpcUaProxySecurity::securedSession()
{
    QFETCH(QString, setting);
    QVERIFY(trustClient());
    m_proxy->setListenSecurity({::setting(setting)});
    const ClientResult result = runAlongside(
        url(), QStringLiteral("read i=2267 read-server-status"), clientOptions(setting));
    QVERIFY2(result.exitCode == 0, qPrintable(result.dump()));
    QCOMPARE(result.line(0).value(QLatin1String("status")).toString(), QStringLiteral("Good"));
    QCOMPARE(result.line(1).value(QLatin1String("state")).toString(), QStringLiteral("Running"));
}

void TestOpcUaProxySecurity::untrustedClientIsRefused()
{
    QTemporaryDir otherClient; // a client.js with a certificate of its own, not trusted
    m_proxy->setListenSecurity({setting(QStringLiteral("Basic256Sha256:SignAndEncrypt"))});
    QSignalSpy posted(&m_events, &EventLog::eventPosted);
    const ClientResult result =
        runAlongside(url(), QStringLiteral("read i=2267"),
                     {QStringLiteral("--pki"), otherClient.path(), QStringLiteral("--security"),
                      QStringLiteral("Basic256Sha256:SignAndEncrypt")});
    QVERIFY2(result.exitCode == 1, qPrintable(result.dump()));
    // The client learns only BadSecurityChecksFailed (OPC 10000-4 Table 106); the event
    // and the rejected copy name the precise reason.
    const QStringList ids = postedIds(posted);
    QVERIFY2(ids.contains(QStringLiteral("certificate-rejected")), qPrintable(ids.join(u',')));
    bool untrusted = false;
    for (const QList<QVariant> &args : posted) {
        const Event event = args.first().value<Event>();
        if (event.id == QLatin1String("certificate-rejected"))
            untrusted = event.text.contains(QStringLiteral("BadCertificateUntrusted"));
    }
    QVERIFY(untrusted);
    QFile der(otherClient.path() + QStringLiteral("/client-certificate.der"));
    QVERIFY(der.open(QIODevice::ReadOnly));
    QString error;
    const auto certificate = pki::Certificate::fromData(der.readAll(), &error);
    QVERIFY(certificate);
    QVERIFY(m_pki->store().find(pki::PkiStore::List::Rejected, certificate->thumbprint()));
    // Trusted, it gets in.
    QVERIFY(m_pki->store().trust(certificate->thumbprint(), &error));
    const ClientResult again =
        runAlongside(url(), QStringLiteral("read i=2267"),
                     {QStringLiteral("--pki"), otherClient.path(), QStringLiteral("--security"),
                      QStringLiteral("Basic256Sha256:SignAndEncrypt")});
    QVERIFY2(again.exitCode == 0, qPrintable(again.dump()));
}

void TestOpcUaProxySecurity::tamperedMessageClosesTheChannel()
{
    QVERIFY(trustClient());
    m_proxy->setListenSecurity({setting(QStringLiteral("Aes128_Sha256_RsaOaep:SignAndEncrypt"))});
    // Unarmed, the relay changes nothing: the same run succeeds.
    TamperingRelay clean(m_proxy->port(), TamperingRelay::Direction::FromClient, false);
    const QString options = QStringLiteral("Aes128_Sha256_RsaOaep:SignAndEncrypt");
    const ClientResult ok =
        runAlongside(QStringLiteral("opc.tcp://127.0.0.1:%1/line1").arg(clean.port()),
                     QStringLiteral("read i=2267"), clientOptions(options));
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.dump()));

    TamperingRelay relay(m_proxy->port(), TamperingRelay::Direction::FromClient);
    const ClientResult result =
        runAlongside(QStringLiteral("opc.tcp://127.0.0.1:%1/line1").arg(relay.port()),
                     QStringLiteral("read i=2267"), clientOptions(options));
    QVERIFY(relay.tampered());
    QVERIFY2(result.exitCode == 1, qPrintable(result.dump()));
    QTRY_COMPARE(m_proxy->clientCount(), 0);
    QCOMPARE(m_proxy->sessionCount(), 0);
}

void TestOpcUaProxySecurity::tandemClientRenewsItsToken()
{
    // Tandem on both ends: the proxy's side of a renewal (new keys from new nonces, the old
    // token until the client switched) under the strongest policy.
    const QString text = QStringLiteral("Aes256_Sha256_RsaPss:SignAndEncrypt");
    m_proxy->setListenSecurity({setting(text)});
    // The client presents the rig's certificate, the proxy's own too.
    const auto own = m_rig.own();
    QVERIFY(own);
    QString error;
    QVERIFY(m_pki->store().trustCertificate(own->certificate(), &error));
    Client client;
    client.setSecurity(m_rig.clientSecurity(setting(text)));
    client.setRequestedTokenLifetime(1000); // the proxy revises it to its minimum of 10 s
    QSignalSpy connected(&client, &Client::connected);
    QSignalSpy failed(&client, &Client::connectFailed);
    client.connectToServer(url(), Identity(), true, 10000);
    QVERIFY(QTest::qWaitFor([&] { return !connected.isEmpty() || !failed.isEmpty(); }, 15000));
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QCOMPARE(m_proxy->sessionCount(), 1);
    const quint32 first = client.securityToken().tokenId;
    QSignalSpy renewed(&client, &Client::tokenRenewed);
    QVERIFY(renewed.wait(15000));
    QVERIFY(client.securityToken().tokenId != first);
    bool done = false;
    CallStatus status;
    client.read({ReadValueId::value(NodeId(0, Id::ServiceLevel))},
                [&](const ReadResponse &, const CallStatus &s) {
                    status = s;
                    done = true;
                });
    QTRY_VERIFY(done);
    QVERIFY2(status.isGood(), qPrintable(status.message));
}

QTEST_GUILESS_MAIN(TestOpcUaProxySecurity)
#include "tst_opcuaproxysecurity.moc"
