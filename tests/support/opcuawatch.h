#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace tandem::test {

class ClientRun;

// An independent OPC UA subscriber: tests/integration/peers/opcua/client.js "watch" (a
// node-opcua client), run in the test process's shared client.js --serve (see runClient()),
// which loads node-opcua once for every run and watch, for tests that check what a server,
// or a proxy in front of one, publishes. Each watch has a node-opcua client, connection,
// session and subscription of its own. It records the JSON lines the watch prints (see
// client.js): data changes {"nodeId","status","dataType","value","seq","sourceTimestamp","t"},
// keep-alives {"keepalive":true,"seq"}, events {"event":"connection_lost"|"reconnecting"|
// "reconnected"|"session_closed"|"status_changed"|"terminated"} and the last line
// {"closed":REASON}. The watch keeps going through connection losses, node-opcua
// reconnecting by itself, until stop().
// Output is taken in while waitFor() runs and whenever the event loop does; the destructor
// ends a watch still going, so a failing test never leaves a subscriber behind.
class OpcUaWatch final
{
public:
    static constexpr int StartTimeoutMs = 30000; // node-opcua loads in ~2 s on an idle machine
    static constexpr int StopTimeoutMs = 5000;

    OpcUaWatch();
    ~OpcUaWatch();
    OpcUaWatch(const OpcUaWatch &) = delete;
    OpcUaWatch &operator=(const OpcUaWatch &) = delete;

    // The items' sampling interval from the next start on: -1 (the default) the same as
    // the publishing interval, 0 every change as the server sees it.
    void setSamplingInterval(int ms) { m_samplingMs = ms; }
    // client.js options for the next start, before the URL: e.g. "--security"
    // "Basic256Sha256:SignAndEncrypt" (its certificate is then OpcUaPeer::pkiDir()'s
    // client-certificate.der, for the endpoint to trust).
    void setClientOptions(const QStringList &options) { m_options = options; }

    // Runs client.js [--user USER:PASSWORD] --interval intervalMs URL watch NODEID... and
    // waits until it has subscribed. On failure (the watch's error, its end or no
    // subscription in time) the watch's output and log are forwarded with qWarning.
    // Forgets what an earlier run recorded.
    bool start(const QString &url, const QStringList &nodeIds, int intervalMs = 100,
               const QString &user = {}, const QString &password = {});
    // Tells the watch to quit and waits for it to close its session and end; gives up on it
    // if it does not.
    void stop();
    // Whether it started and has not ended.
    bool isRunning() const;
    // The log of node-opcua since the start (of every client of the shared client.js).
    QString errorOutput() const;

    QList<QJsonObject> records() const;    // every line, in order
    QList<QJsonObject> changes() const;    // the data change lines
    QList<QJsonObject> keepAlives() const; // the keep-alive lines
    QList<QJsonObject> events() const;     // the event lines
    // Whether an event line named so (e.g. "connection_lost") has come.
    bool hasEvent(const QString &name) const;

    // Takes in output and runs the event loop until condition() holds or timeoutMs
    // passed; false on timeout.
    bool waitFor(const std::function<bool()> &condition, int timeoutMs);

private:
    QList<QJsonObject> recordsWith(QLatin1String key) const;

    std::unique_ptr<ClientRun> m_run;
    int m_samplingMs = -1;
    QStringList m_options;
};

} // namespace tandem::test
