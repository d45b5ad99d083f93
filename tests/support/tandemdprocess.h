#pragma once

#include "config/configuration.h"

#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

namespace tandem::test {

// A real tandemd on a private configuration and state directory. Its stderr (events,
// one a line, and diagnostics) is collected so tests can wait for and count events.
// The pair the fail-over tests run: named line1, these machines and endpoint, this mode
// and status timing.
PairConfig testPair(Protocol protocol, const QString &endpoint, const QString &primary,
                    const QString &secondary, ConnectionMode mode, int statusIntervalMs,
                    int statusTimeoutMs);

class TandemdProcess final : public QObject
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
    // The next start() runs tandemd with at most this many open descriptors
    // (RLIMIT_NOFILE, soft and hard), as a service unit's LimitNOFILE would; 0: inherited.
    void setDescriptorLimit(int descriptors) { m_descriptorLimit = descriptors; }
    // Starts tandemd and waits until its control socket answers (or it exits).
    bool start(const QStringList &extraArgs = {});
    // Runs this one pair, enabled: writes the configuration, starts tandemd and waits until
    // the pair's primary is active.
    bool startWithPair(const PairConfig &pair, int timeoutMs = 10000);
    // SIGTERM and wait, as an operator stops it: it closes its sessions on the servers
    // (killed engines leave them taken until they time out). False if it did not end.
    bool stop(int timeoutMs = 10000);
    void terminate(); // SIGTERM
    bool waitForExit(int timeoutMs);
    int exitCode() const { return m_process.exitCode(); }
    // Ended by itself with status 0 (not by a signal, nor by a sanitizer's report).
    bool exitedCleanly() const;
    // The tandemd the tests run: TANDEM_TEST_TANDEMD if set (e.g. a build with
    // AddressSanitizer), else the one built beside the tests.
    static QString program();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 processId() const { return m_process.processId(); }
    void sendSignal(int signalNumber);
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
    QJsonObject status();
    QJsonObject pairStatus(const QString &pair);

    // A free loopback TCP port (bound and released; fine for tests on one machine).
    static quint16 freePort();

private:
    void readOutput();

    QTemporaryDir m_dir;
    QProcess m_process;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    QByteArray m_pending;
    QStringList m_lines;
    int m_descriptorLimit = 0;
};

} // namespace tandem::test
