#include "base/testhooks.h"
#include "config/tandempaths.h"
#include "events/eventlog.h"
#include "host/enginehost.h"
#include "host/unixsignalwatcher.h"
#include "opcua/client.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <csignal>

using namespace tandem;

int main(int argc, char *argv[])
{
    // Qt's own poll loop: GLib's costs an eventfd wake-up per socket notifier change,
    // several per proxied request, and a daemon needs nothing from GLib.
    if (qEnvironmentVariableIsEmpty("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    // Only the main thread: the keychain's thread needs GLib's loop (PasswordStore).
    qunsetenv("QT_NO_GLIB");
    QCoreApplication::setApplicationName(QStringLiteral("tandemd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TANDEM_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("tandemd", "Tandem redundancy engine"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(
        QStringLiteral("config"), QCoreApplication::translate("tandemd", "Configuration file."),
        QStringLiteral("FILE"));
    const QCommandLineOption stateOption(QStringLiteral("state-dir"),
                                         QCoreApplication::translate("tandemd", "State directory."),
                                         QStringLiteral("DIR"));
    parser.addOption(configOption);
    parser.addOption(stateOption);
#if TANDEM_HAS_TEST_HOOKS
    const QCommandLineOption machineIdOption(
        QStringLiteral("machine-id-file"),
        QCoreApplication::translate("tandemd", "Stands in for /etc/machine-id (tests)."),
        QStringLiteral("FILE"));
    parser.addOption(machineIdOption);
#endif
    parser.process(app);

    QTextStream err(stderr);
#if TANDEM_HAS_TEST_HOOKS
    const QString machineIdFile = parser.value(machineIdOption);
#else
    const QString machineIdFile;
#endif
    const TandemPaths paths =
        TandemPaths::resolve(parser.value(configOption), parser.value(stateOption), machineIdFile);
    UnixSignalWatcher signalWatcher({SIGTERM, SIGINT, SIGHUP});
    EngineHost host(paths);
    // Until the event store exists, the journal (stderr) is where events go, one a line.
    QObject::connect(host.events(), &EventLog::eventPosted, &app,
                     [&err](const Event &event) { err << event.toLine() << Qt::endl; });
    ConfigIssues warnings;
    const ConfigIssues fatal = host.start(&warnings);
    for (const ConfigIssue &issue : warnings)
        err << "tandemd: warning: " << issue.toString() << Qt::endl;
    if (!fatal.isEmpty()) {
        for (const ConfigIssue &issue : fatal)
            err << "tandemd: " << issue.toString() << Qt::endl;
        err << "tandemd: not started" << Qt::endl;
        return 1;
    }
    QObject::connect(&signalWatcher, &UnixSignalWatcher::signalReceived, &app, [&](int number) {
        if (number == SIGHUP) {
            err << "tandemd: reloading " << paths.configFile << Qt::endl;
            for (const ConfigIssue &issue : host.reload())
                err << "tandemd: " << issue.toString() << Qt::endl;
            return;
        }
        host.stop();
        // OPC UA sessions are closed on the servers before the process goes.
        opcua::Client::waitForReleased(1000);
        QCoreApplication::quit();
    });
    return app.exec();
}
