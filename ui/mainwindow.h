#pragma once

#include <QMainWindow>

class QAction;
class QTabWidget;

namespace tandem {

class ConfigDocument;
class EngineSession;
class DiagnosticsPage;
class GeneralPage;
class MonitoringPage;
class NotificationsPage;
class ServerTree;
class ServiceController;

// The console (docs/requirements.md, the console): menus, toolbar, the server tree and the four
// tabs. It edits the ConfigDocument; it never talks to a server itself.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // engine may be null (tests of the configuration alone).
    explicit MainWindow(ConfigDocument *document, EngineSession *engine = nullptr,
                        QWidget *parent = nullptr);

    bool save();          // File › Save; false with a message when refused
    void addPair();       // Edit › Add Redundant Server Configuration...
    void removePair();    // the selected one
    void aliasPair();     // Edit › Alias...
    void unaliasPair();   // Edit › Unalias
    void toggleEnabled(); // Edit › Enable/Disable Redundancy
    void showHelp();      // F1: the page of the current tab
    void showContents();  // Help › Contents: the manual's contents page
    QString helpTopic() const;
    void purchaseLicense(); // Help › Purchase a License...
    void unlockLicense();   // Help › Unlock a License...
    void transferLicense(); // Help › Transfer a License...
    void showTechnicalSupport();
    void showAbout();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void updateTitle();
    void updateActions();
    // Unlock is offered only while a serial is installed but not unlocked (docs/requirements.md).
    void updateLicenseActions();
    void onEngineStatus();
    // " (Demo Expires 01:23:45)", " (Demo Expired)", " (3 Days Left to Unlock)" or empty.
    QString licenseTitleSuffix() const;
    void showIssues(const QString &title, const QString &intro, const QString &details);
    void showContextMenu(const QString &pairName, const QPoint &globalPos);
    void checkConfiguration();

    ConfigDocument *m_document;
    EngineSession *m_engine;
    ServerTree *m_tree;
    QTabWidget *m_tabs;
    GeneralPage *m_general;
    MonitoringPage *m_monitoring;
    DiagnosticsPage *m_diagnostics;
    NotificationsPage *m_notifications;
    ServiceController *m_services = nullptr;

    QAction *m_saveAction;
    QAction *m_addAction;
    QAction *m_removeAction;
    QAction *m_aliasAction;
    QAction *m_unaliasAction;
    QAction *m_enableAction;
    QAction *m_unlockAction = nullptr;
    QString m_engineLicenseState;
};

} // namespace tandem
