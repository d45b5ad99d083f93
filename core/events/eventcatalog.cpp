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
#define TANDEM_EVENT_PAIR_NAMED(id, severity, primaryText, secondaryText, placeholders)            \
    {id ".primary", Severity::severity, QT_TRANSLATE_NOOP("TandemEvent", primaryText),             \
     QT_TRANSLATE_NOOP("TandemEventPlaceholders", placeholders)},                                  \
    {                                                                                              \
        id ".secondary", Severity::severity, QT_TRANSLATE_NOOP("TandemEvent", secondaryText),      \
            QT_TRANSLATE_NOOP("TandemEventPlaceholders", placeholders)                             \
    }
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
        // OPC UA's ServiceLevel (not in the seed, which predates it).
        TANDEM_EVENT_PAIR_NAMED(
            "degraded", Warning,
            "Server '%1' on primary machine '%2' reports a degraded %3; the secondary machine is "
            "preferred while it is healthy.",
            "Server '%1' on secondary machine '%2' reports a degraded %3; the primary machine is "
            "preferred while it is healthy.",
            "server,machine,level"),
        TANDEM_EVENT_PAIR_NAMED("service-restored", Informational,
                                "Server '%1' on primary machine '%2' reports a healthy %3 again.",
                                "Server '%1' on secondary machine '%2' reports a healthy %3 again.",
                                "server,machine,level"),
#undef TANDEM_EVENT_PAIR_NAMED
#undef TANDEM_EVENT_PAIR
        // Tandem's own events (not in the seed). %1.. as the texts say.
        {"engine-started", Severity::Informational,
         QT_TRANSLATE_NOOP("TandemEvent", "Tandem engine started with %1 pair(s) running."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "pairs")},
        {"engine-stopped", Severity::Informational,
         QT_TRANSLATE_NOOP("TandemEvent", "Tandem engine stopped."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "")},
        {"config-loaded", Severity::Informational,
         QT_TRANSLATE_NOOP("TandemEvent", "Configuration '%1' applied."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "file")},
        {"config-rejected", Severity::Error,
         QT_TRANSLATE_NOOP(
             "TandemEvent",
             "Configuration '%1' was rejected and the previous one keeps running: %2"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "file,reason")},
        {"endpoint-failed", Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent", "Cannot serve clients of '%1' on %2: %3"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "server,endpoint,reason")},
        {"smtp-failed", Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "E-mail notification could not be sent through '%1' nor '%2'; it "
                           "stays in the outbox and is retried: %3"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "primary SMTP,secondary SMTP,reason")},
        {"smtp-restored", Severity::Informational,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "E-mail notification delivered again through '%1'; %2 mail(s) wait "
                           "in the outbox."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "SMTP server,count")},
        {"mail-recipient-refused", Severity::Warning,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "E-mail notification '%1' was delivered through '%2', but the server "
                           "refused: %3"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "subject,SMTP server,recipients")},
        {"mail-dropped", Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "E-mail notification '%1' to %2 was dropped after %3 attempt(s) over "
                           "%4 hour(s); the last error: %5"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "subject,recipients,attempts,hours,error")},
        {"outbox-error", Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent", "The e-mail outbox '%1' could not be used: %2"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "file,reason")},
        {"license-changed", Severity::Informational,
         QT_TRANSLATE_NOOP("TandemEvent", "License: %1"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "state")},
        {"license-demo-expiring", Severity::Warning,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "The demo period ends in %1 minute(s): then the engine stops serving. "
                           "Enter a serial number (Help › Purchase a License)."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "minutes")},
        {"license-demo-expired", Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "The demo period is over: the engine stopped serving its clients. "
                           "Restart it for another demo period, or license Tandem."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "")},
        {"license-pairs-exceeded", Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "The license allows %1 pair(s); '%2' is enabled beyond that and does "
                           "not run."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "pairs,server")},
        {"client-malformed", Severity::Warning,
         QT_TRANSLATE_NOOP("TandemEvent", "Closed the connection of a client of '%1' from %2: %3"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "server,client,reason")},
        {"event-store-error", Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent", "The event history '%1' could not be used: %2"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "file,reason")},
        {"backup-created", Severity::Informational,
         QT_TRANSLATE_NOOP("TandemEvent", "Scheduled backup '%1' created."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "file")},
        {"backup-failed", Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent", "Scheduled backup into '%1' failed: %2"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "folder,reason")},
        {"backup-expired", Severity::Informational,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "Deleted backup '%1': older than the retention period of %2 day(s)."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "file,days")},
        {"backup-disk-floor", Severity::Warning,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "Deleted backup '%1' before its retention period ended: free space on "
                           "the backup disk is under the floor (%2 available of %3)."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "file,available,total")},
        {"backup-disk-low", Severity::Warning,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "Free space on the backup disk of '%1' stays under the floor (%2 "
                           "available of %3) with only the newest backup left."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "folder,available,total")},
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

QString EventCatalog::templateText(const EventDefinition &definition)
{
    QString text = EventCatalog::text(definition);
    const QStringList names =
        QCoreApplication::translate("TandemEventPlaceholders", definition.placeholders)
            .split(QLatin1Char(','));
    // From the highest number down, so %1 does not eat the start of %10.
    for (qsizetype i = names.size(); i > 0; --i)
        text.replace(QLatin1Char('%') + QString::number(i),
                     QLatin1Char('<') + names.at(i - 1) + QLatin1Char('>'));
    return text;
}

QString EventCatalog::text(const EventDefinition &definition)
{
    return QCoreApplication::translate("TandemEvent", definition.text);
}

} // namespace tandem
