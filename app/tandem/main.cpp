#include "config/configdocument.h"
#include "control/enginesession.h"
#include "mainwindow.h"
#include "screenshottour.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTimer>

#include <memory>

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
    // scripts/screenshots: grab the tabs and dialogs of the manual, then quit.
    QCommandLineOption screenshotOption(QStringLiteral("screenshot-dir"),
                                        QApplication::translate("main", "Screenshots to DIR."),
                                        QStringLiteral("DIR"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshotOption);
    parser.process(app);
    const QString screenshotDir = parser.value(screenshotOption);
    if (!screenshotDir.isEmpty())
        QApplication::setStyle(QStringLiteral("Fusion")); // the same pictures on every desktop

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
    std::unique_ptr<tandem::ScreenshotTour> tour;
    if (!screenshotDir.isEmpty()) {
        tour = std::make_unique<tandem::ScreenshotTour>(
            &window, &document, document.canSave() ? &engine : nullptr, screenshotDir);
        // From the event loop, so a failure can end it.
        QTimer::singleShot(0, tour.get(), &tandem::ScreenshotTour::start);
    }
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
