#include "localpki.h"

#include "events/eventlog.h"
#include "pki/certificatestatus.h"

#include <QFileInfo>

namespace tandem::opcua {

namespace {

QDateTime modified(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.lastModified() : QDateTime();
}

} // namespace

LocalPki::LocalPki(const QString &stateDir, EventLog *events, const Clock *clock)
    : m_store(stateDir)
    , m_events(events)
    , m_clock(clock)
{}

std::shared_ptr<const pki::ApplicationCertificate> LocalPki::own(QString *error)
{
    const QString certificatePath = pki::ApplicationCertificate::certificatePath(m_store);
    const QString keyPath = pki::ApplicationCertificate::keyPath(m_store);
    if (m_own && modified(certificatePath) == m_ownCertificateTime &&
        modified(keyPath) == m_ownKeyTime)
        return m_own;
    auto loaded = pki::ApplicationCertificate::loadOrCreate(
        m_store, pki::ApplicationCertificateRequest::forThisMachine(), *m_clock, error);
    if (!loaded) {
        m_own.reset();
        return nullptr;
    }
    m_own = std::make_shared<const pki::ApplicationCertificate>(std::move(*loaded));
    m_ownCertificateTime = modified(certificatePath);
    m_ownKeyTime = modified(keyPath);
    return m_own;
}

void LocalPki::post(EventIdentifier id, const QString &pair, const QStringList &args,
                    const QString &reason) const
{
    if (m_events)
        m_events->post(id, pair, args, {}, reason);
}

pki::ValidationResult LocalPki::validate(const QByteArray &certificates,
                                         const pki::ValidationOptions &options, const QString &pair,
                                         const QString &peer) const
{
    const pki::CertificateValidator validator(m_store, *m_clock);
    pki::ValidationResult result = validator.validate(certificates, options);
    if (result.isGood() || !m_events)
        return result;
    const QString subject =
        result.certificate ? result.certificate->subject() : QStringLiteral("(unreadable)");
    const QString thumbprint = result.certificate ? result.certificate->thumbprint() : QString();
    m_events->post(EventId::CertificateRejected, pair,
                   {pair, peer, pki::statusName(result.status), subject, thumbprint}, {},
                   result.message);
    return result;
}

} // namespace tandem::opcua
