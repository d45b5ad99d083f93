#include "opcualink.h"

#include "base/logging.h"
#include "localpki.h"
#include "pki/certificatestatus.h"
#include "secrets/passwordstore.h"

#include <cmath>

namespace tandem::opcua {

namespace {

// Four round trips (Hello, OpenSecureChannel, CreateSession, ActivateSession) and a
// server that may take its time to create a session: more than one status timeout.
constexpr int MinOpenTimeoutMs = 2000;
constexpr int CloseWaitMs = 2000;
constexpr int KeepAlivePeriodMs = 10000;

enum StatusHandle : quint32
{
    StateHandle = 1,
    SecondsTillShutdownHandle = 2,
    ServiceLevelHandle = 3,
};

std::optional<double> integral(const Variant &value, double low, double high)
{
    const auto number = value.toDouble();
    if (!number || std::trunc(*number) != *number || *number < low || *number > high)
        return std::nullopt;
    return number;
}

MonitoredItemCreateRequest monitoredItem(const NodeId &node, quint32 handle, double samplingMs)
{
    MonitoredItemCreateRequest item;
    item.itemToMonitor.nodeId = node;
    item.requestedParameters.clientHandle = handle;
    item.requestedParameters.samplingInterval = samplingMs;
    item.requestedParameters.queueSize = 1;
    item.requestedParameters.discardOldest = true;
    return item;
}

CreateSubscriptionRequest subscription(int publishingMs)
{
    CreateSubscriptionRequest request;
    request.requestedPublishingInterval = publishingMs;
    request.requestedMaxKeepAliveCount = quint32(std::max(3, KeepAlivePeriodMs / publishingMs));
    request.requestedLifetimeCount = 3 * request.requestedMaxKeepAliveCount;
    return request;
}

} // namespace

OpcUaLink::OpcUaLink(const MachineAddress &machine, const QString &user, QObject *parent)
    : ServerLink(parent)
    , m_machine(machine.toString())
    , m_url(machine.opcUaUrl())
    , m_user(user)
{}

OpcUaLink::~OpcUaLink() = default;

bool OpcUaLink::isOpen() const
{
    return m_open;
}

void OpcUaLink::open(int timeoutMs)
{
    if (m_client || m_opening)
        return;
    ++m_connection;
    m_shutdownAnnounced = m_degraded = false;
    m_serviceLevel = -1;
    m_state.reset();
    m_secondsTillShutdown.reset();
    m_statusSubscription = m_itemsSubscription = 0;
    if (m_user.isEmpty()) {
        connectWith(Identity(), timeoutMs);
        return;
    }
    m_opening = true;
    readPassword(0, m_connection, timeoutMs);
}

void OpcUaLink::readPassword(int index, int connection, int timeoutMs)
{
    const QStringList keys =
        m_passwordKeys.isEmpty() ? QStringList{PasswordStore::opcUaKey(m_user)} : m_passwordKeys;
    PasswordStore::read(
        keys.at(index), this,
        [this, index, keys, connection, timeoutMs](const PasswordStore::Result &r) {
            if (connection != m_connection)
                return; // closed meanwhile
            if (!r.ok && r.notFound && index + 1 < keys.size()) {
                readPassword(index + 1, connection, timeoutMs);
                return;
            }
            m_opening = false;
            if (!r.ok) {
                Q_EMIT openFailed(
                    tr("the password of OPC UA user '%1' cannot be read: %2").arg(m_user, r.error));
                return;
            }
            connectWith(Identity{m_user, r.password}, timeoutMs);
        });
}

void OpcUaLink::setSecurity(const SecuritySetting &setting, const QString &expectedThumbprint,
                            bool allowDeprecated, bool waiveHostName)
{
    m_security = setting;
    m_expectedThumbprint = pki::normalizedThumbprint(expectedThumbprint);
    m_allowDeprecated = allowDeprecated;
    m_waiveHostName = waiveHostName;
}

bool OpcUaLink::clientSecurity(ClientSecurity *security, QString *reason)
{
    security->setting = m_security;
    if (m_security.policy == SecurityPolicyId::None)
        return true;
    const SecurityPolicy &policy = m_security.securityPolicy();
    if (policy.deprecated && !m_allowDeprecated) {
        *reason = tr("the security policy %1 is deprecated and the pair does not allow "
                     "deprecated policies")
                      .arg(policy.nameString());
        return false;
    }
    QString error;
    const auto own = m_pki ? m_pki->own(&error) : nullptr;
    if (!own) {
        if (!m_pki)
            error = tr("no certificate store");
        if (m_pki)
            m_pki->post(EventId::CertificateUnavailable, m_pair, {m_pair, error}, error);
        *reason = tr("Tandem's own certificate cannot be used: %1").arg(error);
        return false;
    }
    security->ownCertificate = own->certificate().der();
    security->ownKey = AsymmetricKey::fromOpenSsl(own->privateKey().handle());
    security->checkServerCertificate = [this](const QByteArray &certificate,
                                              const EndpointDescription &endpoint) {
        return checkServerCertificate(certificate, endpoint);
    };
    return true;
}

CallStatus OpcUaLink::checkServerCertificate(const QByteArray &certificate,
                                             const EndpointDescription &endpoint)
{
    const SecurityPolicy &policy = m_security.securityPolicy();
    pki::ValidationOptions options;
    options.peer = pki::PeerRole::Server;
    options.expectedApplicationUri = endpoint.server.applicationUri;
    options.expectedHost = QUrl(m_url).host();
    options.waiveHostName = m_waiveHostName;
    options.minimumKeyBits = policy.minAsymmetricKeyBits;
    options.maximumKeyBits = policy.maxAsymmetricKeyBits;
    options.sha1SignatureAllowed = policy.deprecated;
    const pki::ValidationResult result = m_pki->validate(certificate, options, m_pair, m_url);
    m_certificateChecked = true;
    // Only an unknown certificate is one the operator can be asked to trust: the validator
    // filed it in rejected/ (an expired one or one for another host stays refused).
    m_refusedCertificate = !result.rejectedPath.isEmpty() && result.certificate
                               ? result.certificate->thumbprint()
                               : QString();
    if (!result.isGood())
        return {StatusCode{pki::statusCode(result.status)}, result.message};
    // The pair pins the certificate it learned when the operator first trusted it.
    if (!m_expectedThumbprint.isEmpty() && result.certificate &&
        result.certificate->thumbprint() != m_expectedThumbprint)
        return {StatusCode{Status::BadCertificateUntrusted},
                tr("the server presents the certificate %1, the pair expects %2")
                    .arg(result.certificate->thumbprint(), m_expectedThumbprint)};
    return {};
}

void OpcUaLink::connectWith(Identity identity, int timeoutMs)
{
    identity.allowClearText = m_clearTextAllowed;
    ClientSecurity security;
    QString refused;
    if (!clientSecurity(&security, &refused)) {
        QMetaObject::invokeMethod(
            this,
            [this, refused, connection = m_connection] {
                if (connection == m_connection)
                    Q_EMIT openFailed(refused);
            },
            Qt::QueuedConnection);
        return;
    }
    m_certificateChecked = false;
    m_client = new Client(this);
    m_client->setSecurity(std::move(security));
    connect(m_client, &Client::connected, this, &OpcUaLink::onConnected);
    connect(m_client, &Client::connectFailed, this, [this](const QString &reason) {
        // Refused before its certificate was seen (not listening, no such endpoint): what
        // an earlier attempt refused says nothing about this server now.
        if (!m_certificateChecked)
            m_refusedCertificate.clear();
        m_client->release();
        m_client = nullptr;
        Q_EMIT openFailed(reason);
    });
    connect(m_client, &Client::disconnected, this, [this](const QString &reason) {
        m_open = false;
        m_client->release();
        m_client = nullptr;
        ++m_connection;
        Q_EMIT sessionChanged();
        Q_EMIT closed(reason.isEmpty() ? tr("the connection was closed") : reason);
    });
    connect(m_client, &Client::dataChange, this, &OpcUaLink::onDataChange);
    connect(m_client, &Client::subscriptionStatusChanged, this, &OpcUaLink::onSubscriptionStatus);
    m_client->connectToServer(m_url, identity, true, std::max(timeoutMs, MinOpenTimeoutMs));
}

void OpcUaLink::close()
{
    ++m_connection; // answers still on their way belong to the old connection
    const bool wasOpen = m_open;
    m_open = m_opening = false;
    Client *client = m_client;
    m_client = nullptr;
    if (!client)
        return;
    if (wasOpen)
        Q_EMIT sessionChanged();
    // Close the session so the server frees it now, not at its timeout; a hung server
    // gets CloseWaitMs. Nothing of the old connection reaches this link any more.
    client->release(CloseWaitMs);
}

void OpcUaLink::onConnected()
{
    m_open = true;
    m_refusedCertificate.clear();
    if (m_security.securityPolicy().deprecated && m_pki)
        m_pki->post(EventId::DeprecatedPolicy, m_pair,
                    {m_pair, m_url, m_security.securityPolicy().nameString()});
    subscribeStatus();
    Q_EMIT sessionChanged();
    Q_EMIT opened();
}

void OpcUaLink::subscribeStatus()
{
    const int connection = m_connection;
    m_client->createSubscription(
        subscription(StatusPublishingIntervalMs),
        [this, connection](const CreateSubscriptionResponse &response, const CallStatus &status) {
            if (connection != m_connection)
                return;
            if (!status.isGood()) {
                // Not fatal: the periodic status query still sees everything, only later.
                qCInfo(lcOpcUa) << m_url << "no status subscription:" << status.message;
                return;
            }
            m_statusSubscription = response.subscriptionId;
            m_client->createMonitoredItems(
                m_statusSubscription,
                {monitoredItem(NodeId(0, Id::ServerStatusState), StateHandle,
                               StatusPublishingIntervalMs),
                 monitoredItem(NodeId(0, Id::SecondsTillShutdown), SecondsTillShutdownHandle,
                               StatusPublishingIntervalMs),
                 monitoredItem(NodeId(0, Id::ServiceLevel), ServiceLevelHandle,
                               StatusPublishingIntervalMs)},
                [this, connection](const CreateMonitoredItemsResponse &, const CallStatus &status) {
                    if (connection == m_connection && !status.isGood())
                        qCInfo(lcOpcUa) << m_url << "status items:" << status.message;
                });
        });
}

void OpcUaLink::queryStatus(int timeoutMs)
{
    if (!m_client || !m_open) {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT statusReceived(false, false, tr("not connected")); },
            Qt::QueuedConnection);
        return;
    }
    const int connection = m_connection;
    m_client->read(
        {ReadValueId::value(NodeId(0, Id::ServerStatus)),
         ReadValueId::value(NodeId(0, Id::ServiceLevel))},
        [this, connection](const ReadResponse &response, const CallStatus &status) {
            if (connection != m_connection)
                return;
            if (!status.isGood()) {
                Q_EMIT statusReceived(false, false, status.message);
                return;
            }
            const DataValue &serverStatus = response.results[0];
            if (!serverStatus.statusCode().isGood()) {
                Q_EMIT statusReceived(false, false,
                                      tr("ServerStatus is unreadable: %1")
                                          .arg(statusCodeText(serverStatus.statusCode())));
                return;
            }
            std::optional<ServerStatusDataType> decoded;
            if (serverStatus.value && serverStatus.value->type() == BuiltInType::ExtensionObject)
                decoded = fromExtensionObject<ServerStatusDataType>(
                    std::get<ExtensionObject>(serverStatus.value->value()));
            std::optional<int> level;
            const DataValue &serviceLevel = response.results[1];
            if (serviceLevel.statusCode().isGood() && serviceLevel.value)
                if (const auto number = integral(*serviceLevel.value, 0, 255))
                    level = int(*number);
            bool shutdown = false;
            const QString reason =
                decoded ? judge(decoded->state, decoded->secondsTillShutdown, level,
                                decoded->shutdownReason, &shutdown)
                        // A server whose ServerStatus we cannot decode still answered.
                        : judge(std::nullopt, std::nullopt, level, {}, &shutdown);
            if (shutdown)
                m_shutdownAnnounced = true;
            Q_EMIT statusReceived(shutdown || reason.isEmpty(), shutdown, reason);
        },
        timeoutMs);
}

QString OpcUaLink::judge(std::optional<ServerState> state,
                         std::optional<quint32> secondsTillShutdown,
                         std::optional<int> serviceLevel, LocalizedText shutdownReason,
                         bool *shutdown)
{
    *shutdown = false;
    if (state == ServerState::Shutdown || secondsTillShutdown.value_or(0) > 0) {
        *shutdown = true;
        QString reason =
            secondsTillShutdown.value_or(0) > 0
                ? tr("the server announced its shutdown in %1 s").arg(*secondsTillShutdown)
                : tr("the server is shutting down");
        if (!shutdownReason.text.isEmpty())
            reason += QStringLiteral(" (%1)").arg(shutdownReason.text);
        return reason;
    }
    if (state && *state != ServerState::Running)
        return tr("the server's state is %1").arg(serverStateName(*state));
    if (serviceLevel) {
        m_serviceLevel = *serviceLevel;
        if (*serviceLevel == 0)
            return tr("the server's service level is 0 (maintenance)");
        setDegraded(*serviceLevel < HealthyServiceLevel, tr("service level %1").arg(*serviceLevel));
    }
    return QString();
}

void OpcUaLink::setDegraded(bool degraded, const QString &reason)
{
    if (degraded == m_degraded)
        return;
    m_degraded = degraded;
    Q_EMIT this->degraded(degraded, reason);
}

void OpcUaLink::onDataChange(quint32 subscriptionId, quint32 clientHandle, const DataValue &value)
{
    if (subscriptionId == m_statusSubscription && m_statusSubscription != 0) {
        if (!value.statusCode().isGood() || !value.value)
            return;
        const Variant &v = *value.value;
        std::optional<int> level;
        switch (clientHandle) {
        case StateHandle:
            if (const auto n = integral(v, 0, 7))
                m_state = ServerState(int(*n));
            break;
        case SecondsTillShutdownHandle:
            if (const auto n = integral(v, 0, 4294967295.0))
                m_secondsTillShutdown = quint32(*n);
            break;
        case ServiceLevelHandle:
            if (const auto n = integral(v, 0, 255))
                level = int(*n);
            break;
        default:
            return;
        }
        bool shutdown = false;
        const QString reason = judge(m_state, m_secondsTillShutdown, level, {}, &shutdown);
        if (shutdown && !m_shutdownAnnounced) {
            m_shutdownAnnounced = true;
            Q_EMIT statusReceived(true, true, reason);
        } else if (!shutdown && !reason.isEmpty()) {
            // A failed State or maintenance level: the status is lost now, not at the
            // next query.
            Q_EMIT statusReceived(false, false, reason);
        }
        return;
    }
    if (subscriptionId != m_itemsSubscription || m_itemsSubscription == 0)
        return;
    const int index = int(clientHandle) - 1;
    if (index < 0 || index >= m_items.size())
        return;
    MonitorSample sample;
    if (value.statusCode().isGood() && value.value && !value.value->isNull()) {
        if (const auto converted = convert(*value.value, m_items[index].dataType)) {
            sample.good = true;
            sample.value = *converted;
            sample.isArray = value.value->isArray();
        }
    }
    Q_EMIT monitorSample(index, sample);
}

void OpcUaLink::onSubscriptionStatus(quint32 subscriptionId, StatusCode status)
{
    if (!status.isBad())
        return;
    qCInfo(lcOpcUa) << m_url << "subscription" << subscriptionId
                    << "ended:" << statusCodeText(status);
    // The server dropped a subscription (e.g. it timed out): make it again.
    if (subscriptionId == m_statusSubscription) {
        m_statusSubscription = 0;
        subscribeStatus();
    } else if (subscriptionId == m_itemsSubscription) {
        m_itemsSubscription = 0;
        subscribeItems(Client::DefaultTimeoutMs);
    }
}

void OpcUaLink::setMonitorItems(const QList<MonitorItem> &items, int timeoutMs)
{
    ++m_itemsGeneration;
    dropItemsSubscription();
    m_items = items;
    if (!items.isEmpty())
        subscribeItems(timeoutMs);
}

void OpcUaLink::dropItemsSubscription()
{
    if (m_itemsSubscription != 0 && m_client && m_open)
        m_client->deleteSubscriptions(
            {m_itemsSubscription}, [](const DeleteSubscriptionsResponse &, const CallStatus &) {});
    m_itemsSubscription = 0;
}

void OpcUaLink::subscribeItems(int timeoutMs)
{
    if (!m_client || !m_open || m_items.isEmpty())
        return;
    const int generation = m_itemsGeneration;
    const int connection = m_connection;
    // Results are reported after this call returns, never from inside it.
    const auto failLater = [this, generation, connection](int index, const QString &reason) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, connection, index, reason] {
                if (generation == m_itemsGeneration && connection == m_connection)
                    Q_EMIT monitorAddFailed(index, reason);
            },
            Qt::QueuedConnection);
    };
    QList<MonitoredItemCreateRequest> requests;
    QList<int> indexes;
    int fastestMs = MonitorItem::MaxUpdateRateMs;
    for (int i = 0; i < m_items.size(); ++i) {
        const auto node = NodeId::fromString(m_items[i].itemId.trimmed());
        if (!node) {
            failLater(i, tr("'%1' is not an OPC UA node id such as ns=2;s=Tag or i=2258")
                             .arg(m_items[i].itemId));
            continue;
        }
        requests << monitoredItem(*node, quint32(i + 1), m_items[i].updateRateMs);
        indexes << i;
        fastestMs = std::min(fastestMs, m_items[i].updateRateMs);
    }
    if (requests.isEmpty())
        return;
    m_client->createSubscription(
        subscription(std::max(50, fastestMs)),
        [this, generation, connection, requests, indexes, timeoutMs,
         failLater](const CreateSubscriptionResponse &response, const CallStatus &status) {
            if (connection != m_connection)
                return;
            if (generation != m_itemsGeneration) {
                if (status.isGood()) // made for items that are no longer wanted
                    m_client->deleteSubscriptions(
                        {response.subscriptionId},
                        [](const DeleteSubscriptionsResponse &, const CallStatus &) {});
                return;
            }
            if (!status.isGood()) {
                for (int index : indexes)
                    failLater(index, status.message);
                return;
            }
            m_itemsSubscription = response.subscriptionId;
            m_client->createMonitoredItems(
                m_itemsSubscription, requests,
                [this, generation, connection, indexes,
                 failLater](const CreateMonitoredItemsResponse &created, const CallStatus &status) {
                    if (connection != m_connection || generation != m_itemsGeneration)
                        return;
                    for (int k = 0; k < indexes.size(); ++k) {
                        if (!status.isGood())
                            failLater(indexes[k], status.message);
                        else if (!created.results[k].statusCode.isGood())
                            failLater(indexes[k], statusCodeText(created.results[k].statusCode));
                    }
                },
                timeoutMs);
        },
        timeoutMs);
}

std::optional<QVariant> OpcUaLink::convert(const Variant &value, DataType type)
{
    if (value.isNull())
        return std::nullopt;
    // Arrays are judged by the evaluator, as the reference manual says.
    if (value.isArray() || type == DataType::Default)
        return value.toQVariant();
    const auto number = value.toDouble();
    if (!number)
        return std::nullopt;
    switch (type) {
    case DataType::Default:
        break;
    case DataType::Boolean:
        return QVariant(*number != 0);
    case DataType::Word:
        if (const auto n = integral(value, 0, 65535))
            return QVariant(uint(*n));
        return std::nullopt;
    case DataType::Short:
        if (const auto n = integral(value, -32768, 32767))
            return QVariant(int(*n));
        return std::nullopt;
    case DataType::DWord:
        if (const auto n = integral(value, 0, 4294967295.0))
            return QVariant(uint(*n));
        return std::nullopt;
    case DataType::Long:
        if (const auto n = integral(value, -2147483648.0, 2147483647.0))
            return QVariant(int(*n));
        return std::nullopt;
    case DataType::Float:
        return QVariant(float(*number));
    case DataType::Double:
        return QVariant(*number);
    }
    return value.toQVariant();
}

} // namespace tandem::opcua
