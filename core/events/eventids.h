#pragma once

// The ids of the events Tandem posts, as code names them. An id is a constant below, so a
// misspelt one does not compile; the catalog (eventcatalog.cpp) is built from the same
// constants and a static_assert there fails when one of them has no catalog entry.
// Ids never change once released: tandem.xml selects the mailed events by them.

#include <QString>

#include <string_view>

// Events said of one machine of a pair, each in a primary and a secondary variant
// ("connected.primary", "connected.secondary").
#define TANDEM_SIDED_EVENT_IDS(X)                                                                  \
    X(MonitorAddFailed, "monitor-add-failed")                                                      \
    X(Connected, "connected")                                                                      \
    X(Disconnected, "disconnected")                                                                \
    X(ConnectFailed, "connect-failed")                                                             \
    X(MonitorArray, "monitor-array")                                                               \
    X(MonitorError, "monitor-error")                                                               \
    X(MonitorPassed, "monitor-passed")                                                             \
    X(Promoted, "promoted")                                                                        \
    X(Shutdown, "shutdown")                                                                        \
    X(StatusLost, "status-lost")                                                                   \
    X(Degraded, "degraded")                                                                        \
    X(ServiceRestored, "service-restored")                                                         \
    X(Serving, "serving")                                                                          \
    X(Pinned, "pinned")                                                                            \
    X(PinEnded, "pin-ended")                                                                       \
    X(PinReleased, "pin-released")

// Every other event.
#define TANDEM_EVENT_IDS(X)                                                                        \
    X(MonitorErrorBoth, "monitor-error-both")                                                      \
    X(EngineStarted, "engine-started")                                                             \
    X(EngineStopped, "engine-stopped")                                                             \
    X(ConfigLoaded, "config-loaded")                                                               \
    X(ConfigRejected, "config-rejected")                                                           \
    X(EndpointFailed, "endpoint-failed")                                                           \
    X(SmtpFailed, "smtp-failed")                                                                   \
    X(SmtpRestored, "smtp-restored")                                                               \
    X(MailRecipientRefused, "mail-recipient-refused")                                              \
    X(MailDropped, "mail-dropped")                                                                 \
    X(OutboxError, "outbox-error")                                                                 \
    X(LicenseChanged, "license-changed")                                                           \
    X(LicenseDemoExpiring, "license-demo-expiring")                                                \
    X(LicenseDemoExpired, "license-demo-expired")                                                  \
    X(LicensePairsExceeded, "license-pairs-exceeded")                                              \
    X(LicenseGraceEnded, "license-grace-ended")                                                    \
    X(ClientMalformed, "client-malformed")                                                         \
    X(ClientLimit, "client-limit")                                                                 \
    X(ClientStalled, "client-stalled")                                                             \
    X(ClientEventsSuppressed, "client-events-suppressed")                                          \
    X(DescriptorsExhausted, "descriptors-exhausted")                                               \
    X(EventStoreError, "event-store-error")                                                        \
    X(BackupCreated, "backup-created")                                                             \
    X(BackupFailed, "backup-failed")                                                               \
    X(BackupExpired, "backup-expired")                                                             \
    X(BackupDiskFloor, "backup-disk-floor")                                                        \
    X(BackupDiskLow, "backup-disk-low")                                                            \
    X(ControlCommand, "control-command")                                                           \
    X(ControlRefused, "control-refused")                                                           \
    X(ClientLoginLocked, "client-login-locked")                                                    \
    X(RestoreOutboxDropped, "restore-outbox-dropped")                                              \
    X(MailRefused, "mail-refused")                                                                 \
    X(MailAccepted, "mail-accepted")                                                               \
    X(CertificateRejected, "certificate-rejected")                                                 \
    X(CertificateUnavailable, "certificate-unavailable")                                           \
    X(DeprecatedPolicy, "deprecated-policy")                                                       \
    X(OperatorMethodCalled, "operator-method-called")

namespace tandem {

namespace EventIdDetail {
#define TANDEM_SIDED_EVENT_ID_STRINGS(name, id) id ".primary", id ".secondary",
#define TANDEM_EVENT_ID_STRING(name, id) id,
// Every id the catalog has, in catalog order.
inline constexpr const char *Known[] = {TANDEM_SIDED_EVENT_IDS(TANDEM_SIDED_EVENT_ID_STRINGS)
                                            TANDEM_EVENT_IDS(TANDEM_EVENT_ID_STRING)};
#undef TANDEM_EVENT_ID_STRING
#undef TANDEM_SIDED_EVENT_ID_STRINGS

constexpr bool isKnown(std::string_view id)
{
    for (const char *known : Known)
        if (id == known)
            return true;
    return false;
}
// Not constexpr on purpose: reached while compiling an EventIdentifier, it stops the build.
void notAnEventIdOfTheCatalog();
} // namespace EventIdDetail

// One catalog event's id. Made at compile time only, from an id the catalog has.
class EventIdentifier final
{
public:
    consteval explicit EventIdentifier(const char *id)
        : m_id(id)
    {
        if (!EventIdDetail::isKnown(id))
            EventIdDetail::notAnEventIdOfTheCatalog();
    }
    constexpr const char *name() const { return m_id; }
    QString toString() const { return QString::fromLatin1(m_id); }
    friend constexpr bool operator==(EventIdentifier a, EventIdentifier b)
    {
        return std::string_view(a.m_id) == std::string_view(b.m_id);
    }

private:
    const char *m_id;
};

// An event said of one machine of a pair: its primary and its secondary variant.
struct SidedEventIdentifier
{
    EventIdentifier primary;
    EventIdentifier secondary;
};

namespace EventId {
#define TANDEM_SIDED_EVENT_ID_CONSTANT(name, id)                                                   \
    inline constexpr SidedEventIdentifier name{EventIdentifier(id ".primary"),                     \
                                               EventIdentifier(id ".secondary")};
#define TANDEM_EVENT_ID_CONSTANT(name, id) inline constexpr EventIdentifier name{id};
TANDEM_SIDED_EVENT_IDS(TANDEM_SIDED_EVENT_ID_CONSTANT)
TANDEM_EVENT_IDS(TANDEM_EVENT_ID_CONSTANT)
#undef TANDEM_EVENT_ID_CONSTANT
#undef TANDEM_SIDED_EVENT_ID_CONSTANT

// Every id, in catalog order (a sided event's primary variant before its secondary one).
#define TANDEM_SIDED_EVENT_ID_LISTED(name, id) name.primary, name.secondary,
#define TANDEM_EVENT_ID_LISTED(name, id) name,
inline constexpr EventIdentifier All[] = {TANDEM_SIDED_EVENT_IDS(TANDEM_SIDED_EVENT_ID_LISTED)
                                              TANDEM_EVENT_IDS(TANDEM_EVENT_ID_LISTED)};
#undef TANDEM_EVENT_ID_LISTED
#undef TANDEM_SIDED_EVENT_ID_LISTED

// The constant for an id read at run time (a recorded event, a mail filter), if any.
inline const EventIdentifier *find(QStringView id)
{
    for (const EventIdentifier &known : All)
        if (id == QLatin1String(known.name()))
            return &known;
    return nullptr;
}
} // namespace EventId

} // namespace tandem
