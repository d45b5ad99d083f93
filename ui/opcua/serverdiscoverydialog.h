#pragma once

#include "config/opcuasecurity.h"
#include "engine/side.h"

#include <QDialog>
#include <QList>
#include <QString>

#include <memory>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace tandem {

class ConfigDocument;
class ConsoleChannelSecurity;

namespace opcua {
class Client;
struct ApplicationDescription;
struct EndpointDescription;
} // namespace opcua

// The General tab's machine browser for OPC UA pairs (docs/requirements.md: "click the browse
// button
// (...) in order to invoke the Machine Browser"): asks a host for its OPC UA servers
// (FindServers) and each server for its endpoints (GetEndpoints), over secure channels
// without a session. Tandem speaks SecurityPolicy None only, so only such endpoints can
// be chosen; machine() is the chosen endpoint's host:port. Everything runs on the event
// loop, and the connections close when the search ends or the dialog closes.
class ServerDiscoveryDialog final : public QDialog
{
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 10000;

    // host: "host[:port]" (port 4840 when omitted) or an opc.tcp URL, e.g. the machine
    // field's current text.
    explicit ServerDiscoveryDialog(const QString &host, QWidget *parent = nullptr);
    ~ServerDiscoveryDialog() override;

    // The chosen endpoint as "host:port" (IPv6 in brackets); empty while none is chosen.
    QString machine() const;
    bool isSearching() const { return m_pending > 0; }
    // How long connecting and each service call may take; for tests.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // Where secured endpoints are checked and their certificates trusted: the state
    // directory's pki/, and the pair and side the machine is chosen for (the untrusted
    // certificate dialog can record the certificate as the one that pair expects). Without
    // a state directory only endpoints with security policy None can be chosen.
    void setTrust(const QString &stateDir, ConfigDocument *document, const QString &pairName,
                  Side side);
    // The chosen endpoint's security policy and mode (None:None while none is chosen).
    UaSecuritySetting setting() const;
    // The SHA-1 thumbprint of the chosen endpoint's certificate; empty under None.
    QString serverThumbprint() const;

    // A secured endpoint is taken only once a secured channel to it opened.
    void accept() override;
    void done(int result) override;

Q_SIGNALS:
    // A search ended: with servers listed, errors shown, or both.
    void searchFinished();

private:
    void find();
    void onChannelOpen();
    void onServersFound(const QList<opcua::ApplicationDescription> &servers);
    void listEndpoints(QTreeWidgetItem *serverItem, const QString &discoveryUrl);
    void addEndpoint(QTreeWidgetItem *serverItem, const opcua::EndpointDescription &endpoint);
    void addError(const QString &error);
    void stepDone();
    void finishSearch();
    // Ends the search at once: connections dropped, answers still on the way ignored.
    void stopSearch();
    // Closes a connection that has nothing pending, politely.
    void closeConnection(opcua::Client *client);
    opcua::Client *newClient();
    bool isAskedServer(const QString &url) const;
    void updateOk();
    // Opens a secured channel to the chosen endpoint; accepts once it is open.
    void verifyChosen();
    void onVerifyFailed(const QString &url, const QString &reason);
    void stopVerifying();

    QLineEdit *m_host;
    QPushButton *m_find;
    QLabel *m_status;
    QLabel *m_error;
    QTreeWidget *m_servers;
    QDialogButtonBox *m_buttons;

    int m_timeoutMs = DefaultTimeoutMs;
    // Answers carry the search they belong to; a new search or a closed dialog makes
    // older answers stale.
    quint64 m_search = 0;
    int m_pending = 0; // steps of the running search still waited for
    QString m_askedUrl;
    QString m_askedHost; // as shown to the operator: host:port
    QString m_askedHostName;
    quint16 m_askedPort = 0;
    opcua::Client *m_channel = nullptr; // to the asked host:port
    QList<opcua::Client *> m_clients;   // every open connection of the running search
    QStringList m_errors;

    QString m_stateDir;
    ConfigDocument *m_document = nullptr;
    QString m_pairName;
    Side m_side = Side::None;
    opcua::Client *m_verifier = nullptr; // the secured channel OK opens
    std::unique_ptr<ConsoleChannelSecurity> m_verifierSecurity;
    bool m_verified = false;
};

} // namespace tandem
