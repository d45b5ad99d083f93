#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace tandem::test {

// One run of tests/integration/peers/opcua/client.js (a node-opcua client): its JSON
// lines, exit code and log (stderr). See client.js for the operations and their lines.
struct ClientResult
{
    static constexpr int TimeoutMs = 30000; // node-opcua takes ~2 s to load on an idle machine

    int exitCode = -1;
    QList<QJsonObject> lines;
    QString log;

    QJsonObject line(qsizetype i) const { return lines.value(i); }
    QString error() const; // the first {"error":..} line's message, or empty
    QString dump() const;  // everything, for a failure message
};

class ClientRun;

// "read ns=1;s=Offset read i=2267" -> client.js's operation words.
QStringList clientWords(const QString &operations);

// Runs client.js with these options (before the URL), URL and operation words, and
// returns what it printed. The runs of a test process share one client.js --serve, which
// loads node-opcua once (seconds on a loaded machine) instead of at every run; each run
// still has a node-opcua client, connection, secure channel and session of its own, and
// its exit code is the one client.js on its own would end with. The event loop runs while
// it waits, so a server in the test's own process answers.
ClientResult runClient(const QString &url, const QStringList &operation,
                       const QStringList &options = {});
// The same in two steps, for runs side by side: several may be started, then finished
// in any order.
std::unique_ptr<ClientRun> startClient(const QString &url, const QStringList &operation,
                                       const QStringList &options = {});
ClientResult finishClient(ClientRun &run);

// client.js in a process of its own, for a watch (which --serve does not run) whose lines
// a test reads as they come; finishClient() waits for its end.
std::unique_ptr<QProcess> startClientProcess(const QString &url, const QStringList &operation,
                                             const QStringList &options = {});
ClientResult finishClient(QProcess &process);

// --user USER:PASSWORD [--plain-password 1]
QStringList userOptions(const QString &user, const QString &password, bool plain = false);

// A run of the shared client.js --serve: what it printed so far and whether it ended.
// Made by startClient(); a run still going when it is destroyed is aborted.
class ClientRun final
{
public:
    ~ClientRun();
    ClientRun(const ClientRun &) = delete;
    ClientRun &operator=(const ClientRun &) = delete;

    bool finished() const { return m_finished; }
    // Its lines so far, its exit code once finished (-1 before, or when client.js --serve
    // ended under it).
    const QList<QJsonObject> &lines() const { return m_result.lines; }
    int exitCode() const { return m_result.exitCode; }
    // The shared log since the run began (node-opcua's lines of every run of that time).
    QString log() const;
    // Takes in output and runs the event loop until condition() holds or timeoutMs passed;
    // false on timeout.
    bool waitFor(const std::function<bool()> &condition, int timeoutMs);
    // A line on the run's input, for operations that wait for one (client.js: a watch
    // ends on "quit", a paused history goes on at "continue", "wait-line" at any line).
    // False if it cannot be told.
    bool input(const QString &line);
    bool quit() { return input(QStringLiteral("quit")); }
    // Ends the run at once as a failure, its client closed, as killing a client.js of its
    // own would.
    bool abort();

private:
    friend class ClientHost;
    friend std::unique_ptr<ClientRun> startClient(const QString &, const QStringList &,
                                                  const QStringList &);
    friend ClientResult finishClient(ClientRun &);
    ClientRun() = default;

    qint64 m_id = 0;
    qint64 m_logFrom = 0; // where the shared log stood when the run began
    bool m_finished = false;
    ClientResult m_result;
};

} // namespace tandem::test
