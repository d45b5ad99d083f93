#include "loginthrottle.h"

#include <algorithm>

namespace tandem::opcua {

void LoginThrottle::setLimits(int attempts, qint64 lockoutMs)
{
    m_attempts = std::max(1, attempts);
    m_lockoutMs = std::max<qint64>(1, lockoutMs);
}

qint64 LoginThrottle::lockedFor(const QString &address, qint64 nowMs) const
{
    const auto it = m_records.constFind(address);
    if (it == m_records.cend())
        return 0;
    return std::max<qint64>(0, it->lockedUntil - nowMs);
}

qint64 LoginThrottle::lockoutAfter(int failures) const
{
    // The first lockout at `attempts` failures, doubling with each failure after it.
    const int doublings = std::min(failures - m_attempts, 20);
    const qint64 cap = std::max(MaxLockoutMs, m_lockoutMs);
    return std::min(cap, m_lockoutMs << doublings);
}

void LoginThrottle::makeRoom(qint64 nowMs)
{
    expire(nowMs);
    if (m_records.size() < MaxAddresses)
        return;
    // The address whose last failure is oldest makes room: it is the least likely to be
    // guessing now.
    auto quietest = m_records.begin();
    for (auto it = m_records.begin(); it != m_records.end(); ++it)
        if (std::max(it->lastFailure, it->lockedUntil) <
            std::max(quietest->lastFailure, quietest->lockedUntil))
            quietest = it;
    m_records.erase(quietest);
}

bool LoginThrottle::tryBegin(const QString &address, qint64 nowMs)
{
    if (lockedFor(address, nowMs) > 0)
        return false;
    if (!m_records.contains(address) && m_records.size() >= MaxAddresses)
        makeRoom(nowMs);
    Record &r = m_records[address];
    if (r.failures + r.checking >= std::max(m_attempts, r.failures + 1))
        return false;
    ++r.checking;
    return true;
}

void LoginThrottle::endCheck(const QString &address)
{
    const auto it = m_records.find(address);
    if (it != m_records.end() && it->checking > 0)
        --it->checking;
}

void LoginThrottle::succeeded(const QString &address)
{
    const auto it = m_records.find(address);
    if (it == m_records.end())
        return;
    if (it->checking <= 1) {
        m_records.erase(it);
        return;
    }
    --it->checking;
    it->failures = 0;
    it->lockedUntil = 0;
}

void LoginThrottle::cancelled(const QString &address)
{
    endCheck(address);
}

qint64 LoginThrottle::failed(const QString &address, qint64 nowMs)
{
    if (!m_records.contains(address) && m_records.size() >= MaxAddresses)
        makeRoom(nowMs);
    endCheck(address);
    Record &r = m_records[address];
    if (r.lockedUntil > nowMs)
        return 0; // not checked, so not counted: the lockout is not extended by guessing
    r.failures = std::min(r.failures + 1, 1 << 20);
    r.lastFailure = nowMs;
    if (r.failures < m_attempts)
        return 0;
    const qint64 lockout = lockoutAfter(r.failures);
    r.lockedUntil = nowMs + lockout;
    return lockout;
}

void LoginThrottle::expire(qint64 nowMs)
{
    for (auto it = m_records.begin(); it != m_records.end();) {
        if (it->checking == 0 && nowMs - std::max(it->lastFailure, it->lockedUntil) > ForgetAfterMs)
            it = m_records.erase(it);
        else
            ++it;
    }
}

} // namespace tandem::opcua
