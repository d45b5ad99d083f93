#pragma once

#include "config/monitoritem.h"
#include "config/pairconfig.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace tandem {

class ConfigDocument;

namespace opcua {
struct Identity;
}

// Seed: the Monitor Item dialog. OK is accepted only for a valid item; a no-change
// period below twice the update rate is raised with an informational prompt. For OPC UA
// pairs a browse button (...) next to the Item ID opens the primary machine's items, logged
// in with the pair's user name and its password from the system keychain.
class MonitorItemDialog final : public QDialog
{
    Q_OBJECT

public:
    MonitorItemDialog(const PairConfig &pair, const MonitorItem &item, QWidget *parent = nullptr);
    MonitorItem item() const;
    void accept() override;
    // Where the item browser finds Tandem's certificates for a secured primary link, and
    // records a server certificate the operator trusts there.
    void setTrust(const QString &stateDir, ConfigDocument *document);

private:
    void updateTriggerData();
    void browseItems();
    void openBrowser(const QString &url, const opcua::Identity &identity);

    PairConfig m_pair;
    QString m_stateDir;
    ConfigDocument *m_document = nullptr;
    QLineEdit *m_accessPath;
    QLineEdit *m_itemId;
    QToolButton *m_browse = nullptr; // OPC UA pairs only
    bool m_readingPassword = false;  // browse waits for the keychain
    QComboBox *m_dataType;
    QSpinBox *m_updateRate;
    QComboBox *m_trigger;
    QLineEdit *m_triggerData;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace tandem
