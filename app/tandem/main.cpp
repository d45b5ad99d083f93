#include "config/configdocument.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

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
    parser.addOption(configOption);
    parser.addOption(stateOption);
    parser.process(app);

    tandem::ConfigDocument document(
        tandem::TandemPaths::resolve(parser.value(configOption), parser.value(stateOption)));
    const tandem::ConfigIssues issues = document.load();
    tandem::MainWindow window(&document);
    window.show();
    if (!issues.isEmpty()) {
        QMessageBox box(
            QMessageBox::Critical, QApplication::translate("main", "Tandem"),
            document.canSave()
                ? QApplication::translate("main", "Some machine-local state could not be read:")
                : QApplication::translate("main",
                                          "The configuration file could not be read. It was left "
                                          "unchanged and Tandem will not save over it."),
            QMessageBox::Ok, &window);
        box.setObjectName(QStringLiteral("loadFailed"));
        box.setInformativeText(tandem::joinIssues(issues));
        box.exec();
    }
    return app.exec();
}
