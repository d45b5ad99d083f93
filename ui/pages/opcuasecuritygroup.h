#pragma once

#include "config/opcuasecurity.h"

#include <QGroupBox>
#include <QString>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QToolButton;

namespace tandem {

// The General tab's OPC UA security of a pair (config/opcuasecurity.h): per server link a
// policy and mode and the certificate the server must present, the exceptions (deprecated
// policies, a host name mismatch), and what the endpoint offers its clients, with a warning
// when it offers None beyond this machine. The page writes security() into the document
// after the validator accepted it; a refused combination comes back as showError().
class OpcUaSecurityGroup final : public QGroupBox
{
    Q_OBJECT

public:
    explicit OpcUaSecurityGroup(QWidget *parent = nullptr);

    // Shows what the configuration holds; `endpoint` is the pair's endpoint text, for the
    // warning about None on an address other than loopback.
    void load(const OpcUaSecurity &security, const QString &endpoint);
    // What the fields say now.
    OpcUaSecurity security() const;
    // The validator's message for the last change, which was not applied; empty: none.
    void showError(const QString &message);

    // None:None offered on `endpoint`, which is not a loopback address.
    static bool offersNoneBeyondLoopback(const OpcUaSecurity &security, const QString &endpoint);

Q_SIGNALS:
    // The operator changed a field.
    void edited();

private:
    void fillPolicies(QComboBox *combo, const UaSecuritySetting &current);
    void fieldEdited();

    QComboBox *m_primary;
    QComboBox *m_secondary;
    QLineEdit *m_primaryCertificate;
    QLineEdit *m_secondaryCertificate;
    QToolButton *m_clearPrimary;
    QToolButton *m_clearSecondary;
    QCheckBox *m_allowDeprecated;
    QCheckBox *m_waiveHostName;
    QListWidget *m_listen;
    QLabel *m_warning;
    QLabel *m_error;

    // What load() showed: the listen order of what stays offered is kept.
    OpcUaSecurity m_loaded;
    bool m_loading = false;
};

} // namespace tandem
