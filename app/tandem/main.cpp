#include "base/testhooks.h"
#include "config/configdocument.h"
#include "host/enginesession.h"
#include "languages.h"
#include "mainwindow.h"
#include "screenshottour.h"
#include "servicecontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>
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

// --language CODE / --language=CODE, read before the parser so that its --help is translated.
QString languageArgument(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if ((arg == QLatin1String("--language") || arg == QLatin1String("-language")) &&
            i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arg.startsWith(QLatin1String("--language=")))
            return arg.section(QLatin1Char('='), 1);
    }
    return {};
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("tandem"));
    QApplication::setApplicationDisplayName(QStringLiteral("Tandem"));
    QApplication::setApplicationVersion(QStringLiteral(TANDEM_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.tandem_redundancy.tandem"));
    // The system's language unless View › Language or --language says otherwise.
    const QString language = languageArgument(QApplication::arguments());
    tandem::Languages::installTranslators(app, tandem::Languages::isAvailable(language)
                                                   ? language
                                                   : tandem::Languages::savedChoice());

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
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QApplication::translate("main", "Language of the console: en, de or es (default: View › "
                                        "Language, else the system's)."),
        QStringLiteral("CODE"));
    parser.addOption(configOption);
    parser.addOption(stateOption);
    parser.addOption(languageOption);
#if TANDEM_HAS_TEST_HOOKS
    const QCommandLineOption machineIdOption(
        QStringLiteral("machine-id-file"),
        QApplication::translate("main", "Stands in for /etc/machine-id (tests, demos)."),
        QStringLiteral("FILE"));
    parser.addOption(machineIdOption);
    // scripts/screenshots: grab the tabs and dialogs of the manual, then quit.
    QCommandLineOption screenshotOption(QStringLiteral("screenshot-dir"),
                                        QApplication::translate("main", "Screenshots to DIR."),
                                        QStringLiteral("DIR"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshotOption);
#endif
    parser.process(app);
    if (parser.isSet(languageOption) &&
        !tandem::Languages::isAvailable(parser.value(languageOption))) {
        fputs(qPrintable(QApplication::translate("main", "Unknown language '%1': use en, de or es.")
                             .arg(parser.value(languageOption)) +
                         QLatin1Char('\n')),
              stderr);
        return 1;
    }
#if TANDEM_HAS_TEST_HOOKS
    const QString screenshotDir = parser.value(screenshotOption);
    if (!screenshotDir.isEmpty())
        QApplication::setStyle(QStringLiteral("Fusion")); // the same pictures on every desktop
    const QString machineIdFile = parser.value(machineIdOption);
#else
    const QString machineIdFile;
#endif

    tandem::TandemPaths paths = tandem::TandemPaths::resolve(
        parser.value(configOption), parser.value(stateOption), machineIdFile);
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
    // The engine: a tandemd serving this state directory, or the console's own tandemd,
    // started here as a child process and stopped when the console closes.
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
#if TANDEM_HAS_TEST_HOOKS
    std::unique_ptr<tandem::ScreenshotTour> tour;
    if (!screenshotDir.isEmpty()) {
        tour = std::make_unique<tandem::ScreenshotTour>(
            &window, &document, document.canSave() ? &engine : nullptr, screenshotDir);
        // From the event loop, so a failure can end it.
        QTimer::singleShot(0, tour.get(), &tandem::ScreenshotTour::start);
    }
#endif
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
