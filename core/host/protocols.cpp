#include "protocols.h"

#include "modbus/modbuslink.h"
#include "modbus/modbusproxy.h"
#include "opcua/opcualink.h"
#include "opcua/opcuaproxy.h"

namespace tandem {

ProtocolFactories builtInProtocols()
{
    ProtocolFactories protocols;
    protocols[Protocol::ModbusTcp] = {
        [](const PairConfig &pair, const MachineAddress &machine, QObject *parent) -> ServerLink * {
            return new modbus::ModbusLink(machine.host, machine.port, pair.statusItem, parent);
        },
        [](PairRuntime *runtime, const Endpoint &endpoint,
           EventLog *events) -> std::unique_ptr<PairProxy> {
            return std::make_unique<modbus::ModbusProxy>(runtime, endpoint, events);
        }};
    protocols[Protocol::OpcUa] = {
        [](const PairConfig &pair, const MachineAddress &machine, QObject *parent) -> ServerLink * {
            return new opcua::OpcUaLink(machine, pair.user, parent);
        },
        [](PairRuntime *runtime, const Endpoint &endpoint,
           EventLog *events) -> std::unique_ptr<PairProxy> {
            return std::make_unique<opcua::OpcUaProxy>(runtime, endpoint, events);
        }};
    return protocols;
}

} // namespace tandem
