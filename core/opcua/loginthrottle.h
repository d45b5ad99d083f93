#pragma once

// Failed logins per client address: after `attempts` failures in a row an address
// is locked out for `lockout` ms, and every failure after a lockout doubles the next one
// (up to an hour, or the lockout itself when that is longer). A locked-out address is
// refused whatever it sends, so a guess made then is never checked: a thousand wrong
// passwords cost the attacker hours instead of a second. A good login forgets the
// address; so does an hour without failures. OPC 10000-4, 5.6.3 (ActivateSession) asks
// servers to guard against such guessing; the answer is BadUserAccessDenied either way.

#include <QHash>
#include <QString>

namespace tandem::opcua {

class LoginThrottle final
{
public:
    static constexpr qint64 MaxLockoutMs = 3600000;
    static constexpr qint64 ForgetAfterMs = 3600000;
    // Addresses remembered at most; past it the quietest are forgotten first.
    static constexpr int MaxAddresses = 10000;

    void setLimits(int attempts, qint64 lockoutMs);

    // Milliseconds left of the address's lockout; 0 when it may try.
    qint64 lockedFor(const QString &address, qint64 nowMs) const;
    // Starts checking a login (the password check is asynchronous): false when the address
    // is locked out, or when the checks under way could already make up the failures that
    // lock it (a client sending its guesses all at once gets no more checked than one
    // after the other). Each started check ends in failed(), succeeded() or cancelled().
    bool tryBegin(const QString &address, qint64 nowMs);
    // Records a failed login. Returns the lockout it starts (ms), 0 when none.
    qint64 failed(const QString &address, qint64 nowMs);
    void succeeded(const QString &address);
    void cancelled(const QString &address); // not the client's fault (no password to check)
    int failures(const QString &address) const { return m_records.value(address).failures; }
    // Forgets the addresses quiet for ForgetAfterMs (call now and then).
    void expire(qint64 nowMs);
    int addresses() const { return int(m_records.size()); }

private:
    struct Record
    {
        int failures = 0;
        int checking = 0; // checks begun and not ended
        qint64 lastFailure = 0;
        qint64 lockedUntil = 0;
    };
    qint64 lockoutAfter(int failures) const;
    void makeRoom(qint64 nowMs);
    void endCheck(const QString &address);

    int m_attempts = 5;
    qint64 m_lockoutMs = 30000;
    QHash<QString, Record> m_records;
};

} // namespace tandem::opcua
