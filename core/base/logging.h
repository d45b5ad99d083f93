#pragma once

#include <QLoggingCategory>

namespace tandem {

// Tandem's logging categories, each declared here once and defined in logging.cpp.
// QT_LOGGING_RULES switches them, e.g. "tandem.modbus.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcConfig)  // tandem.config: loading and saving tandem.xml
Q_DECLARE_LOGGING_CATEGORY(lcEngine)  // tandem.engine: pairs started, stopped, switched
Q_DECLARE_LOGGING_CATEGORY(lcEvents)  // tandem.events: events posted (also to stderr)
Q_DECLARE_LOGGING_CATEGORY(lcMail)    // tandem.mail: the mailer and its outbox
Q_DECLARE_LOGGING_CATEGORY(lcMedia)   // tandem.license.media: removable media
Q_DECLARE_LOGGING_CATEGORY(lcModbus)  // tandem.modbus: Modbus TCP links and proxy
Q_DECLARE_LOGGING_CATEGORY(lcOpcUa)   // tandem.opcua: OPC UA client, links and proxy
Q_DECLARE_LOGGING_CATEGORY(lcService) // tandem.service: installing the systemd service

} // namespace tandem
