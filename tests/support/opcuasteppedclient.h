#pragma once

#include "opcuaclientrun.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace tandem::test {

// One run of tests/integration/peers/opcua/client.js that a test steps through while it
// runs: its operations "wait-line", "browse-pages ... WAIT" and "read-loop-registered" wait
// for a line on their input, so the test can kill or hang a server between two requests of
// one session and then let the client go on. It runs in the test process's shared client.js
// --serve (see runClient()) with a client and session of its own; the destructor aborts a
// run still going, so a failing test never leaves a client behind.
class OpcUaSteppedClient final
{
public:
    OpcUaSteppedClient(const QString &url, const QString &operations,
                       const QStringList &options = {});
    ~OpcUaSteppedClient();

    // Waits until a line for which matches() holds has come (taking in output meanwhile);
    // false when the client ended or timeoutMs passed first.
    bool waitFor(const std::function<bool(const QJsonObject &)> &matches, int timeoutMs);
    // Waits for the next {"waiting":true} after those already seen.
    bool waitForWaiting(int timeoutMs);
    // A line on the client's input: lets a waiting operation go on.
    void goOn();
    // Waits for the client to end: every line, its exit code and log.
    ClientResult finish();
    QList<QJsonObject> lines() const { return m_run->lines(); }

private:
    std::unique_ptr<ClientRun> m_run;
    qsizetype m_waitingSeen = 0;
};

} // namespace tandem::test
