#pragma once

#include "licensefile.h"

#include <QJsonObject>
#include <QObject>

namespace tandem {

class Clock;
class EventLog;

// The engine's side of licensing: demo limits per engine start (a Warning event
// DemoWarningMs before the end, then an Error event and the engine stops serving) and
// the number of pairs a license allows. Time comes from a Clock (tests drive it).
class LicenseGate final : public QObject
{
    Q_OBJECT

public:
    LicenseGate(LicenseFile *license, EventLog *events, const Clock *clock,
                QObject *parent = nullptr);

    // The engine started (again): the demo period starts now.
    void start();
    // Posts the license state as an event (after the engine's start events).
    void announce();
    // Re-reads the license (after tandemctl or the console changed it) and checks the time.
    void refresh();
    // Checks the time; call it every second or so.
    void tick();

    const LicenseStatus &status() const { return m_status; }
    bool expired() const { return m_expired; }
    // Milliseconds of the demo period left; -1 when no demo limit applies.
    qint64 demoRemainingMs() const;
    // Which of `enabled` (in configuration order) the license lets run.
    QStringList allowedPairs(const QStringList &enabled) const;
    QJsonObject toJson() const;

Q_SIGNALS:
    // The demo period is over: stop serving.
    void demoExpired();
    // The license changed state (e.g. unlocked): the engine may serve again.
    void changed();

private:
    // A grace period ended by a changed start or a copied license: one Error event.
    void reportTampering();

    LicenseFile *m_license;
    EventLog *m_events;
    const Clock *m_clock;
    LicenseStatus m_status;
    qint64 m_startMs = 0;
    bool m_warned = false;
    bool m_tamperReported = false; // license-grace-ended, once per engine start
    bool m_expired = false;
};

} // namespace tandem
