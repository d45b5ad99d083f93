#include "protocols.h"

#include "modbus/modbuslink.h"
#include "modbus/modbusproxy.h"
#include "opcua/localpki.h"
#include "opcua/opcualink.h"
#include "opcua/opcuaproxy.h"
#include "secrets/passwordstore.h"

namespace tandem {

ProtocolFactories builtInProtocols(std::shared_ptr<opcua::LocalPki> pki)
{
    ProtocolFactories protocols;
    protocols[Protocol::ModbusTcp] = {
        [](const PairConfig &pair, Side, const MachineAddress &machine,
           QObject *parent) -> ServerLink * {
            return new modbus::ModbusLink(machine.host, machine.port, pair.statusItem, parent);
        },
        [](PairRuntime *runtime, const Endpoint &endpoint,
           EventLog *events) -> std::unique_ptr<PairProxy> {
            return std::make_unique<modbus::ModbusProxy>(runtime, endpoint, events);
        }};
    protocols[Protocol::OpcUa] = {
        [pki](const PairConfig &pair, Side side, const MachineAddress &machine,
              QObject *parent) -> ServerLink * {
            // The side's own user, else the pair's; its password under the side's key, else
            // the user's (as before per-side keys).
            const OpcUaIdentity identity = pair.identity();
            const QString user = identity.serverUser(side == Side::Primary ? 0 : 1, pair.user);
            auto *link = new opcua::OpcUaLink(machine, user, parent);
            link->setPasswordKeys({PasswordStore::opcUaServerKey(pair.name, sideKey(side)),
                                   PasswordStore::opcUaKey(user)});
            link->setClearTextAllowed(identity.clearTextToServers);
            link->setPki(pki);
            link->setPairName(pair.name);
            const OpcUaSecurity &security = pair.opcuaSecurity;
            const OpcUaSecurity::Link &own = security.link(side == Side::Secondary);
            link->setSecurity(opcua::SecuritySetting::from(own.setting), own.serverCertificate,
                              security.allowDeprecated, security.waiveHostName);
            return link;
        },
        [pki](PairRuntime *runtime, const Endpoint &endpoint,
              EventLog *events) -> std::unique_ptr<PairProxy> {
            auto proxy = std::make_unique<opcua::OpcUaProxy>(runtime, endpoint, events);
            proxy->setPki(pki);
            QList<opcua::SecuritySetting> offered;
            for (const UaSecuritySetting &setting : runtime->config().opcuaSecurity.listen)
                offered << opcua::SecuritySetting::from(setting);
            proxy->setListenSecurity(offered);
            return proxy;
        }};
    return protocols;
}

} // namespace tandem
