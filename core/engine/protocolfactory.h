#pragma once

#include "config/endpoint.h"
#include "config/pairconfig.h"
#include "side.h"

#include <QObject>

#include <functional>
#include <map>
#include <memory>

namespace tandem {

class EventLog;
class PairProxy;
class PairRuntime;
class ServerLink;

// What the engine needs of a protocol to run a pair: a link to one of the pair's servers
// and the client-facing proxy. The engine knows only these interfaces; the protocols
// (modbus/, opcua/) implement them and depend on the engine, never the reverse. The host
// hands the engine the factories it runs with (host/protocols.h has the built-in ones).
struct ProtocolFactory
{
    // side: which of the pair's machines (each may have a login of its own).
    std::function<ServerLink *(const PairConfig &pair, Side side, const MachineAddress &machine,
                               QObject *parent)>
        makeLink;
    std::function<std::unique_ptr<PairProxy>(PairRuntime *runtime, const Endpoint &endpoint,
                                             EventLog *events)>
        makeProxy;
};

using ProtocolFactories = std::map<Protocol, ProtocolFactory>;

} // namespace tandem
