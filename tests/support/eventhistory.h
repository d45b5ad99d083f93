#pragma once

#include <QString>

namespace tandem::test {

// Fills the event history of stateDir with `events` events (the cap set to that many), as a
// plant's engine leaves it after a long run: "connected" events of 50 pairs. False, with
// *error, when the store cannot be opened or written.
bool fillEventHistory(const QString &stateDir, int events, QString *error);

} // namespace tandem::test
