#pragma once

#include "client.h"
#include "config/endpoint.h"
#include "engine/serverlink.h"

#include <QPointer>

#include <memory>

namespace tandem::opcua {

class LocalPki;

// The engine's link to one OPC UA server (docs/design.md, "Engine semantics"):
// - the status query reads ServerStatus (i=2256) and ServiceLevel (i=2267) in one Read;
// - a subscription on State (i=2259), SecondsTillShutdown (i=2992) and ServiceLevel tells
//   of a shutdown and of a falling service level without waiting for the next query;
// - a State of Shutdown or SecondsTillShutdown > 0 is the reference manual's shutdown notification;
//   any other State than Running fails the status; ServiceLevel 0 (maintenance) fails
//   it, 1..199 is degraded() (the other machine is preferred while it is healthy);
// - monitor items are monitored items (node ids such as "ns=2;s=Line1.Speed") of a
//   subscription sampling at each item's update rate.
class OpcUaLink final : public ServerLink
{
    Q_OBJECT

public:
    static constexpr quint8 HealthyServiceLevel = 200; // OPC 10000-4, 6.6.2.4.2
    static constexpr int StatusPublishingIntervalMs = 250;

    // user: the user name to log in with (its password is read from the keychain at every
    // connection attempt, so a changed password takes effect without a reload); empty:
    // anonymous.
    OpcUaLink(const MachineAddress &machine, const QString &user, QObject *parent = nullptr);
    ~OpcUaLink() override;

    void open(int timeoutMs) override;
    void close() override;
    bool isOpen() const override;
    void queryStatus(int timeoutMs) override;
    void setMonitorItems(const QList<MonitorItem> &items, int timeoutMs) override;
    QString machine() const override { return m_machine; }
    QString refusedCertificate() const override { return m_refusedCertificate; }
    QString url() const { return m_url; }
    // The connection's client while its session is open, for the pair's proxy to forward
    // client requests on; null otherwise. sessionChanged() tells when it changes.
    Client *client() const { return m_open ? m_client.data() : nullptr; }
    // The keychain keys of the user's password, tried in order until one holds it
    // (default: PasswordStore::opcUaKey(user)).
    void setPasswordKeys(const QStringList &keys) { m_passwordKeys = keys; }
    // Whether the password may go in clear to a server that offers nothing else.
    void setClearTextAllowed(bool allowed) { m_clearTextAllowed = allowed; }
    // The engine's certificates, for links with a security policy other than None.
    void setPki(std::shared_ptr<LocalPki> pki) { m_pki = std::move(pki); }
    // The pair this link serves, as events name it.
    void setPairName(const QString &pair) { m_pair = pair; }
    // How the next open() secures the channel: the pair's setting for this side, the SHA-1
    // thumbprint the server's certificate must have (empty: any the trust list accepts),
    // whether the deprecated Basic128Rsa15 and Basic256 may be used, and whether a
    // certificate that does not name the host connected to is accepted all the same.
    void setSecurity(const SecuritySetting &setting, const QString &expectedThumbprint,
                     bool allowDeprecated, bool waiveHostName);
    const SecuritySetting &securitySetting() const { return m_security; }
    // The server's ServiceLevel as last read (0..255); -1 before the first reading.
    int serviceLevel() const { return m_serviceLevel; }

    // The value of an OPC UA variable as a monitor item of this data type sees it:
    // converted for the reference manual's data types, nullopt when it cannot be.
    static std::optional<QVariant> convert(const Variant &value, DataType type);

Q_SIGNALS:
    // A session opened (before opened()), or the open one ended (also by close()).
    void sessionChanged();

private:
    void connectWith(Identity identity, int timeoutMs);
    // Reads the password under m_passwordKeys[index] or, when not found there, the next.
    void readPassword(int index, int connection, int timeoutMs);
    // The Client's security for m_security; false with *reason when it cannot be had.
    bool clientSecurity(ClientSecurity *security, QString *reason);
    CallStatus checkServerCertificate(const QByteArray &certificate,
                                      const EndpointDescription &endpoint);
    void onConnected();
    void onDataChange(quint32 subscriptionId, quint32 clientHandle, const DataValue &value);
    void onSubscriptionStatus(quint32 subscriptionId, StatusCode status);
    void subscribeStatus();
    void subscribeItems(int timeoutMs);
    void dropItemsSubscription();
    // Applies a State, SecondsTillShutdown and ServiceLevel reading; returns the reason the
    // status fails (empty: healthy), *shutdown set when the server announced its end.
    QString judge(std::optional<ServerState> state, std::optional<quint32> secondsTillShutdown,
                  std::optional<int> serviceLevel, LocalizedText shutdownReason, bool *shutdown);
    void announceShutdown(const QString &reason);
    void setDegraded(bool degraded, const QString &reason);

    std::shared_ptr<LocalPki> m_pki;
    QString m_pair;
    SecuritySetting m_security;
    QString m_expectedThumbprint;
    QString m_refusedCertificate;      // the last attempt's unknown server certificate
    bool m_certificateChecked = false; // this attempt got as far as the server's certificate
    bool m_allowDeprecated = false;
    bool m_waiveHostName = false;
    QString m_machine;
    QString m_url;
    QString m_user;
    QStringList m_passwordKeys;
    bool m_clearTextAllowed = true;
    QPointer<Client> m_client;
    bool m_open = false;
    bool m_opening = false; // reading the password before connecting
    bool m_shutdownAnnounced = false;
    bool m_degraded = false;
    int m_serviceLevel = -1;
    quint32 m_statusSubscription = 0;
    quint32 m_itemsSubscription = 0;
    int m_connection = 0;      // answers for an older connection are ignored
    int m_itemsGeneration = 0; // answers for an older setMonitorItems() are ignored
    QList<MonitorItem> m_items;
    std::optional<ServerState> m_state;
    std::optional<quint32> m_secondsTillShutdown;
};

} // namespace tandem::opcua
