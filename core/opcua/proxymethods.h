#pragma once

// The methods of a pair's OPC UA proxy, on its own `Tandem` folder (ProxyNodes):
//   SwitchTo(side: String)  holds "primary" or "secondary" active, as the operator's pin of
//                           `tandemctl switch` does (PairRuntime::pin);
//   ReturnToAutomatic()     releases that hold (PairRuntime::returnToAutomatic).
// Only an operator may call them: a session of an OPC UA user of the store marked as one
// (OpcUaUser::isOperator); everyone else gets BadUserAccessDenied. Arguments are checked
// as OPC 10000-4 §5.11.2 says, and each call that acts is posted as an event naming the
// user (operator-method-called).

#include "services.h"

#include <QCoreApplication>

#include <optional>

namespace tandem {
class EventLog;
}

namespace tandem::opcua {

class ProxyContext;
class ProxyNodes;

class ProxyMethods final
{
    Q_DECLARE_TR_FUNCTIONS(ProxyMethods)

public:
    // Who calls, for the check and the event.
    struct Caller
    {
        QString user; // empty: anonymous
        bool isOperator = false;
        QString peer; // address:port
    };

    ProxyMethods(ProxyContext &context, const ProxyNodes &nodes, EventLog *events);

    // The result of a call the proxy answers itself (its object or one of its methods);
    // nullopt for a method of the servers'.
    std::optional<CallMethodResult> call(const CallMethodRequest &request, const Caller &caller);

private:
    CallMethodResult switchTo(const CallMethodRequest &request, const Caller &caller);
    CallMethodResult returnToAutomatic(const CallMethodRequest &request, const Caller &caller);
    void posted(const Caller &caller, const QString &method) const;

    ProxyContext &m_context;
    const ProxyNodes &m_nodes;
    EventLog *m_events;
};

} // namespace tandem::opcua
