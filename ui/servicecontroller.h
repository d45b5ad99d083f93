#pragma once

#include "config/tandempaths.h"
#include "service/serviceunit.h"

#include <QObject>

#include <functional>
#include <optional>

class QAction;
class QMainWindow;
class QMenu;

namespace tandem {

class ConfigDocument;
class EngineSession;
class ServiceInstaller;

// Tools › Install As Service..., Uninstall As Service and Reset Prompt Dialogs
// (docs/requirements.md, Running as a service). The console hands its pairs over to the service: it
// stops its own engine before systemd starts tandemd (one engine per state directory) and then
// shows the service's engine; after an uninstall it runs them itself again.
class ServiceController final : public QObject
{
    Q_OBJECT

public:
    // engine may be null (the console on a configuration alone).
    ServiceController(QMainWindow *window, ConfigDocument *document, EngineSession *engine,
                      QMenu *tools);

    void installService();
    void uninstallService();
    void resetPromptDialogs();
    // Closing the console stops the pairs its own engine runs: asks (once, or never again).
    bool confirmClose();

    // The console started without --config: the system service's files, when that service
    // is installed and this user may read its configuration.
    static std::optional<TandemPaths> systemServicePaths();

Q_SIGNALS:
    // An install, uninstall or unit-only write has ended (tests wait for it).
    void finished(bool ok);

private:
    void updateActions();
    void installUser(const ServiceInstaller &installer, bool force);
    void installSystem(bool force);
    void afterSystemInstall();
    void writeUnitOnly(const ServiceInstaller &installer, ServiceScope scope, const QString &file);
    // Runs tandemctl (it asks for administrator rights through pkexec) without blocking
    // the console while the password prompt is open.
    void
    runTandemctl(const QStringList &arguments,
                 std::function<void(int exitCode, const QString &out, const QString &err)> done);
    void identifyService();
    void warn(const QString &title, const QString &text, const QString &details = {});
    void releaseLocalEngine();

    QMainWindow *m_window;
    ConfigDocument *m_document;
    EngineSession *m_engine;
    QAction *m_install;
    QAction *m_uninstall;
    QAction *m_reset;
    bool m_busy = false;
    qint64 m_checkedPid = 0;
};

} // namespace tandem
