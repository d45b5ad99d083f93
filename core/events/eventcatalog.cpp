#include "eventcatalog.h"

#include "eventids.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <iterator>
#include <string_view>

namespace tandem {

namespace {
const char *severitySource(Severity severity)
{
    switch (severity) {
    case Severity::Informational:
        return QT_TRANSLATE_NOOP("Tandem", "Informational");
    case Severity::Warning:
        return QT_TRANSLATE_NOOP("Tandem", "Warning");
    case Severity::Error:
        return QT_TRANSLATE_NOOP("Tandem", "Error");
    }
    return "";
}

// "%1".."%9" of a template, in the order they appear.
const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral("%([1-9])"));
    return pattern;
}

// A recorded text's English template as a pattern: literal text between captures, each
// %n as (.*?), a repeated %n as a back-reference to its first capture.
struct RecordPattern
{
    QRegularExpression pattern;
    QList<int> captured; // placeholder number of each capture group
};

RecordPattern makeRecordPattern(const QString &source)
{
    RecordPattern record;
    QString pattern = QStringLiteral("^");
    qsizetype from = 0;
    for (const QRegularExpressionMatch &m : placeholderPattern().globalMatch(source)) {
        pattern += QRegularExpression::escape(source.mid(from, m.capturedStart() - from));
        const int number = m.capturedView(1).toInt();
        const qsizetype group = record.captured.indexOf(number);
        if (group >= 0) {
            pattern += QStringLiteral("\\%1").arg(group + 1);
        } else {
            record.captured.append(number);
            pattern += QStringLiteral("(.*?)");
        }
        from = m.capturedEnd();
    }
    pattern += QRegularExpression::escape(source.mid(from)) + QLatin1Char('$');
    record.pattern = QRegularExpression(pattern, QRegularExpression::DotMatchesEverythingOption);
    return record;
}

// Views call this for every row they show or filter: each template is compiled once.
const RecordPattern &recordPattern(const EventDefinition &definition)
{
    static QHash<const EventDefinition *, RecordPattern> patterns;
    auto it = patterns.find(&definition);
    if (it == patterns.end())
        it = patterns.insert(&definition, makeRecordPattern(QString::fromUtf8(definition.text)));
    return *it;
}
} // namespace

QString severityName(Severity severity)
{
    return QCoreApplication::translate("Tandem", severitySource(severity));
}

QString severitySourceName(Severity severity)
{
    return QString::fromUtf8(severitySource(severity));
}

namespace {
// Each constant of eventids.h has exactly one entry, and there is no entry besides them.
constexpr bool everyIdCataloguedOnce(const EventDefinition *catalog, std::size_t size)
{
    if (size != std::size(EventId::All))
        return false;
    for (const EventIdentifier &id : EventId::All) {
        int found = 0;
        for (std::size_t i = 0; i < size; ++i)
            found += std::string_view(catalog[i].id) == id.name() ? 1 : 0;
        if (found != 1)
            return false;
    }
    return true;
}
} // namespace

// The reference manual's Runtime Diagnostics, each in a primary and a secondary variant.
// %1 = server (pair) name, %2 = machine, %3 = monitor item id.
// Every id is a constant of eventids.h: the check after the table keeps the two in step.
const QList<EventDefinition> &EventCatalog::all()
{
    static constexpr EventDefinition catalog[] = {
#define TANDEM_EVENT_PAIR(id, severity, primaryText, secondaryText)                                \
    {id.primary.name(), Severity::severity, primaryText},                                          \
        {id.secondary.name(), Severity::severity, secondaryText}
#define TANDEM_EVENT_PAIR_NAMED(id, severity, primaryText, secondaryText, placeholders)            \
    {id.primary.name(), Severity::severity, primaryText, placeholders},                            \
    {                                                                                              \
        id.secondary.name(), Severity::severity, secondaryText, placeholders                       \
    }
        TANDEM_EVENT_PAIR(
            EventId::MonitorAddFailed, Error,
            QT_TRANSLATE_NOOP("TandemEvent",
                              "Attempt to add monitor item '%3' for '%1' on primary machine '%2' "
                              "failed. This monitor item will be considered in error."),
            QT_TRANSLATE_NOOP("TandemEvent",
                              "Attempt to add monitor item '%3' for '%1' on secondary machine '%2' "
                              "failed. This monitor item will be considered in error.")),
        TANDEM_EVENT_PAIR(
            EventId::Connected, Informational,
            QT_TRANSLATE_NOOP("TandemEvent", "Connected to '%1' on primary machine '%2'."),
            QT_TRANSLATE_NOOP("TandemEvent", "Connected to '%1' on secondary machine '%2'.")),
        TANDEM_EVENT_PAIR(
            EventId::Disconnected, Informational,
            QT_TRANSLATE_NOOP("TandemEvent", "Disconnected from '%1' on primary machine '%2'."),
            QT_TRANSLATE_NOOP("TandemEvent", "Disconnected from '%1' on secondary machine '%2'.")),
        TANDEM_EVENT_PAIR(
            EventId::ConnectFailed, Error,
            QT_TRANSLATE_NOOP("TandemEvent", "Failed to connect to '%1' on primary machine '%2'."),
            QT_TRANSLATE_NOOP("TandemEvent",
                              "Failed to connect to '%1' on secondary machine '%2'.")),
        TANDEM_EVENT_PAIR(
            EventId::MonitorArray, Error,
            QT_TRANSLATE_NOOP("TandemEvent",
                              "Monitor item '%3' for '%1' on primary machine '%2' contains array "
                              "data which is not "
                              "supported for the 'specific value' trigger condition."),
            QT_TRANSLATE_NOOP("TandemEvent",
                              "Monitor item '%3' for '%1' on secondary machine '%2' contains array "
                              "data which is not "
                              "supported for the 'specific value' trigger condition.")),
        TANDEM_EVENT_PAIR(
            EventId::MonitorError, Error,
            QT_TRANSLATE_NOOP("TandemEvent",
                              "Monitor item test in error for '%1' on primary machine '%2'."),
            QT_TRANSLATE_NOOP("TandemEvent",
                              "Monitor item test in error for '%1' on secondary machine '%2'.")),
        TANDEM_EVENT_PAIR(
            EventId::MonitorPassed, Informational,
            QT_TRANSLATE_NOOP("TandemEvent",
                              "Monitor item test passed for '%1' on primary machine '%2'."),
            QT_TRANSLATE_NOOP("TandemEvent",
                              "Monitor item test passed for '%1' on secondary machine '%2'.")),
        TANDEM_EVENT_PAIR(
            EventId::Promoted, Informational,
            QT_TRANSLATE_NOOP(
                "TandemEvent",
                "Promoted active connection for server '%1' to primary machine '%2'."),
            QT_TRANSLATE_NOOP(
                "TandemEvent",
                "Promoted active connection for server '%1' to secondary machine '%2'.")),
        TANDEM_EVENT_PAIR(
            EventId::Shutdown, Informational,
            QT_TRANSLATE_NOOP(
                "TandemEvent",
                "Received shutdown notification from server '%1' on primary machine '%2'."),
            QT_TRANSLATE_NOOP(
                "TandemEvent",
                "Received shutdown notification from server '%1' on secondary machine '%2'.")),
        TANDEM_EVENT_PAIR(
            EventId::StatusLost, Error,
            QT_TRANSLATE_NOOP("TandemEvent",
                              "Unable to retrieve status for server '%1' on primary machine '%2'. "
                              "Server communications has been lost."),
            QT_TRANSLATE_NOOP(
                "TandemEvent",
                "Unable to retrieve status for server '%1' on secondary machine '%2'. "
                "Server communications has been lost.")),
        // OPC UA's ServiceLevel (not in the reference manual, which predates it).
        TANDEM_EVENT_PAIR_NAMED(
            EventId::Degraded, Warning,
            QT_TRANSLATE_NOOP("TandemEvent", "Server '%1' on primary machine '%2' reports a "
                                             "degraded %3; the secondary machine is "
                                             "preferred while it is healthy."),
            QT_TRANSLATE_NOOP("TandemEvent", "Server '%1' on secondary machine '%2' reports a "
                                             "degraded %3; the primary machine is "
                                             "preferred while it is healthy."),
            QT_TRANSLATE_NOOP("TandemEventPlaceholders", "server,machine,level")),
        TANDEM_EVENT_PAIR_NAMED(
            EventId::ServiceRestored, Informational,
            QT_TRANSLATE_NOOP("TandemEvent",
                              "Server '%1' on primary machine '%2' reports a healthy %3 again."),
            QT_TRANSLATE_NOOP("TandemEvent",
                              "Server '%1' on secondary machine '%2' reports a healthy %3 again."),
            QT_TRANSLATE_NOOP("TandemEventPlaceholders", "server,machine,level")),
        // Tandem's own pair events (not in the reference manual): the first choice at start, the
        // operator's pin, and both machines in monitor error (docs/failover-decision.md).
        TANDEM_EVENT_PAIR(
            EventId::Serving, Informational,
            QT_TRANSLATE_NOOP("TandemEvent",
                              "Started redundancy for '%1': primary machine '%2' serves its "
                              "clients."),
            QT_TRANSLATE_NOOP("TandemEvent",
                              "Started redundancy for '%1': secondary machine '%2' serves its "
                              "clients.")),
        TANDEM_EVENT_PAIR(
            EventId::Pinned, Informational,
            QT_TRANSLATE_NOOP("TandemEvent",
                              "The operator made primary machine '%2' active for '%1'; it is "
                              "held there until returned to automatic."),
            QT_TRANSLATE_NOOP("TandemEvent",
                              "The operator made secondary machine '%2' active for '%1'; it is "
                              "held there until returned to automatic.")),
        TANDEM_EVENT_PAIR(
            EventId::PinEnded, Warning,
            QT_TRANSLATE_NOOP("TandemEvent",
                              "The operator's hold on primary machine '%2' for '%1' ended: it "
                              "lost communication. Automatic fail-over applies again."),
            QT_TRANSLATE_NOOP("TandemEvent",
                              "The operator's hold on secondary machine '%2' for '%1' ended: it "
                              "lost communication. Automatic fail-over applies again.")),
        TANDEM_EVENT_PAIR(
            EventId::PinReleased, Informational,
            QT_TRANSLATE_NOOP("TandemEvent",
                              "'%1' returned to automatic fail-over; primary machine '%2' was "
                              "held by the operator."),
            QT_TRANSLATE_NOOP("TandemEvent",
                              "'%1' returned to automatic fail-over; secondary machine '%2' was "
                              "held by the operator.")),
#undef TANDEM_EVENT_PAIR_NAMED
#undef TANDEM_EVENT_PAIR
        // Tandem's own events (not in the reference manual). %1.. as the texts say.
        {EventId::MonitorErrorBoth.name(), Severity::Warning,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "Both machines of '%1' report monitor errors ('%2' and '%3'); the "
                           "pair stays where it is and does not switch."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "server,primary machine,secondary machine")},
        {EventId::EngineStarted.name(), Severity::Informational,
         QT_TRANSLATE_NOOP("TandemEvent", "Tandem engine started with %1 pair(s) running."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "pairs")},
        {EventId::EngineStopped.name(), Severity::Informational,
         QT_TRANSLATE_NOOP("TandemEvent", "Tandem engine stopped."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "")},
        {EventId::ConfigLoaded.name(), Severity::Informational,
         QT_TRANSLATE_NOOP("TandemEvent", "Configuration '%1' applied."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "file")},
        {EventId::ConfigRejected.name(), Severity::Error,
         QT_TRANSLATE_NOOP(
             "TandemEvent",
             "Configuration '%1' was rejected and the previous one keeps running: %2"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "file,reason")},
        {EventId::EndpointFailed.name(), Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent", "Cannot serve clients of '%1' on %2: %3"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "server,endpoint,reason")},
        {EventId::SmtpFailed.name(), Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "E-mail notification could not be sent through '%1' nor '%2'; it "
                           "stays in the outbox and is retried: %3"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "primary SMTP,secondary SMTP,reason")},
        {EventId::SmtpRestored.name(), Severity::Informational,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "E-mail notification delivered again through '%1'; %2 mail(s) wait "
                           "in the outbox."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "SMTP server,count")},
        {EventId::MailRecipientRefused.name(), Severity::Warning,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "E-mail notification '%1' was delivered through '%2', but the server "
                           "refused: %3"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "subject,SMTP server,recipients")},
        {EventId::MailDropped.name(), Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "E-mail notification '%1' to %2 was dropped after %3 attempt(s) over "
                           "%4 hour(s); the last error: %5"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "subject,recipients,attempts,hours,error")},
        {EventId::OutboxError.name(), Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent", "The e-mail outbox '%1' could not be used: %2"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "file,reason")},
        {EventId::LicenseChanged.name(), Severity::Informational,
         QT_TRANSLATE_NOOP("TandemEvent", "License: %1"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "state")},
        {EventId::LicenseDemoExpiring.name(), Severity::Warning,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "The demo period ends in %1 minute(s): then the engine stops serving. "
                           "Enter a serial number (Help › Purchase a License)."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "minutes")},
        {EventId::LicenseDemoExpired.name(), Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "The demo period is over: the engine stopped serving its clients. "
                           "Restart it for another demo period, or license Tandem."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "")},
        {EventId::LicensePairsExceeded.name(), Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "The license allows %1 pair(s); '%2' is enabled beyond that: it "
                           "passes its clients to its primary machine without redundancy."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "pairs,server")},
        // a grace start that was changed or copied ends the grace period.
        {EventId::LicenseGraceEnded.name(), Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "The license's grace period has ended: the start stored in %1 was "
                           "changed, or the license was copied from another computer or folder. "
                           "Demo limits apply until the license is unlocked (Help › Unlock a "
                           "License)."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "file")},
        {EventId::ClientMalformed.name(), Severity::Warning,
         QT_TRANSLATE_NOOP("TandemEvent", "Closed the connection of a client of '%1' from %2: %3"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "server,client,reason")},
        // Hostile or broken clients: limits, floods and the descriptor limit.
        {EventId::ClientLimit.name(), Severity::Warning,
         QT_TRANSLATE_NOOP("TandemEvent", "Closed the connection of a client of '%1' from %2: %3"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "server,client,reason")},
        {EventId::ClientStalled.name(), Severity::Warning,
         QT_TRANSLATE_NOOP("TandemEvent", "Closed the connection of a client of '%1' from %2: %3"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "server,client,reason")},
        {EventId::ClientEventsSuppressed.name(), Severity::Warning,
         QT_TRANSLATE_NOOP("TandemEvent", "%2 more events about clients of '%1' were not posted "
                                          "in the last minute (at most %3 a minute are)."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "server,count,limit")},
        {EventId::DescriptorsExhausted.name(), Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "Out of file descriptors while accepting clients of '%1' (%2 "
                           "connected): the longest idle clients are closed to keep accepting."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "server,clients")},
        {EventId::EventStoreError.name(), Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent", "The event history '%1' could not be used: %2"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "file,reason")},
        {EventId::BackupCreated.name(), Severity::Informational,
         QT_TRANSLATE_NOOP("TandemEvent", "Scheduled backup '%1' created."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "file")},
        {EventId::BackupFailed.name(), Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent", "Scheduled backup into '%1' failed: %2"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "folder,reason")},
        {EventId::BackupExpired.name(), Severity::Informational,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "Deleted backup '%1': older than the retention period of %2 day(s)."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "file,days")},
        {EventId::BackupDiskFloor.name(), Severity::Warning,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "Deleted backup '%1' before its retention period ended: free space on "
                           "the backup disk is under the floor (%2 available of %3)."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "file,available,total")},
        {EventId::BackupDiskLow.name(), Severity::Warning,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "Free space on the backup disk of '%1' stays under the floor (%2 "
                           "available of %3) with only the newest backup left."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "folder,available,total")},
        // Who changed what through the control socket (roles and audit).
        {EventId::ControlCommand.name(), Severity::Informational,
         QT_TRANSLATE_NOOP("TandemEvent", "Control command '%1' from %2 (uid %3, pid %4)."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "command,user,uid,pid")},
        {EventId::ControlRefused.name(), Severity::Warning,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "Control command '%1' from %2 (uid %3, pid %4) was refused: it "
                           "needs the administrator role."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "command,user,uid,pid")},
        // OPC UA client limits.
        {EventId::ClientLoginLocked.name(), Severity::Warning,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "Refused logins to '%1' from %2 for %3 s after %4 failed attempts."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "server,client,seconds,attempts")},
        // Restore and a full disk.
        {EventId::RestoreOutboxDropped.name(), Severity::Warning,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "The e-mail outbox of the backup '%1' was not restored: %2"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "file,reason")},
        {EventId::MailRefused.name(), Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "New e-mail notifications are refused: the outbox '%1' cannot be "
                           "written (%2). Mail already in the outbox is still delivered."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "file,reason")},
        {EventId::MailAccepted.name(), Severity::Informational,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "The e-mail outbox '%1' takes new notifications again; %2 were "
                           "refused meanwhile."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "file,count")},
        // OPC UA certificates and security policies.
        {EventId::CertificateRejected.name(), Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "Refused the OPC UA certificate '%4' (SHA-1 thumbprint %5) of %2 for "
                           "'%1': %3."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "server,peer,status,subject,thumbprint")},
        {EventId::CertificateUnavailable.name(), Severity::Error,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "Tandem's own OPC UA certificate cannot be used for '%1': %2"),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "server,reason")},
        {EventId::DeprecatedPolicy.name(), Severity::Warning,
         QT_TRANSLATE_NOOP("TandemEvent",
                           "'%1' talks to %2 with the deprecated security policy %3."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "server,peer,policy")},
        {EventId::OperatorMethodCalled.name(), Severity::Informational,
         QT_TRANSLATE_NOOP("TandemEvent", "OPC UA user '%2' at %3 called %4 on '%1'."),
         QT_TRANSLATE_NOOP("TandemEventPlaceholders", "server,user,client,method")},
    };
    static_assert(everyIdCataloguedOnce(catalog, std::size(catalog)),
                  "every id of eventids.h needs one catalog entry, and every entry an id there");
    static const QList<EventDefinition> events(std::begin(catalog), std::end(catalog));
    return events;
}

const EventDefinition &EventCatalog::definition(EventIdentifier id)
{
    for (const EventDefinition &e : all())
        if (std::string_view(e.id) == id.name())
            return e;
    Q_UNREACHABLE(); // every id has an entry: checked when this file compiles
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

QString EventCatalog::sourceText(const EventDefinition &definition)
{
    return QString::fromUtf8(definition.text);
}

QString EventCatalog::displayText(const QString &id, const QString &recordedText)
{
    const EventDefinition *definition = find(id);
    if (!definition)
        return recordedText;
    const QString source = sourceText(*definition);
    const QString translated = text(*definition);
    if (translated == source)
        return recordedText;
    const RecordPattern &record = recordPattern(*definition);
    const QRegularExpressionMatch match = record.pattern.match(recordedText);
    if (!match.hasMatch())
        return recordedText;
    QStringList args;
    for (qsizetype i = 0; i < record.captured.size(); ++i) {
        const int number = record.captured.at(i);
        if (args.size() < number)
            args.resize(number);
        args[number - 1] = match.captured(int(i) + 1);
    }
    return fill(translated, args);
}

QString EventCatalog::fill(const QString &templateText, const QStringList &args)
{
    QString result;
    qsizetype from = 0;
    for (const QRegularExpressionMatch &m : placeholderPattern().globalMatch(templateText)) {
        result += templateText.mid(from, m.capturedStart() - from);
        const int number = m.capturedView(1).toInt();
        result += number <= args.size() ? args.at(number - 1) : m.captured();
        from = m.capturedEnd();
    }
    return result + templateText.mid(from);
}

} // namespace tandem
