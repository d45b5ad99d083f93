#pragma once

// PairRuntime's per-side state, shared by its two source files: pairruntime.cpp (links,
// status queries, monitor items) and pairruntimedecision.cpp (judging the sides and
// choosing the active one). Not for use outside PairRuntime.

#include "base/logging.h"
#include "monitorevaluator.h"
#include "pairruntime.h"

namespace tandem {

struct PairRuntime::SideState
{
    ServerLink *link = nullptr;
    std::unique_ptr<ClockTimer> statusTimer;
    std::unique_ptr<ClockTimer> reconnectTimer;
    bool connecting = false;
    bool connected = false;   // TCP (or channel) up
    bool statusKnown = false; // the server answered on this connection: it is established
    bool statusPending = false;
    bool lost = false;     // the last attempt or connection failed
    bool shutdown = false; // announced its shutdown; cleared by the next established connection
    bool degraded = false;
    QString degradedReason;
    int statusFailures = 0; // consecutive failed status queries on this connection
    Outcome lastOutcome = Outcome::None;
    std::unique_ptr<MonitorEvaluator> monitor;
    bool monitoring = false;
    int reportedMonitor = -1;     // -1 nothing posted yet on this connection, 0 passed, 1 in error
    bool coldLeftInError = false; // Cold: left because its items were in error
    qint64 fullyHealthySinceMs = -1;
    QString lastError;
    QString lastReason;
};

} // namespace tandem
