// tandem-sim: a Modbus TCP server simulator for the demo, the tests and the benchmarks.
// Prints `listening on ADDR:PORT` once it listens, then takes commands on stdin (one a
// line, each answered by `ok COMMAND` or `error: ...` on stdout).
#include "simulator.h"

#include "host/unixsignalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>
#include <utility>

namespace {

constexpr int UsageError = 2;

void writeLine(FILE *stream, const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    // Tests and scripts read these lines through a pipe: they must not sit in a buffer.
    std::fflush(stream);
}

struct ListenAddress
{
    QHostAddress address;
    quint16 port = 0;
    QString text; // as given, for messages
};

// `ADDR:PORT`, `[IPv6]:PORT` or `localhost:PORT`; port 0 lets the system pick one.
std::optional<ListenAddress> parseListen(const QString &text, QString *error)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon < 0) {
        *error = QStringLiteral("--listen '%1' has no port: write ADDR:PORT, like "
                                "127.0.0.1:5020 (port 0 picks a free one)")
                     .arg(text);
        return std::nullopt;
    }
    QString host = text.left(colon);
    const QString portText = text.mid(colon + 1);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    else if (host.contains(QLatin1Char(':'))) {
        *error = QStringLiteral("--listen '%1': write IPv6 addresses in brackets, like [::1]:5020")
                     .arg(text);
        return std::nullopt;
    }
    ListenAddress result;
    result.text = text;
    if (host == QLatin1String("localhost"))
        result.address = QHostAddress(QHostAddress::LocalHost);
    else if (!result.address.setAddress(host)) {
        *error = QStringLiteral("--listen '%1': '%2' is not an IP address (or localhost)")
                     .arg(text, host);
        return std::nullopt;
    }
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port > 65535) {
        *error = QStringLiteral("--listen '%1': port '%2' must be a number from 0 to 65535")
                     .arg(text, portText);
        return std::nullopt;
    }
    result.port = quint16(port);
    return result;
}

std::optional<qint64> parseWhole(const QString &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

// Reads commands from fd 0 whether it is a pipe, a terminal or /dev/null. End of input
// only stops the reading: the demo runs the simulator in the background with no stdin.
void watchStdin(QCoreApplication &app, tandem::sim::Simulator &sim)
{
    if (::fcntl(STDIN_FILENO, F_GETFD) == -1)
        return; // stdin closed altogether
    auto *notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, &app);
    auto pending = std::make_shared<QByteArray>();
    const auto run = [&sim](const QByteArray &line) {
        const tandem::sim::Simulator::CommandResult result =
            sim.runCommand(QString::fromUtf8(line));
        if (!result.reply.isEmpty())
            writeLine(stdout, result.reply);
        if (result.quit)
            QCoreApplication::quit();
    };
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier, pending, run] {
        char buffer[4096];
        // One read per notification: the descriptor may be blocking, and poll said ready.
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got < 0 && (errno == EINTR || errno == EAGAIN))
            return;
        if (got <= 0) {
            // End of input (or an unreadable stdin): stop watching, or poll spins on EOF.
            notifier->setEnabled(false);
            if (!pending->isEmpty())
                run(std::exchange(*pending, {}));
            return;
        }
        pending->append(buffer, got);
        qsizetype newline;
        while ((newline = pending->indexOf('\n')) >= 0) {
            const QByteArray line = pending->left(newline);
            pending->remove(0, newline + 1);
            run(line);
        }
    });
}

} // namespace

int main(int argc, char *argv[])
{
    // Qt's own poll loop instead of GLib's: GLib wakes its loop through an eventfd on every
    // socket notifier toggle, several times per request, which cost about a quarter of the
    // simulator's CPU time per request in benchmarks. Nothing here needs GLib.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tandem-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TANDEM_VERSION));
    // A reader that went away must not kill the simulator halfway through a line.
    std::signal(SIGPIPE, SIG_IGN);
    // Started in the background from a terminal, reading stdin would stop the process;
    // ignored, the read fails instead and the simulator just stops reading commands.
    std::signal(SIGTTIN, SIG_IGN);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Modbus TCP server simulator. Holding register 400001 and input register 300001 count "
        "ticks from the offset, 400002 holds the offset; everything else starts at 0.\n"
        "Commands on stdin: hang, resume, drop, exception CODE, normal, set REF VALUE, "
        "stop-ticking, start-ticking, quit."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listenOption(
        QStringLiteral("listen"),
        QStringLiteral("Address and port to listen on; port 0 picks a free port."),
        QStringLiteral("ADDR:PORT"), QStringLiteral("127.0.0.1:5020"));
    const QCommandLineOption offsetOption(
        QStringLiteral("offset"),
        QStringLiteral("Added to the generated values, to tell two simulators apart (0-65535)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption tickOption(
        QStringLiteral("tick"),
        QStringLiteral("Milliseconds between counter increments; 0 stops the counters."),
        QStringLiteral("MS"), QStringLiteral("100"));
    const QCommandLineOption quietOption(QStringLiteral("quiet"),
                                         QStringLiteral("Do not log connections to stderr."));
    parser.addOptions({listenOption, offsetOption, tickOption, quietOption});

    const auto usageError = [](const QString &message) {
        writeLine(stderr, QStringLiteral("tandem-sim: ") + message);
        writeLine(stderr, QStringLiteral("Try 'tandem-sim --help'."));
        return UsageError;
    };
    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    QString error;
    const std::optional<ListenAddress> listen = parseListen(parser.value(listenOption), &error);
    if (!listen)
        return usageError(error);
    const std::optional<qint64> offset = parseWhole(parser.value(offsetOption), 0, 65535);
    if (!offset)
        return usageError(QStringLiteral("--offset '%1' must be a whole number from 0 to 65535")
                              .arg(parser.value(offsetOption)));
    const std::optional<qint64> tick = parseWhole(parser.value(tickOption), 0, 3600000);
    if (!tick)
        return usageError(
            QStringLiteral("--tick '%1' must be a whole number of milliseconds from 0 to 3600000")
                .arg(parser.value(tickOption)));
    if (parser.isSet(quietOption))
        QLoggingCategory::setFilterRules(QStringLiteral("tandem.sim.info=false"));

    tandem::sim::Simulator sim{quint16(*offset)};
    sim.setTickInterval(int(*tick));
    if (!sim.listen(listen->address, listen->port, &error)) {
        writeLine(stderr,
                  QStringLiteral("tandem-sim: cannot listen on %1: %2").arg(listen->text, error));
        return 1;
    }
    const QHostAddress bound = sim.serverAddress();
    const QString host = bound.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + bound.toString() + QLatin1Char(']')
                             : bound.toString();
    writeLine(stdout, QStringLiteral("listening on %1:%2").arg(host).arg(sim.serverPort()));

    // SIGTERM/SIGINT quit through the event loop, as in tandemd.
    tandem::UnixSignalWatcher signalWatcher({SIGTERM, SIGINT});
    QObject::connect(&signalWatcher, &tandem::UnixSignalWatcher::signalReceived, &app,
                     &QCoreApplication::quit);
    watchStdin(app, sim);
    return QCoreApplication::exec();
}
