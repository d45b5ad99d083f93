#include "refusedcertificateprompt.h"

#include "config/configdocument.h"
#include "engine/pairstatus.h"
#include "host/enginesession.h"
#include "pki/pkistore.h"
#include "untrustedcertificatedialog.h"

#include <QApplication>
#include <QWidget>

namespace tandem {

RefusedCertificatePrompt::RefusedCertificatePrompt(EngineSession *engine, ConfigDocument *document,
                                                   QWidget *window)
    : QObject(window)
    , m_engine(engine)
    , m_document(document)
    , m_window(window)
{
    // Asked from the event loop, never inside the status signal: the dialog is modal.
    connect(engine, &EngineSession::statusChanged, this, &RefusedCertificatePrompt::check,
            Qt::QueuedConnection);
}

void RefusedCertificatePrompt::check()
{
    // One question at a time, and none over another dialog the operator is busy with:
    // the next status asks again.
    if (m_asking || QApplication::activeModalWidget())
        return;
    QString error;
    const std::optional<EngineStatus> status = EngineStatus::fromJson(m_engine->status(), &error);
    if (!status)
        return; // the General tab says what is wrong with the engine's answer
    const QString stateDir = m_document->paths().stateDir;
    for (const PairStatus &pair : status->pairs) {
        for (const Side side : {Side::Primary, Side::Secondary}) {
            const SideStatus &s = pair.side(side);
            if (s.refusedCertificate.isEmpty() || m_asked.contains(s.refusedCertificate))
                continue;
            m_asked.insert(s.refusedCertificate);
            // The engine filed it in rejected/; a state directory this console cannot read
            // (a service's) leaves the question to `tandemctl cert trust`.
            const QList<pki::Certificate> rejected =
                pki::PkiStore(stateDir).certificates(pki::PkiStore::List::Rejected);
            const auto found =
                std::find_if(rejected.begin(), rejected.end(), [&](const pki::Certificate &c) {
                    return c.thumbprint() == s.refusedCertificate;
                });
            if (found == rejected.end())
                continue;
            m_asking = true;
            const bool trusted = offerTrust(
                m_window, *found,
                {pair.name, side, s.machine, pki::CertificateStatus::BadCertificateUntrusted},
                stateDir, m_document->pair(pair.name) ? m_document : nullptr);
            m_asking = false;
            Q_EMIT answered(s.refusedCertificate, trusted);
            return; // the status may have moved on while the dialog was open
        }
    }
}

} // namespace tandem
