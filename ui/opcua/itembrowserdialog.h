#pragma once

#include "config/monitoritem.h"
#include "config/opcuasecurity.h"
#include "engine/side.h"
#include "opcua/client.h"

#include <QDialog>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace tandem {

class ConfigDocument;
class ConsoleChannelSecurity;

// The Monitor Item dialog's item browser for OPC UA pairs (docs/requirements.md: "users can also
// browse the server's name space by clicking the browse button (...)"): the address space below the
// Objects folder as a tree whose branches are browsed when first expanded. OK takes the chosen
// Variable once its DataType attribute is read, so the Data Type combo can show what the server
// returns by default. Everything runs on the event loop over one session, which is closed when the
// dialog closes. A secured session uses Tandem's own certificate from the state directory; a
// server certificate the trust list does not hold (BadCertificateUntrusted) is offered to the
// operator (offerTrust()), and after Trust the dialog connects again.
class ItemBrowserDialog final : public QDialog
{
    Q_OBJECT

public:
    // How the session is secured, and where a refused server certificate can be trusted.
    struct Security
    {
        UaSecuritySetting setting; // None:None needs nothing else
        QString stateDir;
        ConfigDocument *document = nullptr; // the untrusted certificate dialog may pin it
        QString pairName;
        Side side = Side::None;
    };

    // url: "opc.tcp://host:port[/path]"
    explicit ItemBrowserDialog(const QString &url, const opcua::Identity &identity = {},
                               QWidget *parent = nullptr);
    ItemBrowserDialog(const QString &url, const opcua::Identity &identity, const Security &security,
                      QWidget *parent = nullptr);
    ~ItemBrowserDialog() override;

    // The chosen Variable's node id in text form, "ns=1;s=Counter"; empty until accepted.
    QString itemId() const { return m_itemId; }
    // Its data type as Tandem requests it; Default for types Tandem has no name for.
    DataType dataType() const { return m_dataType; }
    // How long connecting and each service call may take, from the next call on; for tests.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    void done(int result) override;

private:
    void connectToServer();
    void onConnectFailed(const QString &reason);
    // Drops the session politely; answers still on their way are ignored.
    void closeConnection();
    void browse(QTreeWidgetItem *parent);
    void onBrowsed(QTreeWidgetItem *parent, QList<opcua::ReferenceDescription> references,
                   const QList<opcua::BrowseResult> &results, const opcua::CallStatus &status);
    void addChildren(QTreeWidgetItem *parent, const QList<opcua::ReferenceDescription> &references);
    void pick();
    void showError(const QString &message, std::function<void()> retry);
    void hideError();
    void retry();
    void setStatus(const QString &text);
    void showReady();
    void updateOk();
    bool isConnected() const;
    opcua::NodeId nodeIdOf(QTreeWidgetItem *item) const;
    QString nameOf(QTreeWidgetItem *item) const;

    // Wraps a service callback so it runs only while this dialog and the connection it
    // was sent on still exist.
    template <typename Response>
    opcua::Client::Callback<Response>
    guarded(std::function<void(const Response &, const opcua::CallStatus &)> handle);

    const QString m_url;
    const opcua::Identity m_identity;
    const Security m_security;
    std::unique_ptr<ConsoleChannelSecurity> m_channelSecurity;
    QLabel *m_status;
    QTreeWidget *m_tree;
    QLabel *m_error;
    QPushButton *m_retry;
    QDialogButtonBox *m_buttons;

    int m_timeoutMs = opcua::Client::DefaultTimeoutMs;
    opcua::Client *m_client = nullptr;
    // Raised whenever the connection is replaced or closed, which makes older answers stale.
    quint64 m_generation = 0;
    std::function<void()> m_retryAction;
    bool m_picking = false;
    QString m_itemId;
    DataType m_dataType = DataType::Default;
};

} // namespace tandem
