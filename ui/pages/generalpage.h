#pragma once

#include <QWidget>

class QCheckBox;
class QGroupBox;
class QPushButton;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace tandem {

class ConfigDocument;
class EngineSession;
class OpcUaIdentityBox;
class OpcUaLoginRows;
class OpcUaSecurityGroup;
struct PairConfig;

// General tab (docs/requirements.md, General tab): machines, connection mode and status query
// settings of the selected pair. Every edit goes straight into the document, except an
// OPC UA user's password, which goes to the system keychain only.
class GeneralPage final : public QWidget
{
    Q_OBJECT

public:
    explicit GeneralPage(ConfigDocument *document, QWidget *parent = nullptr);
    ~GeneralPage() override;
    void setPair(const QString &name); // empty: nothing selected, page disabled
    // Shows the pair's live state from the engine and offers the manual switch.
    void setEngine(EngineSession *engine);
    QString pairName() const { return m_pairName; }

private:
    void load();
    void apply();
    void showFieldError(QLineEdit *edit, QLabel *label, const QString &error);
    void showLiveState();
    // OPC UA pairs: picks the machine from the servers a host lists, as if typed.
    void browseServers(QLineEdit *machine);

    ConfigDocument *m_document;
    QString m_pairName;
    bool m_loading = false;

    QLabel *m_protocol;
    QLineEdit *m_endpoint;
    QLabel *m_endpointError;
    QLineEdit *m_primary;
    QToolButton *m_browsePrimary;
    QLabel *m_primaryError;
    QLineEdit *m_secondary;
    QToolButton *m_browseSecondary;
    QLabel *m_secondaryError;
    OpcUaLoginRows *m_login;
    OpcUaSecurityGroup *m_security;
    OpcUaIdentityBox *m_identity;
    QComboBox *m_mode;
    QCheckBox *m_reconnectPrimary;
    QSpinBox *m_statusInterval;
    QSpinBox *m_statusTimeout;
    QSpinBox *m_failbackHoldoff;
    QSpinBox *m_failurePersistence;
    QLineEdit *m_statusItem;
    QLabel *m_statusItemError;
    QCheckBox *m_writeReplay;
    QComboBox *m_serverConnections;
    // Client limits.
    QSpinBox *m_clientLimit;
    QSpinBox *m_requestsPerClient;
    QSpinBox *m_outputPerClient;

    EngineSession *m_engine = nullptr;
    QGroupBox *m_live;
    QLabel *m_activeMachine;
    QLabel *m_primaryHealth;
    QLabel *m_secondaryHealth;
    QLabel *m_lastFailover;
    QPushButton *m_makePrimaryActive;
    QPushButton *m_makeSecondaryActive;
    QPushButton *m_returnToAutomatic;
};

} // namespace tandem
