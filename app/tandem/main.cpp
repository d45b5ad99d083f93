#include "config/configdocument.h"
#include "control/enginesession.h"
#include "mainwindow.h"
#include "servicecontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QStatusBar>

namespace {
void showProblems(QWidget *parent, const QString &objectName, const QString &text,
                  const tandem::ConfigIssues &issues)
{
    QMessageBox box(QMessageBox::Critical, QApplication::translate("main", "Tandem"), text,
                    QMessageBox::Ok, parent);
    box.setObjectName(objectName);
    box.setInformativeText(tandem::joinIssues(issues));
    box.exec();
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("tandem"));
    QApplication::setApplicationDisplayName(QStringLiteral("Tandem"));
    QApplication::setApplicationVersion(QStringLiteral(TANDEM_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("tandem"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Tandem redundancy console"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(
        QStringLiteral("config"),
        QApplication::translate("main",
                                "Configuration file (default ~/.config/tandem/tandem.xml)."),
        QStringLiteral("FILE"));
    const QCommandLineOption stateOption(
        QStringLiteral("state-dir"),
        QApplication::translate("main", "State directory (default ~/.local/state/tandem)."),
        QStringLiteral("DIR"));
    const QCommandLineOption machineIdOption(
        QStringLiteral("machine-id-file"),
        QApplication::translate("main", "Stands in for /etc/machine-id (tests, demos)."),
        QStringLiteral("FILE"));
    parser.addOption(configOption);
    parser.addOption(stateOption);
    parser.addOption(machineIdOption);
    parser.process(app);

    tandem::TandemPaths paths = tandem::TandemPaths::resolve(
        parser.value(configOption), parser.value(stateOption), parser.value(machineIdOption));
    // Nothing chosen and a system service installed whose files this user may read: the
    // console shows (and edits) what the service runs.
    std::optional<tandem::TandemPaths> servicePaths;
    if (!parser.isSet(configOption) && !parser.isSet(stateOption) &&
        qEnvironmentVariableIsEmpty("TANDEM_CONFIG") &&
        qEnvironmentVariableIsEmpty("TANDEM_STATE_DIR"))
        servicePaths = tandem::ServiceController::systemServicePaths();
    if (servicePaths) {
        servicePaths->machineIdFile = paths.machineIdFile;
        paths = *servicePaths;
    }
    tandem::ConfigDocument document(paths);
    const tandem::ConfigIssues issues = document.load();
    // The engine: a tandemd serving this state directory, or one inside the console.
    tandem::EngineSession engine(paths);
    const tandem::ConfigIssues engineIssues =
        document.canSave() ? engine.start() : tandem::ConfigIssues{};
    tandem::MainWindow window(&document, document.canSave() ? &engine : nullptr);
    window.show();
    if (servicePaths)
        window.statusBar()->showMessage(
            QApplication::translate("main", "Configuration of the system service: %1 (start with "
                                            "--config to open another)")
                .arg(paths.configFile));
    if (!issues.isEmpty())
        showProblems(
            &window, QStringLiteral("loadFailed"),
            document.canSave()
                ? QApplication::translate("main", "Some machine-local state could not be read:")
                : QApplication::translate("main",
                                          "The configuration file could not be read. It was left "
                                          "unchanged and Tandem will not save over it."),
            issues);
    if (!engineIssues.isEmpty())
        showProblems(&window, QStringLiteral("engineProblems"),
                     QApplication::translate("main", "The engine could not run everything:"),
                     engineIssues);
    return app.exec();
}
