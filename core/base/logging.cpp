#include "logging.h"

namespace tandem {

Q_LOGGING_CATEGORY(lcConfig, "tandem.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEngine, "tandem.engine", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEvents, "tandem.events", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMail, "tandem.mail", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMedia, "tandem.license.media", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModbus, "tandem.modbus", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOpcUa, "tandem.opcua", QtInfoMsg)
// Warnings and above unless switched on, as before it was declared here.
Q_LOGGING_CATEGORY(lcService, "tandem.service")

} // namespace tandem
