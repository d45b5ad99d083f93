#include "tandemdprocess.h"
#include "base/enginesocket.h"

#include "buildpaths.h"
#include "config/configdocument.h"
#include "config/configfile.h"
#include "events/event.h"
#include "host/controlserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTcpServer>
#include <QTest>

#include <memory>

namespace tandem::test {

TandemdProcess::TandemdProcess(const QString &baseDir, QObject *parent)
    : PeerProcess(QStringLiteral("tandemd"), 10000, parent)
    , m_dir((baseDir.isEmpty() ? QDir::tempPath() : baseDir) + QStringLiteral("/tandemd-XXXXXX"))
{
    connect(&process(), &QProcess::readyReadStandardError, this, &TandemdProcess::readOutput);
}

TandemdProcess::~TandemdProcess()
{
    if (m_stopWhenDestroyed)
        stop(5000);
}

std::vector<quint16> freePorts(int count)
{
    std::vector<std::unique_ptr<QTcpServer>> servers;
    std::vector<quint16> ports;
    for (int i = 0; i < count; ++i) {
        servers.push_back(std::make_unique<QTcpServer>());
        servers.back()->listen(QHostAddress::LocalHost, 0);
        ports.push_back(servers.back()->serverPort());
    }
    return ports;
}

bool TandemdProcess::writeConfig(const Configuration &config, const QStringList &enabled)
{
    if (!ConfigFile::save(config, configFile()).isEmpty())
        return false;
    ConfigDocument document({configFile(), stateDir()});
    if (!document.load().isEmpty())
        return false;
    for (const PairConfig &pair : config.pairs)
        if (!document.setEnabled(pair.name, enabled.contains(pair.name)).isEmpty())
            return false;
    return true;
}

bool TandemdProcess::start(const QStringList &extraArgs)
{
    QProcessEnvironment env = m_env;
    // Debug lines of the engine let tests see retries that post no event.
    if (m_debugLines)
        env.insert(QStringLiteral("QT_LOGGING_RULES"),
                   QStringLiteral("tandem.engine.debug=true\ntandem.mail.debug=true"));
    setEnvironment(env);
    if (!startProcess(program(), QStringList{QStringLiteral("--config"), configFile(),
                                             QStringLiteral("--state-dir"), stateDir()} +
                                     extraArgs))
        return false;
    closeInput(); // it reads none: stop() ends it with SIGTERM
    return waitFor([this] { return EngineSocket::isRunning(stateDir()); }, 15000);
}

QString TandemdProcess::program()
{
    return qEnvironmentVariable("TANDEM_TEST_TANDEMD", test::tandemdPath());
}

qint64 TandemdProcess::residentKiB() const
{
    if (!isRunning())
        return -1;
    QFile file(QStringLiteral("/proc/%1/status").arg(processId()));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

void TandemdProcess::readOutput()
{
    m_pending += process().readAllStandardError();
    qsizetype newline;
    while ((newline = m_pending.indexOf('\n')) >= 0) {
        m_lines << QString::fromUtf8(m_pending.left(newline));
        m_pending.remove(0, newline + 1);
    }
}

QStringList TandemdProcess::lines()
{
    readOutput();
    return m_lines;
}

QStringList TandemdProcess::eventLines()
{
    QStringList events;
    for (const QString &line : lines())
        if (line.count(QLatin1Char('\t')) == Event::LineColumns - 1)
            events << line;
    return events;
}

QStringList TandemdProcess::events()
{
    QStringList texts;
    for (const QString &line : eventLines())
        texts << line.section(QLatin1Char('\t'), 4, 4);
    return texts;
}

int TandemdProcess::countEvents(const QString &text)
{
    int n = 0;
    for (const QString &e : events())
        n += e.contains(text) ? 1 : 0;
    return n;
}

int TandemdProcess::countLines(const QString &part)
{
    int n = 0;
    for (const QString &l : lines())
        n += l.contains(part) ? 1 : 0;
    return n;
}

bool TandemdProcess::waitForEvent(const QString &text, int timeoutMs, int count)
{
    return waitFor([&] { return countEvents(text) >= count; }, timeoutMs);
}

bool TandemdProcess::waitForLine(const QString &part, int timeoutMs, int count)
{
    return waitFor([&] { return countLines(part) >= count; }, timeoutMs);
}

// Until the condition holds, tandemd has ended or the time is up; the event loop runs
// meanwhile, so a console or client in the test's own process keeps working.
bool TandemdProcess::waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired() || !isRunning())
            return false;
        process().waitForReadyRead(int(std::min<qint64>(50, deadline.remainingTime())));
        QCoreApplication::processEvents();
    }
    return true;
}

QJsonObject TandemdProcess::status(int timeoutMs)
{
    QString error;
    return ControlClient::request(stateDir(),
                                  {{QStringLiteral("command"), QStringLiteral("status")}},
                                  timeoutMs, &error)
        .value_or(QJsonObject{});
}

QJsonObject TandemdProcess::pairStatus(const QString &pair)
{
    for (const QJsonValue &p : status().value(QLatin1String("pairs")).toArray())
        if (p.toObject().value(QLatin1String("name")).toString() == pair)
            return p.toObject();
    return {};
}

bool TandemdProcess::startWithPair(const PairConfig &pair, int timeoutMs)
{
    Configuration config = Configuration::createNew();
    config.pairs << pair;
    if (!writeConfig(config, {pair.name})) {
        qWarning() << "the test's configuration is invalid";
        return false;
    }
    const QString started = QStringLiteral("Started redundancy for '%1': ").arg(pair.name);
    const QString onPrimary = started + QLatin1String("primary machine");
    // On a loaded machine the primary's first answer may come after the pair's connect
    // time-out, and the pair then starts on its secondary: not the start the caller asked
    // for, and not what it tests. Such a start is made again with a fresh tandemd.
    constexpr int Attempts = 3;
    for (int attempt = 1; attempt <= Attempts; ++attempt) {
        const int before = countEvents(started);
        const int beforeOnPrimary = countEvents(onPrimary);
        if (!start())
            return false;
        if (!waitFor([&] { return countEvents(started) > before; }, timeoutMs))
            return false;
        if (countEvents(onPrimary) > beforeOnPrimary)
            return true;
        qWarning().noquote() << "tandemd started" << pair.name
                             << "on its secondary (the primary answered late), attempt" << attempt
                             << "of" << Attempts;
        if (!stop())
            return false;
    }
    return false;
}

} // namespace tandem::test
