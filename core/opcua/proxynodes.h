#pragma once

// The nodes a pair's OPC UA proxy answers itself instead of its servers: the
// standard ServerStatus (i=2256 and its children) and ServiceLevel (i=2267) of the proxy,
// and a `Tandem` folder under Objects with the pair's state as readable variables and two
// methods, SwitchTo(side) and ReturnToAutomatic() (ProxyMethods calls them). Every other
// node is the active server's and passes through unchanged.

#include "engine/pairstatus.h"
#include "services.h"

#include <QDateTime>

#include <optional>

namespace tandem::opcua {

// The pair as the local nodes show it.
struct ProxyState
{
    QString pair;
    QString mode;          // "cold", "warm", "hot"
    QString activeSide;    // "primary", "secondary", "none"
    QString activeMachine; // empty when none is active
    QString primaryMachine;
    QString primaryHealth; // a health key, as `tandemctl status --json` says it (side.h)
    QString secondaryMachine;
    QString secondaryHealth;
    quint32 failovers = 0;
    QDateTime lastFailover; // invalid: none yet
    quint8 serviceLevel = 1;
    // "automatic", "held by the operator" or "pass-through (redundancy disabled)"
    QString selection = QStringLiteral("automatic");
    QString lastSwitchReason;

    // The pair's status as the nodes show it. activeServerLevel: the ServiceLevel the active
    // server reports (0: unknown), shown while that server is degraded.
    static ProxyState of(const PairStatus &status, int activeServerLevel);
};

class ProxyNodes final
{
public:
    static constexpr auto NamespaceUri = "urn:tandem:redundancy";

    explicit ProxyNodes(const QDateTime &startTime = QDateTime::currentDateTimeUtc());

    // The Tandem namespace's index: the servers' NamespaceArray has this many entries and
    // the proxy appends its URI. 0 until known; the Tandem folder is served from then on.
    quint16 namespaceIndex() const { return m_ns; }
    void setNamespaceIndex(quint16 index) { m_ns = index; }
    // Appends the Tandem namespace to a NamespaceArray value read from a server.
    void extendNamespaceArray(DataValue &value) const;

    // True when the proxy answers this attribute itself: any attribute of a Tandem node,
    // the Value of the status nodes.
    bool answers(const ReadValueId &id) const;
    bool isTandemNode(const NodeId &node) const;
    DataValue read(const ReadValueId &id, const ProxyState &state,
                   TimestampsToReturn timestamps) const;
    // A browse of a Tandem node, answered whole (no continuation point).
    BrowseResult browse(const BrowseDescription &description) const;
    // The Tandem folder's reference for a browse of the Objects folder that would list it.
    std::optional<ReferenceDescription>
    objectsReference(const BrowseDescription &description) const;

    // The variables of the Tandem folder, by their string id ("Tandem.ActiveMachine").
    static QStringList variableNames();
    // The methods of the Tandem folder, by their string id ("Tandem.SwitchTo").
    static QStringList methodNames();
    NodeId tandemNode(const QString &name) const { return NodeId(m_ns, name); }
    NodeId folder() const { return tandemNode(QStringLiteral("Tandem")); }
    // True for the node of one of the Tandem folder's methods.
    bool isMethod(const NodeId &node) const;
    // What SwitchTo takes: one String, "primary" or "secondary" (its InputArguments).
    static QList<Argument> switchToArguments();

private:
    struct Variable;
    const Variable *variable(const NodeId &node) const;
    ReferenceDescription reference(const QString &name, bool folder) const;
    ReferenceDescription methodReference(const QString &name) const;
    ReferenceDescription inputArgumentsReference(bool forward) const;
    bool isInputArguments(const NodeId &node) const;
    // The attributes of a method and of its InputArguments property.
    DataValue readMethodNode(const ReadValueId &id) const;
    BrowseResult browseMethodNode(const BrowseDescription &description) const;

    QDateTime m_startTime;
    quint16 m_ns = 0;
};

} // namespace tandem::opcua
