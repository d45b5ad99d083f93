#pragma once

#include "engine/side.h"
#include "pki/certificate.h"
#include "pki/certificatestatus.h"

#include <QDialog>
#include <QString>

class QCheckBox;
class QLabel;

namespace tandem {

class ConfigDocument;

// Where a server presented a certificate Tandem does not trust.
struct UntrustedServerContext
{
    // The pair whose link met it, and which of its servers; empty / Side::None when the
    // server is not (yet) one of a pair's, e.g. while browsing for servers.
    QString pairName;
    Side side = Side::None;
    QString serverUrl; // "opc.tcp://plc-a:4840"
    // Why it was refused (OPC 10000-4 §6.1.3): BadCertificateUntrusted for an unknown one.
    pki::CertificateStatus status = pki::CertificateStatus::BadCertificateUntrusted;
};

// The question an operator answers when a secured connection meets a server certificate
// the trust list does not hold: the certificate's details (subject, SHA-1 thumbprint in
// groups, ApplicationUri, validity, host names, issuer) and Trust / Cancel. Trust asks once
// to compare the thumbprint with the one the server shows, files the certificate in
// pki/trusted/certs of the state directory, and can record its thumbprint as the
// certificate the pair expects from that server (in the document, saved with the rest).
class UntrustedCertificateDialog final : public QDialog
{
    Q_OBJECT

public:
    // document: where the pair's expected certificate is recorded; null: it is not offered.
    UntrustedCertificateDialog(const pki::Certificate &certificate,
                               const UntrustedServerContext &context, const QString &stateDir,
                               ConfigDocument *document = nullptr, QWidget *parent = nullptr);

    // Trust: asks for the confirmation, then trusts; stays open with the error when the
    // certificate cannot be filed.
    void accept() override;
    // The certificate is in pki/trusted/certs now (also when recording it for the pair failed
    // and the dialog stayed open to say so).
    bool trusted() const { return m_trusted; }
    // The thumbprint went into the pair's configuration.
    bool recordedExpected() const { return m_recorded; }

private:
    // The pair's link to that server, when one is named and it uses a security policy:
    // an expected certificate needs one (config/configvalidator.cpp).
    bool canRecord() const;

    pki::Certificate m_certificate;
    UntrustedServerContext m_context;
    QString m_stateDir;
    ConfigDocument *m_document;
    QCheckBox *m_record;
    QLabel *m_error;
    bool m_trusted = false;
    bool m_recorded = false;
};

// The hook for whoever meets an untrusted server certificate (the Browse OPC UA Servers
// dialog, a first connection): shows the dialog above, modal over `parent`; true when the
// operator trusted the certificate, so the caller may connect again.
bool offerTrust(QWidget *parent, const pki::Certificate &certificate,
                const UntrustedServerContext &context, const QString &stateDir,
                ConfigDocument *document = nullptr);

} // namespace tandem
