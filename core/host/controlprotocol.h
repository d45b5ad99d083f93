#pragma once

#include <QLatin1String>

// The commands of the control socket (controlserver.h): a request is one JSON object whose
// "command" is one of these names. ControlClient sends them, EngineHost carries them out,
// controlrole.cpp says which role each needs. Names are a contract with tandemctl and the
// console of other versions: they do not change.
namespace tandem::ControlCommand {

inline constexpr QLatin1String Status("status");                  // the live state
inline constexpr QLatin1String Reload("reload");                  // re-read tandem.xml
inline constexpr QLatin1String FlushEvents("flush-events");       // commit queued events
inline constexpr QLatin1String ResetEvents("reset-events");       // clear the event history
inline constexpr QLatin1String LicenseRefresh("license-refresh"); // re-read the license
inline constexpr QLatin1String NotifyRetry("notify-retry");       // retry the e-mail outbox
inline constexpr QLatin1String Switch("switch"); // "pair", "side": primary, secondary or auto
inline constexpr QLatin1String MakeActive("make-active"); // the same as switch
// "user": an OPC UA user of the endpoints with its password hash (opcua/opcuauserstore.h)
inline constexpr QLatin1String OpcUaUserAdd("opcua-user-add");
inline constexpr QLatin1String OpcUaUserRemove("opcua-user-remove"); // "name"

} // namespace tandem::ControlCommand
