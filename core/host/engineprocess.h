#pragma once

#include "config/configissue.h"
#include "config/tandempaths.h"

#include <QObject>
#include <QProcess>
#include <QStringList>

#include <mutex>
#include <thread>

namespace tandem {

// The console's own engine: a tandemd child process on the console's configuration and
// state directory. It runs the same code as the service and answers on the same control
// socket, and it never shares the console's GUI thread, so a modal dialog, a backup or a
// license transfer in the console cannot delay a fail-over. Its stderr is read by a thread
// of its own: a busy or frozen console never stalls the engine on a full pipe.
class EngineProcess final : public QObject
{
    Q_OBJECT

public:
    explicit EngineProcess(const TandemPaths &paths, QObject *parent = nullptr);
    ~EngineProcess() override; // stops it

    // The tandemd the console starts: TANDEM_TANDEMD (a test hook), else the one beside
    // this program, else the first on PATH; empty when there is none.
    static QString program();

    // Starts tandemd and waits (at most timeoutMs) until its control socket answers.
    // Returns what kept it from starting (it has ended then, as tandemd says on stderr);
    // what it runs with anyway goes to *warnings.
    ConfigIssues start(ConfigIssues *warnings, int timeoutMs);
    // SIGTERM, as systemd stops the service (pairs stopped, OPC UA sessions closed), and
    // waits; SIGKILL after timeoutMs.
    void stop(int timeoutMs = 5000);
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 pid() const { return m_pid; }

Q_SIGNALS:
    // It ended without stop(): crashed, killed or stopped by someone else. `why` says how,
    // with the last thing it wrote that is not an event.
    void exitedUnexpectedly(const QString &why);

private:
    void onFinished(int exitCode, QProcess::ExitStatus status);
    // Reads what the pipe holds now (with m_mutex held); false at its end.
    bool readPipeLocked();
    void takeLineLocked(const QByteArray &line);
    void readerLoop();
    void closePipe();
    QString howItEnded() const;

    TandemPaths m_paths;
    QProcess m_process;
    qint64 m_pid = 0;
    bool m_ready = false;
    bool m_stopping = false;

    int m_readFd = -1;
    int m_writeFd = -1;
    int m_wakeFd = -1; // eventfd: ends the reader thread
    std::thread m_reader;
    mutable std::mutex m_mutex; // guards what follows (the reader thread writes it)
    QByteArray m_partial;
    QStringList m_startLines; // tandemd's own lines until it answered
    QStringList m_tail;       // the last lines that are not events
    bool m_collecting = true;
};

} // namespace tandem
