// opcua-security: what OPC UA security costs through the proxy (tests/bench/README.md). Two
// node-opcua servers offer None and Basic256Sha256 SignAndEncrypt; one tandemd runs two Warm
// pairs in front of them, one unsecured on both sides (links and endpoint None:None), one
// with Basic256Sha256:SignAndEncrypt on both sides. Tandem's own Client in this process reads
// ns=1;s=Counter one read after the other, straight from the server and through each pair,
// under the pair's setting: reads per second, and the latency of each read (median, p99)
// whose difference to the direct read of the same setting is what the proxy adds.
#include "bench.h"

#include "opcua/client.h"
#include "opcua/localpki.h"
#include "pki/pkistore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <vector>

namespace tandem::bench {

namespace {

const QString Counter = QStringLiteral("ns=1;s=Counter");
const QString Secured = QStringLiteral("Basic256Sha256:SignAndEncrypt");
constexpr int ConnectTimeoutMs = 30000;
constexpr int ReadTimeoutMs = 5000;
constexpr int WarmUpMs = 500;
constexpr int ConcurrentClients = 4;

UaSecuritySetting uaSetting(const QString &text)
{
    QString error;
    const auto setting = UaSecuritySetting::parse(text, &error);
    if (!setting)
        throw BenchError(qPrintable(error));
    return *setting;
}

std::unique_ptr<test::OpcUaPeer> startSecuredPeer(int offset)
{
    checkInterrupted();
    auto peer = std::make_unique<test::OpcUaPeer>();
    // Both on one server, so the two rows differ only in their security.
    if (!peer->start({.offset = offset,
                      .counterPeriodMs = 1000,
                      .security = QStringLiteral("None:None,") + Secured}))
        throw BenchError("the node-opcua server offering None and Basic256Sha256 did not start");
    if (peer->certificate().isEmpty())
        throw BenchError("the node-opcua server wrote no certificate");
    return peer;
}

struct ReadRun
{
    long reads = 0;
    long errors = 0;
    std::vector<double> latenciesUs; // of every read measured
    double proxyCpuSeconds = 0;      // tandemd's CPU over the run; 0 without a proxy
};

// `clients` Clients of this process, each with one read in flight at a time, for `seconds`
// after a warm-up; the latencies are those of every read measured.
ReadRun readFor(const QString &url, const opcua::ClientSecurity &security, int clients, int seconds,
                pid_t proxy)
{
    std::vector<std::unique_ptr<opcua::Client>> connections;
    int connected = 0;
    QString failure;
    for (int i = 0; i < clients; ++i) {
        auto client = std::make_unique<opcua::Client>();
        client->setSecurity(security);
        QObject::connect(client.get(), &opcua::Client::connected, client.get(),
                         [&connected] { ++connected; });
        QObject::connect(client.get(), &opcua::Client::connectFailed, client.get(),
                         [&failure](const QString &reason) { failure = reason; });
        client->connectToServer(url, {}, true, ConnectTimeoutMs);
        connections.push_back(std::move(client));
    }
    if (!waitUntil([&] { return connected == clients || !failure.isEmpty(); },
                   ConnectTimeoutMs + 1000) ||
        !failure.isEmpty())
        throw BenchError(
            format("a client could not open a session on %s: %s", qPrintable(url),
                   qPrintable(failure.isEmpty() ? QStringLiteral("timed out") : failure)));

    const auto node = opcua::NodeId::fromString(Counter);
    if (!node)
        throw BenchError("the counter's node id does not parse");
    const QList<opcua::ReadValueId> nodes{opcua::ReadValueId::value(*node)};
    QElapsedTimer clock;
    clock.start();
    const qint64 measureFrom = WarmUpMs * 1000000LL;
    const qint64 measureTo = measureFrom + seconds * 1000000000LL;
    ReadRun run;
    int running = clients;
    // A real event loop: waitUntil() polls every few ms, which would be the latency.
    QEventLoop loop;
    std::function<void(opcua::Client *)> next = [&](opcua::Client *client) {
        const qint64 sent = clock.nsecsElapsed();
        if (sent >= measureTo) {
            if (--running == 0)
                loop.quit();
            return;
        }
        client->read(
            nodes,
            [&, client, sent](const opcua::ReadResponse &response,
                              const opcua::CallStatus &status) {
                const qint64 answered = clock.nsecsElapsed();
                const bool good = status.isGood() && response.results.size() == 1 &&
                                  response.results.constFirst().statusCode().isGood();
                if (sent >= measureFrom && answered <= measureTo) {
                    ++run.reads;
                    run.errors += good ? 0 : 1;
                    run.latenciesUs.push_back(double(answered - sent) / 1000);
                }
                next(client);
            },
            ReadTimeoutMs);
    };
    QTimer deadline, interrupt;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&interrupt, &QTimer::timeout, &loop, [&loop] {
        if (interrupted())
            loop.quit();
    });
    deadline.start(WarmUpMs + seconds * 1000 + 2 * ReadTimeoutMs);
    interrupt.start(100);
    // The proxy's CPU from the warm-up's end to the last answer.
    double cpuFrom = 0;
    QTimer cpuStart;
    cpuStart.setSingleShot(true);
    QObject::connect(&cpuStart, &QTimer::timeout, &loop, [&] { cpuFrom = cpuSeconds(proxy); });
    if (proxy)
        cpuStart.start(WarmUpMs);
    for (const auto &client : connections)
        next(client.get());
    if (running > 0)
        loop.exec();
    if (proxy)
        run.proxyCpuSeconds = cpuSeconds(proxy) - cpuFrom;
    checkInterrupted();
    if (running > 0)
        throw BenchError("the reads did not end in time");
    for (const auto &client : connections)
        client->disconnectFromServer();
    waitUntil(
        [&] {
            for (const auto &client : connections)
                if (client->state() != opcua::Client::State::Disconnected)
                    return false;
            return true;
        },
        3000);

    return run;
}

} // namespace

void runOpcUaSecurity(int rounds, int seconds)
{
    say("\n== opcua-security: Tandem's Client reading ns=1;s=Counter, one read in flight per "
        "client (1 and %d clients), %d s measured after %d ms, %d rounds over the four rows; "
        "straight from a node-opcua server and through a Warm tandemd pair, None:None on both "
        "sides vs %s on both sides (client -> proxy and proxy -> servers), same servers, same "
        "run ==",
        ConcurrentClients, seconds, WarmUpMs, rounds, qPrintable(Secured));
    // This process's own certificate, as a client of the servers and of the proxy, and
    // tandemd's, made before it starts: both go into the servers' trust list before they
    // start, so node-opcua files no new client certificate while the bench runs.
    QTemporaryDir clientState;
    opcua::LocalPki clientPki(clientState.path(), nullptr);
    QString error;
    const auto own = clientPki.own(&error);
    if (!own)
        throw BenchError(format("no client certificate: %s", qPrintable(error)));
    test::TandemdProcess engine;
    const auto engineOwn = opcua::LocalPki(engine.stateDir(), nullptr).own(&error);
    if (!engineOwn)
        throw BenchError(format("no certificate for tandemd: %s", qPrintable(error)));
    const QString serverTrust = test::OpcUaPeer::pkiDir() + QStringLiteral("/PKI/trusted/certs");
    QDir().mkpath(serverTrust);
    for (const auto &[name, der] :
         {std::pair{QStringLiteral("tandem-bench-client.der"), own->certificate().der()},
          std::pair{QStringLiteral("tandem-bench-engine.der"), engineOwn->certificate().der()}}) {
        QFile file(serverTrust + u'/' + name);
        if (!file.open(QIODevice::WriteOnly) || file.write(der) != der.size())
            throw BenchError(format("cannot write %s", qPrintable(file.fileName())));
    }
    const auto primary = startSecuredPeer(0);
    const auto secondary = startSecuredPeer(100000);
    opcua::ClientSecurity none;
    opcua::ClientSecurity secured;
    secured.setting = opcua::SecuritySetting::from(uaSetting(Secured));
    secured.ownCertificate = own->certificate().der();
    secured.ownKey = opcua::AsymmetricKey::fromOpenSsl(own->privateKey().handle());

    const std::vector<quint16> ports = freePorts(2);
    PairConfig plain = test::testPair(Protocol::OpcUa,
                                      QStringLiteral("opc.tcp://127.0.0.1:%1/plain").arg(ports[0]),
                                      primary->address(), secondary->address(),
                                      ConnectionMode::Warm, PairConfig::DefaultStatusIntervalMs,
                                      PairConfig::DefaultStatusTimeoutMs, QStringLiteral("plain"));
    plain.opcuaSecurity = OpcUaSecurity::unsecured();
    plain.opcuaSecurity.listen = {uaSetting(QStringLiteral("None:None"))};
    PairConfig sealed = plain; // the same but for its name, endpoint and security
    sealed.name = QStringLiteral("secured");
    sealed.endpoint = QStringLiteral("opc.tcp://127.0.0.1:%1/secured").arg(ports[1]);
    sealed.opcuaSecurity.primary.setting = uaSetting(Secured);
    sealed.opcuaSecurity.secondary.setting = uaSetting(Secured);
    sealed.opcuaSecurity.listen = {uaSetting(Secured)};

    // tandemd trusts both servers and this process's certificate before it starts.
    const pki::PkiStore store(engine.stateDir());
    for (const QByteArray &der :
         {primary->certificate(), secondary->certificate(), own->certificate().der()}) {
        const auto certificate = pki::Certificate::fromData(der, &error);
        if (!certificate || !store.trustCertificate(*certificate, &error))
            throw BenchError(
                format("cannot trust a certificate for tandemd: %s", qPrintable(error)));
    }
    Configuration config = Configuration::createNew();
    config.pairs << plain << sealed;
    startEngine(engine, config);
    for (const char *name : {"plain", "secured"})
        for (const char *side : {"primary", "secondary"})
            if (!waitForLines(engine,
                              QStringLiteral("Connected to '%1' on %2")
                                  .arg(QLatin1String(name), QLatin1String(side)),
                              1, 30000))
                throw BenchError(format("tandemd did not connect '%s' on %s within 30 s:\n%s", name,
                                        side, qPrintable(engine.lines().join(QLatin1Char('\n')))));

    struct Row
    {
        const char *path;
        const char *security;
        QString url;
        const opcua::ClientSecurity *clientSecurity;
    };
    const Row rows[] = {
        {"direct", "None", primary->url(), &none},
        {"tandemd", "None", plain.endpoint, &none},
        {"direct", "Basic256Sha256:SignAndEncrypt", primary->url(), &secured},
        {"tandemd", "Basic256Sha256:SignAndEncrypt", sealed.endpoint, &secured},
    };
    // Round after round over the rows, so a busy moment of the machine spoils no row alone.
    // Per row: the median of the rounds' reads per second, the latencies of all rounds
    // together, and tandemd's CPU per read.
    struct Figures
    {
        std::vector<double> perSecondOne, perSecondMany;
        std::vector<double> latenciesUs;
        double proxyCpuSeconds = 0;
        long proxiedReads = 0;
        long errors = 0;
    } figures[4];
    const pid_t proxy = pid_t(engine.processId());
    for (int round = 0; round < rounds; ++round) {
        for (int r = 0; r < 4; ++r) {
            const pid_t rowProxy = r % 2 ? proxy : 0;
            Figures &f = figures[r];
            ReadRun one = readFor(rows[r].url, *rows[r].clientSecurity, 1, seconds, rowProxy);
            const ReadRun many =
                readFor(rows[r].url, *rows[r].clientSecurity, ConcurrentClients, seconds, rowProxy);
            f.perSecondOne.push_back(double(one.reads) / seconds);
            f.perSecondMany.push_back(double(many.reads) / seconds);
            f.latenciesUs.insert(f.latenciesUs.end(), one.latenciesUs.begin(),
                                 one.latenciesUs.end());
            f.proxyCpuSeconds += one.proxyCpuSeconds + many.proxyCpuSeconds;
            f.proxiedReads += one.reads + many.reads;
            f.errors += one.errors + many.errors;
        }
        say("  round %d of %d done", round + 1, rounds);
    }
    say("%-8s %-30s %12s %10s %8s %14s %13s %7s", "path", "security", "reads/s (1)", "median us",
        "p99 us", format("reads/s (%d)", ConcurrentClients).c_str(), "proxy CPU/read", "errors");
    double medianUs[4], p99Us[4], perSecondOne[4], perSecondMany[4];
    long errors = 0;
    for (int r = 0; r < 4; ++r) {
        Figures &f = figures[r];
        medianUs[r] = percentile(f.latenciesUs, 0.5);
        p99Us[r] = percentile(f.latenciesUs, 0.99);
        perSecondOne[r] = spread(f.perSecondOne).median;
        perSecondMany[r] = spread(f.perSecondMany).median;
        errors += f.errors;
        const std::string cpu =
            r % 2 && f.proxiedReads > 0
                ? format("%.0f us", f.proxyCpuSeconds * 1e6 / double(f.proxiedReads))
                : std::string("-");
        say("%-8s %-30s %12.0f %10.0f %8.0f %14.0f %13s %7ld", rows[r].path, rows[r].security,
            perSecondOne[r], medianUs[r], p99Us[r], perSecondMany[r], cpu.c_str(), f.errors);
    }
    say("added by the proxy (through tandemd - direct, same setting): None median %+.0f us, "
        "p99 %+.0f us; %s median %+.0f us, p99 %+.0f us",
        medianUs[1] - medianUs[0], p99Us[1] - p99Us[0], qPrintable(Secured),
        medianUs[3] - medianUs[2], p99Us[3] - p99Us[2]);
    const double ratioOne = perSecondOne[1] > 0 ? perSecondOne[3] / perSecondOne[1] : 0;
    const double ratioMany = perSecondMany[1] > 0 ? perSecondMany[3] / perSecondMany[1] : 0;
    say("through tandemd, secured/None reads per second: 1 client %.2f, %d clients %.2f", ratioOne,
        ConcurrentClients, ratioMany);
    target("opcua-security reads", errors == 0 && ratioOne > 0,
           format("every read Good under both settings (%ld errors); secured/None %.2f", errors,
                  ratioOne));
}

} // namespace tandem::bench
