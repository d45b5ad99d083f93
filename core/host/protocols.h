#pragma once

#include "engine/protocolfactory.h"

#include <memory>

namespace tandem {

namespace opcua {
class LocalPki;
}

// The protocols this build runs pairs with: Modbus TCP and OPC UA. OPC UA links and
// endpoints share the engine's certificates (pki may be null: no secured channels).
ProtocolFactories builtInProtocols(std::shared_ptr<opcua::LocalPki> pki = nullptr);

} // namespace tandem
