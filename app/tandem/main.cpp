#include "config/configdocument.h"
#include "control/enginesession.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

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
    QApplication::setDesktopFileName(QStringLiteral("io.github.tandem_redundancy.tandem"));

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

    const tandem::TandemPaths paths = tandem::TandemPaths::resolve(
        parser.value(configOption), parser.value(stateOption), parser.value(machineIdOption));
    tandem::ConfigDocument document(paths);
    const tandem::ConfigIssues issues = document.load();
    // The engine: a tandemd serving this state directory, or one inside the console.
    tandem::EngineSession engine(paths);
    const tandem::ConfigIssues engineIssues =
        document.canSave() ? engine.start() : tandem::ConfigIssues{};
    tandem::MainWindow window(&document, document.canSave() ? &engine : nullptr);
    window.show();
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
