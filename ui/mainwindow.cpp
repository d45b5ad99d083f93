#include "mainwindow.h"

#include "certificates/certificatesdialog.h"
#include "certificates/refusedcertificateprompt.h"
#include "config/configdocument.h"
#include "config/configvalidator.h"
#include "dialogs/addpairdialog.h"
#include "dialogs/aliasdialog.h"
#include "dialogs/backupdialog.h"
#include "dialogs/opcuausersdialog.h"
#include "helpviewer.h"
#include "host/enginesession.h"
#include "languagemenu.h"
#include "license/licensefile.h"
#include "license/purchasedialog.h"
#include "license/transferwizard.h"
#include "license/unlockdialog.h"
#include "pages/diagnosticspage.h"
#include "pages/generalpage.h"
#include "pages/monitoringpage.h"
#include "pages/notificationspage.h"
#include "servertree.h"
#include "servicecontroller.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

namespace tandem {

MainWindow::MainWindow(ConfigDocument *document, EngineSession *engine, QWidget *parent)
    : QMainWindow(parent)
    , m_document(document)
    , m_engine(engine)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tandem.svg")));
    m_tree = new ServerTree(document);
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_general = new GeneralPage(document);
    m_monitoring = new MonitoringPage(document);
    m_diagnostics = new DiagnosticsPage(document);
    m_notifications = new NotificationsPage(document);
    m_tabs->addTab(m_general, tr("General"));
    m_tabs->addTab(m_monitoring, tr("Monitoring"));
    m_tabs->addTab(m_diagnostics, tr("Diagnostics"));
    // The tallest page (about 800 px): on a smaller screen it scrolls instead of
    // squeezing its fields over each other.
    auto *notificationsScroll = new QScrollArea;
    notificationsScroll->setObjectName(QStringLiteral("notificationsScroll"));
    notificationsScroll->setWidgetResizable(true);
    notificationsScroll->setFrameShape(QFrame::NoFrame);
    notificationsScroll->setWidget(m_notifications);
    m_tabs->addTab(notificationsScroll, tr("Notifications"));

    auto *splitter = new QSplitter;
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_tree);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);

    createActions();
    createMenus();
    statusBar()->showMessage(tr("Configuration: %1").arg(document->filePath()));
    if (engine) {
        m_general->setEngine(engine);
        m_diagnostics->setEngine(engine);
        auto *engineLabel = new QLabel(tr("Engine: %1").arg(engine->description()));
        engineLabel->setObjectName(QStringLiteral("engineLabel"));
        statusBar()->addPermanentWidget(engineLabel);
        // The engine changes hands when the service is installed or removed.
        connect(engine, &EngineSession::engineChanged, engineLabel, [engineLabel, engine] {
            engineLabel->setText(tr("Engine: %1").arg(engine->description()));
        });
        connect(engine, &EngineSession::commandFailed, this, [this](const QString &message) {
            QMessageBox::warning(this, tr("Tandem engine"), message);
        });
        connect(engine, &EngineSession::statusChanged, this, &MainWindow::onEngineStatus);
        // A secured server the engine met with an unknown certificate: asked about once.
        auto *refused = new RefusedCertificatePrompt(engine, document, this);
        refused->setObjectName(QStringLiteral("refusedCertificatePrompt"));
        connect(engine, &EngineSession::reloaded, this, [this](const ConfigIssues &issues) {
            if (!issues.isEmpty())
                showIssues(tr("Tandem engine"), tr("The engine could not apply everything:"),
                           joinIssues(issues));
        });
    }

    connect(m_tree, &ServerTree::currentPairChanged, this, [this](const QString &name) {
        m_general->setPair(name);
        m_monitoring->setPair(name);
        updateActions();
    });
    connect(m_tree, &ServerTree::addRequested, this, &MainWindow::addPair);
    connect(m_tree, &ServerTree::contextMenuRequestedFor, this, &MainWindow::showContextMenu);
    connect(document, &ConfigDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(document, &ConfigDocument::pairsChanged, this, &MainWindow::updateActions);
    connect(document, &ConfigDocument::enabledChanged, this, &MainWindow::updateActions);

    m_general->setPair(m_tree->currentPair());
    m_monitoring->setPair(m_tree->currentPair());
    updateTitle();
    updateActions();
    updateLicenseActions();
    resize(980, 640);
}

void MainWindow::createActions()
{
    m_saveAction = new QAction(QIcon(QStringLiteral(":/icons/save.svg")), tr("&Save"), this);
    m_saveAction->setObjectName(QStringLiteral("actionSave"));
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setToolTip(tr("Save the configuration and apply it"));
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::save);

    m_addAction = new QAction(QIcon(QStringLiteral(":/icons/add.svg")),
                              tr("&Add Redundant Server Configuration..."), this);
    m_addAction->setObjectName(QStringLiteral("actionAdd"));
    m_addAction->setShortcut(QKeySequence::New);
    connect(m_addAction, &QAction::triggered, this, &MainWindow::addPair);

    m_removeAction = new QAction(QIcon(QStringLiteral(":/icons/remove.svg")),
                                 tr("&Remove Redundant Server Configuration"), this);
    m_removeAction->setObjectName(QStringLiteral("actionRemove"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    connect(m_removeAction, &QAction::triggered, this, &MainWindow::removePair);

    m_aliasAction = new QAction(tr("A&lias Redundant Server Configuration..."), this);
    m_aliasAction->setObjectName(QStringLiteral("actionAlias"));
    connect(m_aliasAction, &QAction::triggered, this, &MainWindow::aliasPair);

    m_unaliasAction = new QAction(tr("&Unalias Redundant Server Configuration"), this);
    m_unaliasAction->setObjectName(QStringLiteral("actionUnalias"));
    connect(m_unaliasAction, &QAction::triggered, this, &MainWindow::unaliasPair);

    m_enableAction = new QAction(tr("&Enable Redundancy"), this);
    m_enableAction->setObjectName(QStringLiteral("actionEnable"));
    connect(m_enableAction, &QAction::triggered, this, &MainWindow::toggleEnabled);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("menuFile"));
    file->addAction(m_saveAction);
    QAction *backup = file->addAction(tr("&Backup/Restore..."), this, [this] {
        BackupDialog dialog(m_document, m_engine, this);
        dialog.exec();
    });
    backup->setObjectName(QStringLiteral("actionBackup"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("E&xit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionExit"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("menuEdit"));
    edit->addAction(m_addAction);
    edit->addAction(m_removeAction);
    edit->addSeparator();
    edit->addAction(m_aliasAction);
    edit->addAction(m_unaliasAction);
    edit->addSeparator();
    edit->addAction(m_enableAction);

    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->addAction(m_saveAction);
    toolbar->addAction(m_addAction);
    toolbar->addAction(m_removeAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("menuView"));
    QAction *showToolbar = toolbar->toggleViewAction();
    showToolbar->setText(tr("&Toolbar"));
    showToolbar->setObjectName(QStringLiteral("actionShowToolbar"));
    view->addAction(showToolbar);
    QAction *showStatus = view->addAction(tr("&Status Bar"));
    showStatus->setObjectName(QStringLiteral("actionShowStatusBar"));
    showStatus->setCheckable(true);
    showStatus->setChecked(true);
    connect(showStatus, &QAction::toggled, statusBar(), &QWidget::setVisible);
    view->addSeparator();
    view->addMenu(new LanguageMenu(this));

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->setObjectName(QStringLiteral("menuTools"));
    QAction *check =
        tools->addAction(tr("&Check Configuration"), this, &MainWindow::checkConfiguration);
    check->setObjectName(QStringLiteral("actionCheckConfiguration"));
    QAction *certificates = tools->addAction(tr("C&ertificates..."), this, [this] {
        CertificatesDialog dialog(m_document->paths().stateDir, this);
        dialog.exec();
    });
    certificates->setObjectName(QStringLiteral("actionCertificates"));
    QAction *users = tools->addAction(tr("&OPC UA Users..."), this, [this] {
        QStringList pairs;
        for (const PairConfig &p : m_document->configuration().pairs)
            if (p.protocol == Protocol::OpcUa)
                pairs << p.name;
        OpcUaUsersDialog dialog(m_document->paths().stateDir, pairs, this);
        dialog.exec();
    });
    users->setObjectName(QStringLiteral("actionOpcUaUsers"));
    m_services = new ServiceController(this, m_document, m_engine, tools);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));
    QAction *contents = help->addAction(tr("&Contents"), this, &MainWindow::showContents);
    contents->setObjectName(QStringLiteral("actionHelpContents"));
    QAction *topic = help->addAction(tr("&Help on This Tab"), this, &MainWindow::showHelp);
    topic->setObjectName(QStringLiteral("actionHelpTopic"));
    topic->setShortcut(QKeySequence::HelpContents);
    help->addSeparator();
    QAction *purchase =
        help->addAction(tr("&Purchase a License..."), this, &MainWindow::purchaseLicense);
    purchase->setObjectName(QStringLiteral("actionPurchaseLicense"));
    m_unlockAction = help->addAction(tr("&Unlock a License..."), this, &MainWindow::unlockLicense);
    m_unlockAction->setObjectName(QStringLiteral("actionUnlockLicense"));
    QAction *transfer =
        help->addAction(tr("&Transfer a License..."), this, &MainWindow::transferLicense);
    transfer->setObjectName(QStringLiteral("actionTransferLicense"));
    help->addSeparator();
    QAction *support =
        help->addAction(tr("Technical &Support"), this, &MainWindow::showTechnicalSupport);
    support->setObjectName(QStringLiteral("actionTechnicalSupport"));
    QAction *about = help->addAction(tr("&About Tandem"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    // The license may have changed elsewhere (tandemctl, a transfer on another console).
    connect(help, &QMenu::aboutToShow, this, &MainWindow::updateLicenseActions);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::updateTitle()
{
    QString title = tr("Tandem");
    if (m_document->isModified())
        title += QLatin1Char(' ') + tr("[configuration is modified]");
    setWindowTitle(title + licenseTitleSuffix());
}

QString MainWindow::licenseTitleSuffix() const
{
    if (!m_engine)
        return {};
    const QJsonObject license = m_engine->status().value(QLatin1String("license")).toObject();
    if (license.isEmpty())
        return {};
    if (license.value(QLatin1String("expired")).toBool())
        return QLatin1Char(' ') + tr("(Demo Expired)");
    const qint64 remainingMs = license.value(QLatin1String("demo-remaining-ms")).toInteger(-1);
    if (remainingMs >= 0) {
        const qint64 seconds = (remainingMs + 999) / 1000;
        const auto twoDigits = [](qint64 n) {
            return QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0'));
        };
        return QLatin1Char(' ') + tr("(Demo Expires %1:%2:%3)")
                                      .arg(twoDigits(seconds / 3600), twoDigits(seconds / 60 % 60),
                                           twoDigits(seconds % 60));
    }
    if (license.value(QLatin1String("state")).toString() == QLatin1String("licensed")) {
        const int days = license.value(QLatin1String("grace-days-left")).toInt();
        return QLatin1Char(' ') + (days == 1 ? tr("(1 Day Left to Unlock)")
                                             : tr("(%n Days Left to Unlock)", nullptr, days));
    }
    return {};
}

void MainWindow::onEngineStatus()
{
    updateTitle();
    const QString state = m_engine->status()
                              .value(QLatin1String("license"))
                              .toObject()
                              .value(QLatin1String("state"))
                              .toString();
    if (state != m_engineLicenseState) {
        m_engineLicenseState = state;
        updateLicenseActions();
    }
}

void MainWindow::updateLicenseActions()
{
    const LicenseState state =
        LicenseFile({m_document->paths().stateDir, m_document->paths().machineIdFile})
            .status()
            .state;
    m_unlockAction->setEnabled(state == LicenseState::Licensed ||
                               state == LicenseState::GraceExpired);
}

void MainWindow::purchaseLicense()
{
    PurchaseDialog dialog(m_document->paths(), this);
    dialog.exec();
    updateLicenseActions();
}

void MainWindow::unlockLicense()
{
    UnlockDialog dialog(m_document->paths(), this);
    dialog.exec();
    updateLicenseActions();
}

void MainWindow::transferLicense()
{
    TransferWizard wizard(m_document->paths(), this);
    wizard.exec();
    updateLicenseActions();
}

void MainWindow::showTechnicalSupport()
{
    const LicenseStatus status =
        LicenseFile({m_document->paths().stateDir, m_document->paths().machineIdFile}).status();
    QMessageBox box(QMessageBox::Information, tr("Technical Support"),
                    tr("For a serial number, an unlock password or help with Tandem, contact "
                       "technical support:<br><br>E-mail: <a "
                       "href=\"mailto:support@tandem.example\">support@tandem.example</a>"),
                    QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("technicalSupportMessage"));
    box.setTextFormat(Qt::RichText);
    box.setTextInteractionFlags(Qt::TextBrowserInteraction);
    QString details = tr("Please include this computer's Computer ID: %1")
                          .arg(status.computerId.isEmpty() ? status.problem : status.computerId);
    if (status.serial)
        details += QLatin1Char('\n') + tr("Application S/N: %1").arg(status.serialText);
    box.setInformativeText(details);
    box.exec();
}

void MainWindow::showAbout()
{
    const LicenseStatus status =
        LicenseFile({m_document->paths().stateDir, m_document->paths().machineIdFile}).status();
#ifdef TANDEM_VERSION
    const QString version = QStringLiteral(TANDEM_VERSION);
#else
    const QString version;
#endif
    QMessageBox box(this);
    box.setObjectName(QStringLiteral("aboutMessage"));
    box.setWindowTitle(tr("About Tandem"));
    box.setIconPixmap(windowIcon().pixmap(64, 64));
    box.setTextFormat(Qt::RichText);
    box.setText(tr("<h3>Tandem %1</h3><p>Transparent primary/secondary redundancy for Modbus TCP "
                   "and OPC UA servers.</p><p>License: %2<br>Computer ID: %3</p>")
                    .arg(version, status.summary().toHtmlEscaped(),
                         (status.computerId.isEmpty() ? status.problem : status.computerId)
                             .toHtmlEscaped()));
    box.exec();
}

void MainWindow::updateActions()
{
    const QString pair = m_tree->currentPair();
    const PairConfig *config = m_document->pair(pair);
    m_saveAction->setEnabled(m_document->canSave());
    m_removeAction->setEnabled(config);
    m_aliasAction->setEnabled(config && !config->isAlias());
    m_unaliasAction->setEnabled(config && config->isAlias());
    m_enableAction->setEnabled(config);
    const bool enabled = config && m_document->isEnabled(pair);
    m_enableAction->setText(enabled ? tr("&Disable Redundancy") : tr("&Enable Redundancy"));
}

void MainWindow::showIssues(const QString &title, const QString &intro, const QString &details)
{
    QMessageBox box(QMessageBox::Warning, title, intro, QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("issuesMessage"));
    box.setInformativeText(details);
    box.exec();
}

bool MainWindow::save()
{
    const ConfigIssues issues = m_document->save();
    if (issues.isEmpty()) {
        statusBar()->showMessage(tr("Saved %1").arg(m_document->filePath()), 5000);
        if (m_engine)
            m_engine->reload(); // the reference manual: saving applies the settings
        return true;
    }
    // Take the operator to the first pair at fault.
    for (const ConfigIssue &issue : issues) {
        if (issue.field.startsWith(QLatin1String("pair["))) {
            const QString name = issue.field.mid(5, issue.field.indexOf(QLatin1String("]/")) - 5);
            m_tree->selectPair(name);
            m_tabs->setCurrentWidget(issue.field.contains(QLatin1String("/monitor")) ||
                                             issue.field.endsWith(QLatin1String("failure-count"))
                                         ? static_cast<QWidget *>(m_monitoring)
                                         : m_general);
            break;
        }
        if (issue.field.startsWith(QLatin1String("notifications/"))) {
            m_tabs->setCurrentWidget(
                m_tabs->findChild<QScrollArea *>(QStringLiteral("notificationsScroll")));
            break;
        }
    }
    showIssues(tr("Configuration not saved"), tr("The configuration was not saved:"),
               joinIssues(issues));
    return false;
}

void MainWindow::addPair()
{
    AddPairDialog dialog(m_document, this);
    if (dialog.exec() == QDialog::Accepted) {
        m_tree->selectPair(dialog.addedPair());
        m_tabs->setCurrentWidget(m_general);
    }
}

void MainWindow::removePair()
{
    const QString pair = m_tree->currentPair();
    if (!pair.isEmpty())
        m_document->removePair(pair);
}

void MainWindow::aliasPair()
{
    const QString pair = m_tree->currentPair();
    if (pair.isEmpty())
        return;
    AliasDialog dialog(m_document, pair, this);
    if (dialog.exec() == QDialog::Accepted)
        m_tree->selectPair(dialog.aliasName());
}

void MainWindow::unaliasPair()
{
    const QString pair = m_tree->currentPair();
    const PairConfig *config = m_document->pair(pair);
    if (!config)
        return;
    const QString original = config->aliasOf;
    const ConfigIssues issues = m_document->unaliasPair(pair);
    if (!issues.isEmpty()) {
        showIssues(tr("Unalias"), tr("'%1' cannot be unaliased:").arg(pair), joinMessages(issues));
        return;
    }
    m_tree->selectPair(original);
}

void MainWindow::toggleEnabled()
{
    const QString pair = m_tree->currentPair();
    if (pair.isEmpty())
        return;
    const ConfigIssues issues = m_document->setEnabled(pair, !m_document->isEnabled(pair));
    if (issues.isEmpty() && m_engine)
        m_engine->reload(); // takes effect at once: the saved settings, this machine's state
    if (!issues.isEmpty()) {
        showIssues(tr("Enable/Disable Redundancy"), tr("The change could not be recorded:"),
                   joinIssues(issues));
    }
}

void MainWindow::showContextMenu(const QString &pairName, const QPoint &globalPos)
{
    Q_UNUSED(pairName)
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("serverContextMenu"));
    menu.addAction(m_removeAction);
    if (m_aliasAction->isEnabled())
        menu.addAction(m_aliasAction);
    if (m_unaliasAction->isEnabled())
        menu.addAction(m_unaliasAction);
    menu.addSeparator();
    menu.addAction(m_enableAction);
    menu.exec(globalPos);
}

void MainWindow::checkConfiguration()
{
    const ConfigIssues issues = ConfigValidator::validate(m_document->configuration());
    if (issues.isEmpty()) {
        QMessageBox::information(this, tr("Check Configuration"),
                                 tr("The configuration is valid."));
        return;
    }
    showIssues(tr("Check Configuration"), tr("The configuration has problems:"),
               joinIssues(issues));
}

QString MainWindow::helpTopic() const
{
    static const char *topics[] = {"general", "monitoring", "diagnostics", "notifications"};
    const int index = m_tabs->currentIndex();
    return QLatin1String(index >= 0 && index < 4 ? topics[index] : "general");
}

void MainWindow::showHelp()
{
    HelpViewer::open(this, helpTopic());
}

void MainWindow::showContents()
{
    HelpViewer::open(this, QStringLiteral("index"));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_services->confirmClose()) {
        event->ignore();
        return;
    }
    if (!m_document->isModified()) {
        event->accept();
        return;
    }
    QMessageBox box(QMessageBox::Question, tr("Tandem"),
                    tr("The configuration has been modified. Save the changes before closing?"),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("unsavedChangesPrompt"));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        if (save())
            event->accept();
        else
            event->ignore();
        return;
    case QMessageBox::Discard:
        event->accept();
        return;
    default:
        event->ignore();
    }
}

} // namespace tandem
