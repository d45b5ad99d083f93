#pragma once

// This engine's OPC UA certificates as the links to the servers and the pairs' endpoints
// use them: the store under the state directory (pki/, see pki/pkistore.h), Tandem's own
// application instance certificate, created on first use and read again when tandemctl or
// the console renewed or replaced it, and the validation of a peer's certificate, whose
// refusal becomes the event certificate-rejected (the pki folder cannot post events).

#include "base/clock.h"
#include "events/eventids.h"
#include "pki/applicationcertificate.h"
#include "pki/certificatevalidator.h"
#include "pki/pkistore.h"

#include <QDateTime>
#include <QString>

#include <memory>

namespace tandem {
class EventLog;
}

namespace tandem::opcua {

class LocalPki final
{
public:
    // events may be null (tests, tools): refusals are then only returned.
    LocalPki(const QString &stateDir, EventLog *events, const Clock *clock = Clock::system());

    const pki::PkiStore &store() const { return m_store; }
    const Clock &clock() const { return *m_clock; }

    // The own certificate and key, created on first use (this machine's host name and
    // addresses). Read again when its files changed since the last call. Null with *error
    // when there is none and none can be made (an unwritable state directory, a damaged
    // key): a secured channel cannot be opened then, and the caller says so.
    std::shared_ptr<const pki::ApplicationCertificate> own(QString *error);

    // Validates the certificate chain a peer sent (DER, its own first) for `pair`. A refusal
    // is posted as certificate-rejected with the pair, the peer's address, the subject,
    // the SHA-1 thumbprint and the status, and (for an unknown certificate) copied to
    // pki/rejected/certs.
    pki::ValidationResult validate(const QByteArray &certificates,
                                   const pki::ValidationOptions &options, const QString &pair,
                                   const QString &peer) const;

    // Posts an event about the certificates of `pair` (certificate-unavailable,
    // deprecated-policy); nothing without an event log.
    void post(EventIdentifier id, const QString &pair, const QStringList &args,
              const QString &reason = {}) const;

private:
    pki::PkiStore m_store;
    EventLog *m_events;
    const Clock *m_clock;
    std::shared_ptr<const pki::ApplicationCertificate> m_own;
    QDateTime m_ownCertificateTime, m_ownKeyTime; // the files' times when m_own was read
};

} // namespace tandem::opcua
