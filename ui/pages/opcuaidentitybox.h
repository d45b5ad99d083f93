#pragma once

#include "config/opcuaidentity.h"

#include <QGroupBox>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace tandem {

class OpcUaSidePassword;
struct PairConfig;

// The General tab's OPC UA identities of a pair (config/opcuaidentity.h): who may log on to
// the pair's endpoint (anonymous clients, the OPC UA users of Tools › OPC UA Users…, the
// pair's own user, X.509 user certificates, passwords in clear text) and the user the
// engine logs in with on each machine when it is not the pair's user name.
class OpcUaIdentityBox final : public QGroupBox
{
    Q_OBJECT

public:
    explicit OpcUaIdentityBox(QWidget *parent = nullptr);

    // What the configuration holds for the pair (its identity() when it has none yet).
    void showPair(const PairConfig &pair);
    // The settings shown, into pair; a pair without identity settings gets them only once
    // one of them differs from what it had.
    void applyTo(PairConfig &pair) const;

Q_SIGNALS:
    // The operator changed a setting; the page applies it to the configuration.
    void edited();

private:
    OpcUaIdentity shown() const;

    QCheckBox *m_anonymous;
    QCheckBox *m_users;
    QCheckBox *m_pairUser;
    QCheckBox *m_certificates;
    QCheckBox *m_clearText;
    QLineEdit *m_primaryUser;
    QLineEdit *m_secondaryUser;
    OpcUaSidePassword *m_primaryPassword;
    OpcUaSidePassword *m_secondaryPassword;
    QCheckBox *m_clearTextToServers;
    QLabel *m_note;
};

} // namespace tandem
