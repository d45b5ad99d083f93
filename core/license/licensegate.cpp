#include "licensegate.h"

#include "base/clock.h"
#include "events/eventlog.h"

namespace tandem {

LicenseGate::LicenseGate(LicenseFile *license, EventLog *events, const Clock *clock,
                         QObject *parent)
    : QObject(parent)
    , m_license(license)
    , m_events(events)
    , m_clock(clock)
{}

void LicenseGate::start()
{
    m_startMs = m_clock->nowMs();
    m_warned = false;
    m_expired = false;
    m_tamperReported = false;
    m_status = m_license->status();
}

void LicenseGate::reportTampering()
{
    if (!m_status.graceTampered || m_tamperReported)
        return;
    m_tamperReported = true;
    m_events->post(EventId::LicenseGraceEnded, {}, {m_license->path()});
}

void LicenseGate::announce()
{
    if (!m_status.problem.isEmpty())
        m_events->post(EventId::LicenseChanged, {}, {m_status.problem});
    m_events->post(EventId::LicenseChanged, {}, {m_status.summary()});
    reportTampering();
}

void LicenseGate::refresh()
{
    const LicenseStatus before = m_status;
    m_status = m_license->status();
    if (m_status.state != before.state || m_status.serialText != before.serialText) {
        m_events->post(EventId::LicenseChanged, {}, {m_status.summary()});
        if (!m_status.demoLimited() && m_expired) {
            m_expired = false; // unlocked or licensed meanwhile: serve again
        }
        Q_EMIT changed();
    }
    reportTampering();
    tick();
}

qint64 LicenseGate::demoRemainingMs() const
{
    if (!m_status.demoLimited())
        return -1;
    return std::max<qint64>(0, LicenseFile::DemoMs - (m_clock->nowMs() - m_startMs));
}

void LicenseGate::tick()
{
    if (!m_status.demoLimited() || m_expired) {
        // A license in its grace period may run out while the engine runs.
        if (m_status.state == LicenseState::Licensed) {
            const LicenseStatus now = m_license->status();
            if (now.state != m_status.state)
                refresh();
        }
        return;
    }
    const qint64 left = demoRemainingMs();
    if (!m_warned && left <= LicenseFile::DemoWarningMs) {
        m_warned = true;
        m_events->post(EventId::LicenseDemoExpiring, {}, {QString::number((left + 59999) / 60000)});
    }
    if (left == 0) {
        m_expired = true;
        m_events->post(EventId::LicenseDemoExpired, {}, {});
        Q_EMIT demoExpired();
    }
}

QStringList LicenseGate::allowedPairs(const QStringList &enabled) const
{
    const int allowed = m_status.pairsAllowed();
    if (m_expired)
        return {};
    if (allowed < 0 || enabled.size() <= allowed)
        return enabled;
    return enabled.mid(0, allowed);
}

QJsonObject LicenseGate::toJson() const
{
    QJsonObject o = m_status.toJson();
    o.insert(QStringLiteral("demo-remaining-ms"), demoRemainingMs());
    o.insert(QStringLiteral("expired"), m_expired);
    return o;
}

} // namespace tandem
