#pragma once

#include "modbuspeer.h"
#include "opcuapeer.h"
#include "tandemdprocess.h"

#include <QJsonObject>
#include <QTest>

#include <memory>
#include <type_traits>

namespace tandem::test {

// What the fail-over suites (Modbus and OPC UA alike) and their neighbours start from: two
// independent servers as the primary and secondary of the pair line1, a real tandemd to run
// it, and the pair's endpoint on a free loopback port. The suite starts the servers (it may
// keep one for all its cases); each case gets a new engine.
template <typename Peer> struct PairRig
{
    std::unique_ptr<Peer> primary;
    std::unique_ptr<Peer> secondary;
    std::unique_ptr<TandemdProcess> engine;
    quint16 port = 0;

    // A new engine (not started yet) and a free port for the pair's endpoint.
    void newEngine()
    {
        engine = std::make_unique<TandemdProcess>();
        port = TandemdProcess::freePort();
    }
    // "127.0.0.1:PORT" for Modbus TCP, "opc.tcp://127.0.0.1:PORT/line1" for OPC UA.
    QString endpoint() const
    {
        return std::is_same_v<Peer, OpcUaPeer>
                   ? QStringLiteral("opc.tcp://127.0.0.1:%1/line1").arg(port)
                   : QStringLiteral("127.0.0.1:%1").arg(port);
    }
    // The pair line1 on the two servers and the endpoint, with this mode and status timing.
    PairConfig pair(ConnectionMode mode, int statusIntervalMs, int statusTimeoutMs,
                    bool reconnectPrimary = false) const
    {
        PairConfig p = testPair(
            std::is_same_v<Peer, OpcUaPeer> ? Protocol::OpcUa : Protocol::ModbusTcp, endpoint(),
            primary->address(), secondary->address(), mode, statusIntervalMs, statusTimeoutMs);
        p.reconnectPrimary = reconnectPrimary;
        // The fail-over tests speak None to the peers and the endpoint; the secured
        // channels have their own tests (tst_opcuasecurity, tst_opcuaproxysecurity).
        p.opcuaSecurity = OpcUaSecurity::unsecured();
        return p;
    }
    QJsonObject status() const { return engine->pairStatus(QStringLiteral("line1")); }
    // "primary" or "secondary", as the engine's status says.
    QString active() const { return status().value(QLatin1String("active")).toString(); }

    // From cleanup(): prints what tandemd said when the case failed, then ends the engine:
    // stopped as an operator stops it when `stopCleanly` (it closes its sessions on servers
    // kept for the next case; false if it did not end), else killed.
    bool endCase(bool stopCleanly)
    {
        if (QTest::currentTestFailed() && engine)
            qWarning().noquote() << "tandemd said:\n" << engine->lines().join(QLatin1Char('\n'));
        const bool stopped = !engine || !stopCleanly || engine->stop();
        engine.reset();
        return stopped;
    }
};

// Two pymodbus servers as the pair (offsets 0 and 1000, so holding register 400002 tells
// which one answered), started for each case. Call init() with QVERIFY from a test's
// init() and cleanup() from its cleanup().
struct ModbusPairRig : PairRig<ModbusPeer>
{
    static constexpr quint16 SecondaryOffset = 1000;

    bool init()
    {
        primary = std::make_unique<ModbusPeer>();
        secondary = std::make_unique<ModbusPeer>();
        if (!primary->start(0) || !secondary->start(SecondaryOffset))
            return false;
        newEngine();
        return true;
    }
    void cleanup()
    {
        endCase(false);
        primary.reset();
        secondary.reset();
    }
};

} // namespace tandem::test
