#include "opcuapeer.h"
#include "buildpaths.h"

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <atomic>
#include <vector>

namespace tandem::test {

namespace {
// The folder this test process keeps node-opcua's PKI and the peers' logs in.
QString workDir()
{
    static const QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/tandem-opcua-XXXXXX"));
    if (!dir.isValid())
        qFatal("OPC UA peer: no temporary folder: %s", qPrintable(dir.errorString()));
    return dir.path();
}

QString nextLogFile()
{
    static std::atomic_int counter = 0;
    return workDir() + QStringLiteral("/peer-%1.log").arg(++counter);
}

QStringList serverArguments(const OpcUaPeer::Options &options, quint16 port)
{
    QStringList args{OpcUaPeer::scriptDir() + QStringLiteral("/server.js"),
                     QStringLiteral("--port"),
                     QString::number(port),
                     QStringLiteral("--offset"),
                     QString::number(options.offset),
                     QStringLiteral("--pki"),
                     OpcUaPeer::pkiDir()};
    if (!options.path.isEmpty())
        args << QStringLiteral("--path") << options.path;
    if (!options.user.isEmpty())
        args << QStringLiteral("--user") << options.user + u':' + options.password;
    if (!options.user.isEmpty())
        args << QStringLiteral("--user-policies") << options.userPolicies;
    if (!options.anonymous)
        args << QStringLiteral("--anonymous") << QStringLiteral("no");
    if (!options.security.isEmpty())
        args << QStringLiteral("--security") << options.security;
    if (!options.certificateKind.isEmpty())
        args << QStringLiteral("--cert") << options.certificateKind;
    if (options.counterPeriodMs > 0)
        args << QStringLiteral("--counter-period") << QString::number(options.counterPeriodMs);
    return args;
}
} // namespace

OpcUaPeer::OpcUaPeer(QObject *parent)
    : PeerProcess(QStringLiteral("OPC UA peer"), StartTimeoutMs, parent)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("NODE_OPTIONS"));
    env.remove(QStringLiteral("NODE_PATH"));
    setEnvironment(env);
}

QString OpcUaPeer::nodeExecutable()
{
    return test::nodeExecutable();
}

QString OpcUaPeer::scriptDir()
{
    return test::sourcePath("tests/integration/peers/opcua");
}

QString OpcUaPeer::pkiDir()
{
    return workDir() + QStringLiteral("/pki");
}

bool OpcUaPeer::start()
{
    return start(Options{});
}

bool OpcUaPeer::start(const Options &options, quint16 port)
{
    return launch(options, port) && waitUntilReady("READY ");
}

bool OpcUaPeer::launch(const Options &options, quint16 port)
{
    m_options = options;
    endEarlierRun();
    if (!QFileInfo::exists(scriptDir() + QStringLiteral("/node_modules/node-opcua"))) {
        qWarning().noquote() << "OPC UA peer cannot start: node-opcua is not installed in"
                             << scriptDir() << "(scripts/install-deps installs it)";
        return false;
    }
    // stderr goes to a file: node-opcua logs there, and a pipe nobody reads while the
    // test waits for something else would fill up and stall the server.
    setLogFile(nextLogFile());
    launchProcess(nodeExecutable(), serverArguments(options, port));
    return true;
}

bool OpcUaPeer::restore(const Options &options)
{
    return restoreAll({{this, options}});
}

bool OpcUaPeer::restoreAll(std::initializer_list<std::pair<OpcUaPeer *, Options>> peers)
{
    struct Starting
    {
        OpcUaPeer *peer;
        Options options;
        quint16 port;
    };
    std::vector<Starting> starting;
    bool ok = true;
    for (const auto &[peer, options] : peers) {
        if (peer->isHung())
            peer->resume();
        if (peer->isRunning() && peer->port() != 0 && options == peer->m_options &&
            peer->command(QStringLiteral("reset")))
            continue;
        // Where it was, so that its address stays the same.
        const quint16 earlier = peer->port();
        if (peer->launch(options, earlier))
            starting.push_back({peer, options, earlier});
        else
            ok = false;
    }
    // Side by side: each start mostly waits for node to load node-opcua and its address
    // space. The first ones in pkiDir() make its keys under node-opcua's lock on the
    // folder, so they share one key and certificate. Anywhere if the earlier port is gone.
    for (const Starting &s : starting)
        ok = (s.peer->waitUntilReady("READY ") || (s.port != 0 && s.peer->start(s.options))) && ok;
    return ok;
}

QString OpcUaPeer::url() const
{
    return QStringLiteral("opc.tcp://127.0.0.1:%1%2").arg(port()).arg(m_options.path);
}

QByteArray OpcUaPeer::certificate() const
{
    QFile file(pkiDir() + QStringLiteral("/server-certificate-%1.der").arg(port()));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace tandem::test
