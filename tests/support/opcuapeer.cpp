#include "opcuapeer.h"
#include "buildpaths.h"

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <atomic>

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
    return startProcess(nodeExecutable(), serverArguments(options, port), "READY ");
}

bool OpcUaPeer::restore(const Options &options)
{
    if (isHung())
        resume();
    if (isRunning() && port() != 0 && options == m_options && command(QStringLiteral("reset")))
        return true;
    // Where it was, so that its address stays the same; anywhere if that port is gone.
    const quint16 earlier = port();
    return start(options, earlier) || (earlier != 0 && start(options));
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
