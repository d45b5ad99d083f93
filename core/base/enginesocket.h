#pragma once

#include <QString>

namespace tandem::EngineSocket {

// The local socket an engine serving stateDir answers on (host/controlserver.h speaks the
// protocol on it).
QString pathFor(const QString &stateDir);
// Whether an engine serves stateDir: something answers on its socket, or the socket is
// there and this user may not open it (the system service's, seen from outside its group).
bool isRunning(const QString &stateDir);

} // namespace tandem::EngineSocket
