// core/opcua/Client over secured channels against real node-opcua servers
// (tests/support/OpcUaPeer with --security): each modern policy in Sign and SignAndEncrypt
// reads, subscribes and renews its token; the server's certificate is judged by Tandem's
// trust list (LocalPki) before the secured channel opens, with the precise status for an
// untrusted, expired or URI-mismatched one; and a byte flipped on the wire closes the
// channel. One server offering every modern policy and mode serves the cases that need no
// server of a kind of their own: the client must pick the endpoint of its setting.
#include "events/event.h"
#include "events/eventlog.h"
#include "opcua/client.h"
#include "opcua/localpki.h"
#include "opcua/opcualink.h"
#include "opcuapeer.h"
#include "opcuasecuredrig.h"
#include "tamperingrelay.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace tandem;
using namespace tandem::opcua;
using tandem::test::OpcUaPeer;
using tandem::test::SecuredOpcUaRig;

Q_DECLARE_METATYPE(tandem::opcua::SecuritySetting)

namespace {

constexpr int WaitMs = 20000;
constexpr quint16 Offset = 900;
const QStringList Modern = {QStringLiteral("Basic256Sha256"),
                            QStringLiteral("Aes128_Sha256_RsaOaep"),
                            QStringLiteral("Aes256_Sha256_RsaPss")};
const QStringList Modes = {QStringLiteral("Sign"), QStringLiteral("SignAndEncrypt")};

NodeId plant(const char *name)
{
    return NodeId(1, QString::fromLatin1(name));
}

template <typename Response> struct Result
{
    std::optional<Response> response;
    CallStatus status;
    bool done = false;

    Client::Callback<Response> callback()
    {
        return [this](const Response &r, const CallStatus &s) {
            response = r;
            status = s;
            done = true;
        };
    }
    bool wait()
    {
        return QTest::qWaitFor([this] { return done; }, WaitMs);
    }
};

// Connects; the reason of a failure in *failure.
bool connectClient(Client &client, const QString &url, QString *failure)
{
    QSignalSpy connected(&client, &Client::connected);
    QSignalSpy failed(&client, &Client::connectFailed);
    client.connectToServer(url, Identity(), true, WaitMs);
    if (!QTest::qWaitFor([&] { return !connected.isEmpty() || !failed.isEmpty(); }, WaitMs + 5000))
        return false;
    if (!failed.isEmpty())
        *failure = failed.first().first().toString();
    return !connected.isEmpty();
}

SecuritySetting setting(const QString &text)
{
    return tandem::test::securitySetting(text);
}

// Every modern policy with every mode, "POLICY:MODE,...".
QString everyModernSetting()
{
    QStringList settings;
    for (const QString &policy : Modern)
        for (const QString &mode : Modes)
            settings << policy + u':' + mode;
    return settings.join(u',');
}

} // namespace

class TestOpcUaSecurity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void securedSession_data();
    void securedSession();
    void untrustedServerIsRefusedUntilTrusted();
    void expiredServerCertificate();
    void uriMismatch();
    void noEndpointWithTheSetting();
    void tamperedMessageClosesTheChannel();
    void linkOpensSecured();
    void linkRefusesDeprecatedUnlessAllowed();
    void linkPinsTheExpectedCertificate();
    void linkWithoutOwnCertificate();

private:
    // An OpcUaLink to peer for the pair "pair", posting into events.
    std::unique_ptr<OpcUaLink> link(const OpcUaPeer &peer, std::shared_ptr<LocalPki> pki);
    // Opens link; the reason of a failure in *failure.
    static bool open(OpcUaLink &link, QString *failure);
    // A client secured with setting, judging certificates by the trust list of `validator`
    // (by default the rig's).
    void secure(Client &client, const SecuritySetting &setting,
                const LocalPki *validator = nullptr) const
    {
        client.setSecurity(
            m_rig.clientSecurity(setting, validator ? validator : m_rig.pki().get()));
    }
    bool trustPeer(const OpcUaPeer &peer) const
    {
        return SecuredOpcUaRig::trust(m_rig.pki()->store(), peer);
    }
    // A state directory with the rig's own certificate, so no case makes a key.
    bool withOwn(const QTemporaryDir &state) const
    {
        return state.isValid() && m_rig.installOwn(state.path());
    }

    SecuredOpcUaRig m_rig;
    OpcUaPeer m_peer; // every modern policy and mode, trusted in the rig's list
};

void TestOpcUaSecurity::initTestCase()
{
    QVERIFY(m_rig.prepare());
    QVERIFY(m_peer.start({.offset = Offset, .security = everyModernSetting()}));
    QVERIFY(trustPeer(m_peer));
}

void TestOpcUaSecurity::securedSession_data()
{
    QTest::addColumn<QString>("setting");
    for (const QString &policy : Modern)
        for (const QString &mode : Modes) {
            const QString text = policy + u':' + mode;
            QTest::newRow(qPrintable(text)) << text;
        }
}

void TestOpcUaSecurity::securedSession()
{
    QFETCH(QString, setting);
    Client client;
    secure(client, ::setting(setting));
    client.setRequestedTokenLifetime(1500);
    QString failure;
    QVERIFY2(connectClient(client, m_peer.url(), &failure), qPrintable(failure));
    // Of the six endpoints, the one of its setting.
    QCOMPARE(client.endpoint().securityMode, ::setting(setting).mode);
    QCOMPARE(client.endpoint().securityPolicyUri, ::setting(setting).securityPolicy().uriString());

    Result<ReadResponse> read;
    client.read({ReadValueId::value(plant("Offset"))}, read.callback());
    QVERIFY(read.wait());
    QVERIFY2(read.status.isGood(), qPrintable(read.status.message));
    QCOMPARE(read.response->results[0].value->toDouble(), double(Offset));

    CreateSubscriptionRequest request;
    request.requestedPublishingInterval = 50;
    request.requestedMaxKeepAliveCount = 5;
    Result<CreateSubscriptionResponse> subscription;
    client.createSubscription(request, subscription.callback());
    QVERIFY(subscription.wait());
    QVERIFY2(subscription.status.isGood(), qPrintable(subscription.status.message));
    QSignalSpy changes(&client, &Client::dataChange);
    MonitoredItemCreateRequest counter;
    counter.itemToMonitor.nodeId = plant("Counter");
    counter.requestedParameters.clientHandle = 3;
    counter.requestedParameters.queueSize = 100;
    Result<CreateMonitoredItemsResponse> items;
    client.createMonitoredItems(subscription.response->subscriptionId, {counter}, items.callback());
    QVERIFY(items.wait());
    QVERIFY2(items.status.isGood(), qPrintable(items.status.message));

    // Two renewals with new keys while notifications keep coming.
    QSignalSpy renewed(&client, &Client::tokenRenewed);
    QVERIFY(renewed.wait(WaitMs));
    QVERIFY(renewed.wait(WaitMs));
    const qsizetype before = changes.size();
    QTRY_VERIFY_WITH_TIMEOUT(changes.size() >= before + 5, WaitMs);
    Result<ReadResponse> again;
    client.read({ReadValueId::value(plant("Offset"))}, again.callback());
    QVERIFY(again.wait());
    QVERIFY2(again.status.isGood(), qPrintable(again.status.message));
    QCOMPARE(client.state(), Client::State::SessionOpen);
}

void TestOpcUaSecurity::untrustedServerIsRefusedUntilTrusted()
{
    // A fresh trust list: the peer's certificate is not in it.
    QTemporaryDir state;
    QVERIFY(withOwn(state));
    LocalPki fresh(state.path(), nullptr);
    OpcUaPeer &peer = m_peer;
    {
        Client client;
        secure(client, setting(QStringLiteral("Basic256Sha256:SignAndEncrypt")), &fresh);
        QString failure;
        QVERIFY(!connectClient(client, peer.url(), &failure));
        QCOMPARE(client.failureStatus().code, Status::BadCertificateUntrusted);
        QVERIFY2(failure.contains(QStringLiteral("BadCertificateUntrusted")) ||
                     failure.contains(QStringLiteral("not trusted")),
                 qPrintable(failure));
    }
    const QStringList rejected =
        QDir(fresh.store().path(pki::PkiStore::Folder::RejectedCerts)).entryList(QDir::Files);
    QCOMPARE(rejected.size(), 1);
    QString error;
    const auto certificate = pki::Certificate::fromData(peer.certificate(), &error);
    QVERIFY(certificate);
    QVERIFY2(fresh.store().trust(certificate->thumbprint(), &error), qPrintable(error));
    Client client;
    secure(client, setting(QStringLiteral("Basic256Sha256:SignAndEncrypt")), &fresh);
    QString failure;
    QVERIFY2(connectClient(client, peer.url(), &failure), qPrintable(failure));
}

void TestOpcUaSecurity::expiredServerCertificate()
{
    OpcUaPeer peer;
    QVERIFY(peer.start({.security = QStringLiteral("Aes128_Sha256_RsaOaep:Sign"),
                        .certificateKind = QStringLiteral("expired")}));
    QVERIFY(trustPeer(peer)); // trusted, yet out of its validity period
    Client client;
    secure(client, setting(QStringLiteral("Aes128_Sha256_RsaOaep:Sign")));
    QString failure;
    QVERIFY(!connectClient(client, peer.url(), &failure));
    QCOMPARE(client.failureStatus().code, Status::BadCertificateTimeInvalid);
}

void TestOpcUaSecurity::uriMismatch()
{
    OpcUaPeer peer;
    QVERIFY(peer.start({.security = QStringLiteral("Basic256Sha256:Sign"),
                        .certificateKind = QStringLiteral("uri-mismatch")}));
    QVERIFY(trustPeer(peer));
    Client client;
    secure(client, setting(QStringLiteral("Basic256Sha256:Sign")));
    QString failure;
    QVERIFY(!connectClient(client, peer.url(), &failure));
    QCOMPARE(client.failureStatus().code, Status::BadCertificateUriInvalid);
}

void TestOpcUaSecurity::noEndpointWithTheSetting()
{
    OpcUaPeer peer;
    QVERIFY(peer.start({.security = QStringLiteral("Aes256_Sha256_RsaPss:Sign")}));
    Client client;
    secure(client, setting(QStringLiteral("Basic256Sha256:SignAndEncrypt")));
    QString failure;
    QVERIFY(!connectClient(client, peer.url(), &failure));
    QCOMPARE(client.failureStatus().code, Status::BadSecurityPolicyRejected);
    QVERIFY2(failure.contains(QStringLiteral("Aes256_Sha256_RsaPss:Sign")), qPrintable(failure));
}

void TestOpcUaSecurity::tamperedMessageClosesTheChannel()
{
    test::TamperingRelay relay(m_peer.port(), test::TamperingRelay::Direction::FromServer);
    Client client;
    secure(client, setting(QStringLiteral("Basic256Sha256:SignAndEncrypt")));
    QString failure;
    // The flip hits the secured channel's first answer after its OPN: CreateSession.
    QVERIFY(!connectClient(client, QStringLiteral("opc.tcp://127.0.0.1:%1").arg(relay.port()),
                           &failure));
    QVERIFY(relay.tampered());
    QCOMPARE(client.failureStatus().code, Status::BadSecurityChecksFailed);
}

std::unique_ptr<OpcUaLink> TestOpcUaSecurity::link(const OpcUaPeer &peer,
                                                   std::shared_ptr<LocalPki> pki)
{
    MachineAddress machine{QStringLiteral("127.0.0.1"), peer.port(), QString()};
    auto link = std::make_unique<OpcUaLink>(machine, QString());
    link->setPki(std::move(pki));
    link->setPairName(QStringLiteral("pair"));
    return link;
}

bool TestOpcUaSecurity::open(OpcUaLink &link, QString *failure)
{
    QSignalSpy opened(&link, &ServerLink::opened);
    QSignalSpy failed(&link, &ServerLink::openFailed);
    link.open(WaitMs);
    if (!QTest::qWaitFor([&] { return !opened.isEmpty() || !failed.isEmpty(); }, WaitMs + 5000))
        return false;
    if (!failed.isEmpty())
        *failure = failed.first().first().toString();
    return !opened.isEmpty();
}

namespace {
QStringList postedIds(const QSignalSpy &spy)
{
    QStringList ids;
    for (const QList<QVariant> &args : spy)
        ids << args.first().value<Event>().id;
    return ids;
}
} // namespace

void TestOpcUaSecurity::linkOpensSecured()
{
    const OpcUaPeer &peer = m_peer;
    QTemporaryDir state;
    QVERIFY(withOwn(state));
    EventLog events;
    QSignalSpy posted(&events, &EventLog::eventPosted);
    auto pki = std::make_shared<LocalPki>(state.path(), &events);
    auto link = this->link(peer, pki);
    link->setSecurity(setting(QStringLiteral("Aes256_Sha256_RsaPss:SignAndEncrypt")), QString(),
                      false, false);
    // First attempt: the server is unknown, refused and posted.
    QString failure;
    QVERIFY(!open(*link, &failure));
    QVERIFY2(failure.contains(QStringLiteral("BadCertificateUntrusted")) ||
                 failure.contains(QStringLiteral("trust")),
             qPrintable(failure));
    QVERIFY(postedIds(posted).contains(QStringLiteral("certificate-rejected")));
    QString error;
    const auto certificate = pki::Certificate::fromData(peer.certificate(), &error);
    QVERIFY(certificate);
    QVERIFY(pki->store().trust(certificate->thumbprint(), &error));
    QVERIFY2(open(*link, &failure), qPrintable(failure));
    QCOMPARE(link->client()->endpoint().securityMode, MessageSecurityMode::SignAndEncrypt);
    QSignalSpy status(link.get(), &ServerLink::statusReceived);
    link->queryStatus(WaitMs);
    QVERIFY(status.wait(WaitMs));
    QVERIFY2(status.first().at(0).toBool(), qPrintable(status.first().at(2).toString()));
    QVERIFY(!postedIds(posted).contains(QStringLiteral("deprecated-policy")));
}

void TestOpcUaSecurity::linkRefusesDeprecatedUnlessAllowed()
{
    OpcUaPeer peer;
    QVERIFY(peer.start({.security = QStringLiteral("Basic256:SignAndEncrypt")}));
    QTemporaryDir state;
    QVERIFY(withOwn(state));
    EventLog events;
    QSignalSpy posted(&events, &EventLog::eventPosted);
    auto pki = std::make_shared<LocalPki>(state.path(), &events);
    QString error;
    const auto certificate = pki::Certificate::fromData(peer.certificate(), &error);
    QVERIFY(certificate);
    QVERIFY(pki->store().trustCertificate(*certificate, &error));
    auto link = this->link(peer, pki);
    link->setSecurity(setting(QStringLiteral("Basic256:SignAndEncrypt")), QString(), false, false);
    QString failure;
    QVERIFY(!open(*link, &failure));
    QVERIFY2(failure.contains(QStringLiteral("deprecated")), qPrintable(failure));
    link->setSecurity(setting(QStringLiteral("Basic256:SignAndEncrypt")), QString(), true, false);
    QVERIFY2(open(*link, &failure), qPrintable(failure));
    QCOMPARE(postedIds(posted).count(QStringLiteral("deprecated-policy")), 1);
}

void TestOpcUaSecurity::linkPinsTheExpectedCertificate()
{
    const OpcUaPeer &peer = m_peer;
    QTemporaryDir state;
    QVERIFY(withOwn(state));
    auto pki = std::make_shared<LocalPki>(state.path(), nullptr);
    QString error;
    const auto certificate = pki::Certificate::fromData(peer.certificate(), &error);
    QVERIFY(certificate);
    QVERIFY(pki->store().trustCertificate(*certificate, &error));
    auto link = this->link(peer, pki);
    const QString other = QString(40, QLatin1Char('A'));
    link->setSecurity(setting(QStringLiteral("Basic256Sha256:Sign")), other, false, false);
    QString failure;
    QVERIFY(!open(*link, &failure));
    QVERIFY2(failure.contains(other) && failure.contains(certificate->thumbprint()),
             qPrintable(failure));
    link->setSecurity(setting(QStringLiteral("Basic256Sha256:Sign")),
                      certificate->thumbprint().toLower(), false, false);
    QVERIFY2(open(*link, &failure), qPrintable(failure));
}

void TestOpcUaSecurity::linkWithoutOwnCertificate()
{
    // A state directory the own certificate cannot be written into.
    QTemporaryDir state;
    QFile blocker(state.path() + QStringLiteral("/pki"));
    QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the pki folder would be
    blocker.close();
    EventLog events;
    QSignalSpy posted(&events, &EventLog::eventPosted);
    auto pki = std::make_shared<LocalPki>(state.path(), &events);
    MachineAddress machine{QStringLiteral("127.0.0.1"), 1, QString()};
    OpcUaLink link(machine, QString());
    link.setPki(pki);
    link.setPairName(QStringLiteral("pair"));
    link.setSecurity(setting(QStringLiteral("Basic256Sha256:Sign")), QString(), false, false);
    QString failure;
    QVERIFY(!open(link, &failure));
    QVERIFY2(failure.contains(QStringLiteral("own certificate")), qPrintable(failure));
    QCOMPARE(postedIds(posted), QStringList{QStringLiteral("certificate-unavailable")});
}

QTEST_GUILESS_MAIN(TestOpcUaSecurity)
#include "tst_opcuasecurity.moc"
