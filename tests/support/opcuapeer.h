#pragma once

#include "peerprocess.h"

#include <QObject>
#include <QString>

#include <initializer_list>
#include <utility>

namespace tandem::test {

// A real OPC UA server (tests/integration/peers/opcua/server.js, node-opcua) on a free
// loopback port, for tests that need an independent peer to connect to and fail over
// between. SecurityPolicy None unless Options::security names others; anonymous, plus
// one user name identity on request.
// Namespace 1 is "urn:tandem:test": ns=1;s=Counter counts up from the offset every
// 100 ms (or Options::counterPeriodMs), ns=1;s=Offset holds the offset (so a test can
// tell which peer answered), ns=1;s=Value (Double) and ns=1;s=Flag (Boolean) are
// writable, ns=1;s=Array is Double[3]; all of them sit in the folder ns=1;s=Plant under
// Objects.
// Server_ServiceLevel (i=2267) is 255 until "service-level" changes it. A user name's
// password may come encrypted with the peer's certificate (node-opcua's own policies)
// or in clear text under the policy "username_plain", as a None-only client sends it.
// The destructor kills the process, so a failing test never leaves a peer behind.
class OpcUaPeer final : public PeerProcess
{
    Q_OBJECT

public:
    static constexpr int StartTimeoutMs = 30000; // node-opcua loads in ~2 s on an idle machine

    struct Options
    {
        int offset = 0;
        QString user{}; // non-empty: also accept this user name identity
        QString password{};
        QString path{};        // the endpoint URL's path, "/tandem"; empty: none
        bool anonymous = true; // false: refuse anonymous sessions (then give a user)
        // The user name policies offered: "both" (node-opcua's RSA-encrypted ones and
        // "username_plain"), "plain" or "encrypted" only.
        QString userPolicies = QStringLiteral("both");
        int counterPeriodMs = 0; // how often Counter counts up; 0: the peer's 100 ms
        // The endpoints offered: "POLICY:MODE[,POLICY:MODE...]"; empty: None:None.
        QString security{};
        // A server certificate that is "expired" or whose ApplicationUri differs
        // ("uri-mismatch"); empty: node-opcua's own, valid one.
        QString certificateKind{};

        bool operator==(const Options &) const = default;
    };

    explicit OpcUaPeer(QObject *parent = nullptr);

    // Starts the server and waits until it listens. On failure the peer's log is
    // forwarded with qWarning.
    // port 0 picks a free one; a given port brings a server back where it was.
    bool start(const Options &options, quint16 port = 0);
    bool start(); // default options: offset 0, anonymous only, no path
    // For a peer a test keeps from one case to the next (a start costs seconds): makes it
    // what start(options) would, without a new start where it can. A peer a case hung is
    // resumed; one that ended (killed, shut down), never started or runs with other
    // options is started again, on its port if it had one; a running one is "reset"
    // (Counter back at the offset and counting, Value 0, Flag false, ServiceLevel 255).
    bool restore(const Options &options);
    // The same for several peers; those that must start, start side by side.
    static bool restoreAll(std::initializer_list<std::pair<OpcUaPeer *, Options>> peers);
    const Options &options() const { return m_options; }
    QString url() const; // "opc.tcp://127.0.0.1:PORT/path"
    // The server's certificate (DER) as the running peer wrote it into pkiDir().
    QByteArray certificate() const;

    // command() sends one control line and waits for its "ok": "set Value|Flag|Counter
    // VALUE", "service-level N", "shutdown MS" (the peer announces it, then exits after
    // MS), "stop-counter", "start-counter" (see server.js).
    using PeerProcess::command;

    // node, and the folder with server.js, client.js and their node_modules.
    static QString nodeExecutable();
    static QString scriptDir();
    // node-opcua's certificate stores, one folder for every peer and client of this test
    // process, removed when it ends: the first start makes the keys, later ones reuse
    // them, and nothing is written under $HOME or into the source tree.
    static QString pkiDir();

private:
    // The first half of start(): the process runs, waitUntilReady("READY ") is the second.
    bool launch(const Options &options, quint16 port);

    Options m_options;
};

} // namespace tandem::test
