#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

class QWidget;

namespace tandem {

class ConfigDocument;
class EngineSession;

// The engine's own first connection to a secured server that presents a certificate the
// trust list does not hold: the engine refuses it (BadCertificateUntrusted), files it in
// pki/rejected/certs and reports its thumbprint in the pair's status. This asks the
// operator about it once, with the dialog Browse OPC UA Servers shows (offerTrust()), and
// once trusted the engine connects on its next attempt. A certificate is asked about once
// per console session, trusted or not; Tools › Certificates… holds it afterwards.
class RefusedCertificatePrompt final : public QObject
{
    Q_OBJECT

public:
    // window: the parent of the dialog; document: where the pair's expected certificate
    // is recorded, and whose state directory holds the trust list.
    RefusedCertificatePrompt(EngineSession *engine, ConfigDocument *document, QWidget *window);

    // The thumbprints the operator was asked about in this session.
    QSet<QString> asked() const { return m_asked; }

Q_SIGNALS:
    // The operator answered about `thumbprint`; trusted: it is in pki/trusted/certs now.
    void answered(const QString &thumbprint, bool trusted);

private:
    void check();

    EngineSession *m_engine;
    ConfigDocument *m_document;
    QPointer<QWidget> m_window;
    QSet<QString> m_asked;
    bool m_asking = false;
};

} // namespace tandem
