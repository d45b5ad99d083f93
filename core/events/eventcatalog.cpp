#include "eventcatalog.h"

#include <QCoreApplication>

namespace tandem {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Informational:
        return QCoreApplication::translate("Tandem", "Informational");
    case Severity::Warning:
        return QCoreApplication::translate("Tandem", "Warning");
    case Severity::Error:
        return QCoreApplication::translate("Tandem", "Error");
    }
    return {};
}

// The seed's Runtime Diagnostics, each in a primary and a secondary variant.
// %1 = server (pair) name, %2 = machine, %3 = monitor item id.
const QList<EventDefinition> &EventCatalog::all()
{
    static const QList<EventDefinition> events = {
#define TANDEM_EVENT_PAIR(id, severity, primaryText, secondaryText)                                \
    {id ".primary", Severity::severity, QT_TRANSLATE_NOOP("TandemEvent", primaryText)},            \
        {id ".secondary", Severity::severity, QT_TRANSLATE_NOOP("TandemEvent", secondaryText)}
        TANDEM_EVENT_PAIR("monitor-add-failed", Error,
                          "Attempt to add monitor item '%3' for '%1' on primary machine '%2' "
                          "failed. This monitor item will be considered in error.",
                          "Attempt to add monitor item '%3' for '%1' on secondary machine '%2' "
                          "failed. This monitor item will be considered in error."),
        TANDEM_EVENT_PAIR("connected", Informational, "Connected to '%1' on primary machine '%2'.",
                          "Connected to '%1' on secondary machine '%2'."),
        TANDEM_EVENT_PAIR("disconnected", Informational,
                          "Disconnected from '%1' on primary machine '%2'.",
                          "Disconnected from '%1' on secondary machine '%2'."),
        TANDEM_EVENT_PAIR("connect-failed", Error,
                          "Failed to connect to '%1' on primary machine '%2'.",
                          "Failed to connect to '%1' on secondary machine '%2'."),
        TANDEM_EVENT_PAIR(
            "monitor-array", Error,
            "Monitor item '%3' for '%1' on primary machine '%2' contains array data which is not "
            "supported for the 'specific value' trigger condition.",
            "Monitor item '%3' for '%1' on secondary machine '%2' contains array data which is not "
            "supported for the 'specific value' trigger condition."),
        TANDEM_EVENT_PAIR("monitor-error", Error,
                          "Monitor item test in error for '%1' on primary machine '%2'.",
                          "Monitor item test in error for '%1' on secondary machine '%2'."),
        TANDEM_EVENT_PAIR("monitor-passed", Informational,
                          "Monitor item test passed for '%1' on primary machine '%2'.",
                          "Monitor item test passed for '%1' on secondary machine '%2'."),
        TANDEM_EVENT_PAIR("promoted", Informational,
                          "Promoted active connection for server '%1' to primary machine '%2'.",
                          "Promoted active connection for server '%1' to secondary machine '%2'."),
        TANDEM_EVENT_PAIR(
            "shutdown", Informational,
            "Received shutdown notification from server '%1' on primary machine '%2'.",
            "Received shutdown notification from server '%1' on secondary machine '%2'."),
        TANDEM_EVENT_PAIR("status-lost", Error,
                          "Unable to retrieve status for server '%1' on primary machine '%2'. "
                          "Server communications has been lost.",
                          "Unable to retrieve status for server '%1' on secondary machine '%2'. "
                          "Server communications has been lost."),
#undef TANDEM_EVENT_PAIR
        // Tandem's own events (not in the seed). %1.. as the texts say.
        {"engine-started", Severity::Informational,
         QT_TRANSLATE_NOOP("TandemEvent", "Tandem engine started with %1 pair(s) running.")},
        {"engine-stopped", Severity::Informational,
         QT_TRANSLATE_NOOP("TandemEvent", "Tandem engine stopped.")},
        {"config-loaded", Severity::Informational,
         QT_TRANSLATE_NOOP("TandemEvent", "Configuration '%1' applied.")},
        {"config-rejected", Severity::Error,
         QT_TRANSLATE_NOOP(
             "TandemEvent",
             "Configuration '%1' was rejected and the previous one keeps running: %2")},
        {"endpoint-failed", Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent", "Cannot serve clients of '%1' on %2: %3")},
        {"smtp-failed", Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "E-mail notification could not be sent through '%1' nor '%2': %3")},
        {"license-changed", Severity::Warning,
         QT_TRANSLATE_NOOP("TandemEvent", "License state changed: %1")},
        {"client-malformed", Severity::Warning,
         QT_TRANSLATE_NOOP("TandemEvent", "Closed the connection of a client of '%1' from %2: %3")},
        {"event-store-error", Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent", "The event history '%1' could not be used: %2")},
    };
    return events;
}

const EventDefinition *EventCatalog::find(const QString &id)
{
    for (const EventDefinition &e : all())
        if (id == QLatin1String(e.id))
            return &e;
    return nullptr;
}

QString EventCatalog::text(const EventDefinition &definition)
{
    return QCoreApplication::translate("TandemEvent", definition.text);
}

} // namespace tandem
