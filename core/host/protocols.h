#pragma once

#include "engine/protocolfactory.h"

namespace tandem {

// The protocols this build runs pairs with: Modbus TCP and OPC UA.
ProtocolFactories builtInProtocols();

} // namespace tandem
