#include "servicecontroller.h"

#include "base/testhooks.h"
#include "config/configdocument.h"
#include "dialogs/installservicedialog.h"
#include "host/enginesession.h"
#include "rememberedprompt.h"
#include "service/serviceinstaller.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QStatusBar>

namespace tandem {

namespace {
// How long systemd may take to start or stop tandemd before the console gives up waiting.
constexpr int HandOverMs = 20000;

QString tandemctlPath()
{
    const QString overridden = TANDEM_TEST_HOOK_VARIABLE("TANDEM_TANDEMCTL"); // a fake one
    return !overridden.isEmpty()
               ? overridden
               : QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("tandemctl"));
}
} // namespace

ServiceController::ServiceController(QMainWindow *window, ConfigDocument *document,
                                     EngineSession *engine, QMenu *tools)
    : QObject(window)
    , m_window(window)
    , m_document(document)
    , m_engine(engine)
{
    setObjectName(QStringLiteral("serviceController"));
    tools->addSeparator();
    m_install =
        tools->addAction(tr("&Install As Service..."), this, &ServiceController::installService);
    m_install->setObjectName(QStringLiteral("actionInstallService"));
    m_uninstall =
        tools->addAction(tr("&Uninstall As Service"), this, &ServiceController::uninstallService);
    m_uninstall->setObjectName(QStringLiteral("actionUninstallService"));
    tools->addSeparator();
    m_reset =
        tools->addAction(tr("&Reset Prompt Dialogs"), this, &ServiceController::resetPromptDialogs);
    m_reset->setObjectName(QStringLiteral("actionResetPromptDialogs"));
    // The service may have been installed or removed meanwhile (tandemctl, the .deb).
    connect(tools, &QMenu::aboutToShow, this, &ServiceController::updateActions);
    if (m_engine)
        connect(m_engine, &EngineSession::engineChanged, this, &ServiceController::identifyService);
    updateActions();
    identifyService();
}

void ServiceController::updateActions()
{
    const ServiceInstaller installer(m_document->paths());
    m_install->setEnabled(!m_busy);
    m_uninstall->setEnabled(!m_busy && (!installer.installedUnit(ServiceScope::User).isEmpty() ||
                                        !installer.installedUnit(ServiceScope::System).isEmpty()));
}

void ServiceController::identifyService()
{
    // Is the tandemd we show the one systemd runs? Asked once per engine process.
    if (!m_engine || !m_engine->isRemote() || m_engine->remotePid() <= 0 ||
        m_engine->remotePid() == m_checkedPid)
        return;
    m_checkedPid = m_engine->remotePid();
    const ServiceInstaller installer(m_document->paths());
    for (const ServiceScope scope : {ServiceScope::User, ServiceScope::System})
        if (installer.state(scope).mainPid == m_checkedPid) {
            m_engine->setServicePid(m_checkedPid);
            return;
        }
}

void ServiceController::warn(const QString &title, const QString &text, const QString &details)
{
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, m_window);
    box.setObjectName(QStringLiteral("serviceProblem"));
    box.setInformativeText(details);
    box.exec();
}

void ServiceController::releaseLocalEngine()
{
    // tandemd refuses to start while another engine serves the state directory, and the
    // pairs' endpoints must be free for it: the console's own engine goes first.
    if (m_engine && m_engine->isRunning() && !m_engine->isRemote())
        m_engine->release();
}

void ServiceController::installService()
{
    const ServiceInstaller installer(m_document->paths());
    InstallServiceDialog dialog(&installer, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.unitOnly()) {
        writeUnitOnly(installer, dialog.scope(), dialog.unitFile());
        return;
    }
    if (m_document->isModified()) {
        warn(tr("Install As Service"),
             tr("The configuration has unsaved changes. Save it first: the service runs the "
                "saved configuration."));
        Q_EMIT finished(false);
        return;
    }
    if (dialog.scope() == ServiceScope::User)
        installUser(installer, false);
    else
        installSystem(false);
}

void ServiceController::writeUnitOnly(const ServiceInstaller &installer, ServiceScope scope,
                                      const QString &file)
{
    QString error;
    if (file.isEmpty() || !installer.writeUnit(scope, file, &error)) {
        warn(tr("Write Unit File"), tr("The unit file was not written."),
             file.isEmpty() ? tr("No file name was given.") : error);
        Q_EMIT finished(false);
        return;
    }
    const QString target = installer.unitPath(scope);
    QString steps;
    if (QFileInfo(file).absoluteFilePath() != target)
        steps = tr("Copy it to %1, then run:").arg(target) + QLatin1Char('\n');
    else
        steps = tr("Once systemd runs, start the service with:") + QLatin1Char('\n');
    steps += installer.startCommands(scope);
    QMessageBox box(QMessageBox::Information, tr("Write Unit File"),
                    tr("The unit file was written to %1.").arg(file), QMessageBox::Ok, m_window);
    box.setObjectName(QStringLiteral("unitFileWritten"));
    box.setInformativeText(steps);
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    box.exec();
    Q_EMIT finished(true);
}

void ServiceController::installUser(const ServiceInstaller &installer, bool force)
{
    releaseLocalEngine();
    QStringList report;
    QString error;
    ServiceInstaller::Options options;
    options.force = force;
    const ServiceInstaller::Result result =
        installer.install(ServiceScope::User, options, &report, &error);
    if (result == ServiceInstaller::Result::UnitDiffers &&
        QMessageBox::question(m_window, tr("Install As Service"),
                              tr("A different tandemd user service is installed:\n%1\n\nReplace "
                                 "it? The old unit is kept as a .bak file.")
                                  .arg(error)) == QMessageBox::Yes) {
        installUser(installer, true);
        return;
    }
    if (result != ServiceInstaller::Result::Done) {
        if (m_engine)
            m_engine->resume(false, 3000);
        if (result == ServiceInstaller::Result::Failed)
            warn(tr("Install As Service"), tr("The user service was not installed."), error);
        Q_EMIT finished(false);
        return;
    }
    if (m_engine)
        m_engine->resume(true, HandOverMs);
    m_window->statusBar()->showMessage(
        tr("The engine now runs as your user service: %1").arg(report.join(QStringLiteral("; "))),
        15000);
    updateActions();
    Q_EMIT finished(true);
}

void ServiceController::runTandemctl(
    const QStringList &arguments,
    std::function<void(int exitCode, const QString &out, const QString &err)> done)
{
    m_busy = true;
    updateActions();
    auto *process = new QProcess(this);
    const QStringList all =
        QStringList{QStringLiteral("--config"), m_document->paths().configFile,
                    QStringLiteral("--state-dir"), m_document->paths().stateDir} +
        arguments;
    connect(process, &QProcess::finished, this,
            [this, process, done](int exitCode, QProcess::ExitStatus status) {
                m_busy = false;
                updateActions();
                process->deleteLater();
                done(status == QProcess::NormalExit ? exitCode : -1,
                     QString::fromLocal8Bit(process->readAllStandardOutput()).trimmed(),
                     QString::fromLocal8Bit(process->readAllStandardError()).trimmed());
            });
    connect(process, &QProcess::errorOccurred, this,
            [this, process, done](QProcess::ProcessError e) {
                if (e != QProcess::FailedToStart)
                    return;
                m_busy = false;
                updateActions();
                process->deleteLater();
                done(-1, QString(),
                     tr("cannot run %1: %2").arg(tandemctlPath(), process->errorString()));
            });
    process->start(tandemctlPath(), all);
}

void ServiceController::installSystem(bool force)
{
    releaseLocalEngine();
    QStringList arguments{QStringLiteral("service"), QStringLiteral("install"),
                          QStringLiteral("--system")};
    if (force)
        arguments << QStringLiteral("--force");
    runTandemctl(arguments, [this](int exitCode, const QString &out, const QString &err) {
        if (exitCode == 0) {
            m_window->statusBar()->showMessage(out.section(QLatin1Char('\n'), -1), 15000);
            afterSystemInstall();
            Q_EMIT finished(true);
            return;
        }
        if (err.contains(QLatin1String("--force")) &&
            QMessageBox::question(m_window, tr("Install As Service"),
                                  tr("A different tandemd system service is installed:\n%1\n\n"
                                     "Replace it? The old unit is kept as a .bak file.")
                                      .arg(err)) == QMessageBox::Yes) {
            installSystem(true);
            return;
        }
        if (m_engine)
            m_engine->resume(false, 3000);
        warn(tr("Install As Service"), tr("The system service was not installed."), err);
        Q_EMIT finished(false);
    });
}

void ServiceController::afterSystemInstall()
{
    const TandemPaths service = ServiceUnit::enginePaths(ServiceScope::System, {});
    if (m_document->paths().stateDir == service.stateDir) {
        if (m_engine)
            m_engine->resume(true, HandOverMs);
        return;
    }
    QMessageBox box(QMessageBox::Question, tr("Install As Service"),
                    tr("The system service now runs the pairs of %1. Reopen the console on the "
                       "service's configuration?")
                        .arg(service.configFile),
                    QMessageBox::Yes | QMessageBox::No, m_window);
    box.setObjectName(QStringLiteral("reopenOnServicePrompt"));
    box.setInformativeText(tr("Your own configuration (%1) stays as it is; this console no "
                              "longer runs its pairs.")
                               .arg(m_document->filePath()));
    box.setDefaultButton(QMessageBox::Yes);
    if (box.exec() != QMessageBox::Yes) {
        m_window->statusBar()->showMessage(
            tr("The system service runs the pairs; this console shows %1 without an engine.")
                .arg(m_document->filePath()));
        return;
    }
    QProcess::startDetached(QCoreApplication::applicationFilePath(),
                            {QStringLiteral("--config"), service.configFile,
                             QStringLiteral("--state-dir"), service.stateDir});
    m_window->close();
}

void ServiceController::uninstallService()
{
    const ServiceInstaller installer(m_document->paths());
    const bool user = !installer.installedUnit(ServiceScope::User).isEmpty();
    const bool system = !installer.installedUnit(ServiceScope::System).isEmpty();
    if (!user && !system) {
        updateActions();
        return;
    }
    const TandemPaths systemPaths = ServiceUnit::enginePaths(ServiceScope::System, {});
    // Both installed: the one whose files this console shows.
    const ServiceScope scope =
        system && (!user || m_document->paths().stateDir == systemPaths.stateDir)
            ? ServiceScope::System
            : ServiceScope::User;
    const QString what = scope == ServiceScope::System ? tr("system service") : tr("user service");
    if (RememberedPrompt::ask(m_window, QStringLiteral("uninstallService"), QMessageBox::Question,
                              tr("Uninstall As Service"),
                              tr("Stop and remove the tandemd %1?").arg(what),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes,
                              tr("Its pairs stop with it; the configuration and the state stay, "
                                 "and this console runs the pairs of its configuration "
                                 "itself again.")) != QMessageBox::Yes) {
        Q_EMIT finished(false);
        return;
    }
    const bool servesUs =
        m_engine && ServiceUnit::enginePaths(scope, m_document->paths()).stateDir ==
                        m_document->paths().stateDir;
    if (servesUs)
        m_engine->release(); // leaving is not "the connection was lost"
    if (scope == ServiceScope::User) {
        QStringList report;
        QString error;
        const bool ok = installer.uninstall(ServiceScope::User, {}, &report, &error);
        if (m_engine && (servesUs || !m_engine->isRunning()))
            m_engine->resume(false, ok ? HandOverMs : 3000);
        if (ok)
            m_window->statusBar()->showMessage(report.join(QStringLiteral("; ")), 15000);
        else
            warn(tr("Uninstall As Service"), tr("The user service was not removed."), error);
        updateActions();
        Q_EMIT finished(ok);
        return;
    }
    runTandemctl(
        {QStringLiteral("service"), QStringLiteral("uninstall"), QStringLiteral("--system")},
        [this, servesUs](int exitCode, const QString &out, const QString &err) {
            if (m_engine && (servesUs || !m_engine->isRunning()))
                m_engine->resume(false, exitCode == 0 ? HandOverMs : 3000);
            if (exitCode == 0)
                m_window->statusBar()->showMessage(
                    out.split(QLatin1Char('\n')).join(QStringLiteral("; ")), 15000);
            else
                warn(tr("Uninstall As Service"), tr("The system service was not removed."), err);
            Q_EMIT finished(exitCode == 0);
        });
}

void ServiceController::resetPromptDialogs()
{
    const int count = RememberedPrompt::resetAll();
    QMessageBox box(QMessageBox::Information, tr("Reset Prompt Dialogs"),
                    count == 0 ? tr("No prompt was set to \"Don't ask again\".")
                               : tr("%n prompt(s) set to \"Don't ask again\" will be shown again.",
                                    nullptr, count),
                    QMessageBox::Ok, m_window);
    box.setObjectName(QStringLiteral("promptsResetMessage"));
    box.exec();
}

bool ServiceController::confirmClose()
{
    if (!m_engine || m_engine->isRemote() || !m_engine->isRunning())
        return true;
    const int pairs = int(m_engine->status().value(QLatin1String("pairs")).toArray().size());
    if (pairs == 0)
        return true;
    return RememberedPrompt::ask(
               m_window, QStringLiteral("closeStopsPairs"), QMessageBox::Warning, tr("Tandem"),
               tr("Pairs stop when the console closes. Install as a service to keep them running."),
               QMessageBox::Close | QMessageBox::Cancel, QMessageBox::Close,
               tr("%n pair(s) run in this console's own engine.", nullptr, pairs)) ==
           QMessageBox::Close;
}

std::optional<TandemPaths> ServiceController::systemServicePaths()
{
    const TandemPaths service = ServiceUnit::enginePaths(ServiceScope::System, {});
    const ServiceInstaller installer(service);
    if (installer.installedUnit(ServiceScope::System).isEmpty() ||
        !QFileInfo(service.configFile).isReadable())
        return std::nullopt;
    return service;
}

} // namespace tandem
