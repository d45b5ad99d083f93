#pragma once

#include <QString>

#include <optional>

namespace tandem {

// The two machines of a pair, and how the engine judges each (docs/failover-decision.md).
enum class Side
{
    None = -1,
    Primary = 0,
    Secondary = 1
};
QString sideKey(Side side);                          // "primary", "secondary", "none"
std::optional<Side> sideFromKey(const QString &key); // "primary", "secondary" only
inline Side otherSide(Side side)
{
    return side == Side::Primary     ? Side::Secondary
           : side == Side::Secondary ? Side::Primary
                                     : Side::None;
}

// How one side of a pair is judged (docs/failover-decision.md, "How a side is judged").
enum class SideHealth
{
    Unknown,      // not tried yet (Cold's standby)
    Connecting,   // connecting, or connected and waiting for its first status answer
    Healthy,      // status answered; not degraded; monitor items passed or not yet tested
    Degraded,     // OPC UA ServiceLevel 1..199: serves, less well
    MonitorError, // monitor items in error >= failure count: serves, but its data is suspect
    Lost,         // connect failed, closed, or status failed failure-persistence times in a row
    ShuttingDown, // announced its shutdown
    PassThrough,  // redundancy disabled: connected, forwarded to, not judged
};
QString sideHealthKey(SideHealth health); // "healthy", "monitor-error", ...
std::optional<SideHealth> sideHealthFromKey(const QString &key);
// 0: cannot serve; 1: serves but impaired (degraded, monitor error); 2: healthy.
int serviceRank(SideHealth health);

} // namespace tandem
