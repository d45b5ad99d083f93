#pragma once

#include "peerprocess.h"
#include "testpairs.h"

#include "config/configuration.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <vector>

namespace tandem::test {

// Free loopback TCP ports, all bound at the same time so that they differ, then released
// (fine for tests on one machine).
std::vector<quint16> freePorts(int count);

// A real tandemd on a private configuration and state directory. Its stderr (events,
// one a line, and diagnostics) is collected so tests can wait for and count events; it
// is taken in whenever the event loop runs and whenever lines are asked for.
class TandemdProcess final : public PeerProcess
{
    Q_OBJECT

public:
    // baseDir: where the private configuration and state folders are made (default: the
    // system's temporary folder), e.g. a deliberately small file system.
    explicit TandemdProcess(const QString &baseDir = {}, QObject *parent = nullptr);
    ~TandemdProcess() override;

    QString configFile() const { return m_dir.filePath(QStringLiteral("tandem.xml")); }
    QString stateDir() const { return m_dir.filePath(QStringLiteral("state")); }

    // Writes the configuration with the given pairs enabled on this "machine".
    bool writeConfig(const Configuration &config, const QStringList &enabled);
    // The environment the next start() gives tandemd (the test's own, to begin with).
    QProcessEnvironment &environment() { return m_env; }
    using PeerProcess::setDescriptorLimit;
    // Whether the next start() turns on the engine's and the mailer's debug lines, which
    // let tests see retries that post no event (on unless set off, as benchmarks do).
    void setDebugLines(bool on) { m_debugLines = on; }
    // Whether the destructor stop()s it rather than killing it, for a caller that keeps the
    // servers for the next engine: a killed engine leaves its sessions there.
    void setStopWhenDestroyed(bool stop) { m_stopWhenDestroyed = stop; }
    // Starts tandemd and waits until its control socket answers (or it exits).
    bool start(const QStringList &extraArgs = {});
    // Runs this one pair, enabled: writes the configuration, starts tandemd and waits until
    // the pair's primary is active. A start on the secondary (the primary answered after
    // the connect time-out, as on a loaded machine) is made again, three times at most.
    bool startWithPair(const PairConfig &pair, int timeoutMs = 10000);
    // SIGTERM and wait, as an operator stops it: it closes its sessions on the servers
    // (killed engines leave them taken until they time out). False if it did not end.
    bool stop(int timeoutMs = 10000) { return PeerProcess::stop(timeoutMs); }
    // Ended by itself with status 0 (not by a signal, nor by a sanitizer's report).
    bool exitedCleanly() const { return exitCode() == 0; }
    // The tandemd the tests run: TANDEM_TEST_TANDEMD if set (e.g. a build with
    // AddressSanitizer), else the one built beside the tests.
    static QString program();
    // Its resident memory now (VmRSS in /proc/PID/status), in KiB; -1 when not running.
    qint64 residentKiB() const;

    // stderr lines so far (events and diagnostics).
    QStringList lines();
    // Event lines so far (Event::toLine()), in order, without the other diagnostics.
    QStringList eventLines();
    // Event texts so far, in order (the fifth tab-separated field of event lines).
    QStringList events();
    int countEvents(const QString &text);
    int countLines(const QString &part);
    // Waits until `count` events containing `text` have been posted.
    bool waitForEvent(const QString &text, int timeoutMs = 10000, int count = 1);
    bool waitForLine(const QString &part, int timeoutMs = 10000, int count = 1);
    // The engine's status over its control socket; empty when it does not answer in time.
    QJsonObject status(int timeoutMs = 3000);
    QJsonObject pairStatus(const QString &pair);

    static quint16 freePort() { return freePorts(1).front(); }

private:
    void readOutput();
    bool waitFor(const std::function<bool()> &condition, int timeoutMs);

    QTemporaryDir m_dir;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    QByteArray m_pending;
    QStringList m_lines;
    bool m_debugLines = true;
    bool m_stopWhenDestroyed = false;
};

} // namespace tandem::test
