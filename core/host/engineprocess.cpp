#include "engineprocess.h"

#include "base/enginesocket.h"
#include "base/testhooks.h"
#include "controlserver.h"
#include "events/event.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QStandardPaths>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <optional>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace tandem {

namespace {
constexpr int TailLines = 20;
// What tandemd writes about its start (app/tandemd/main.cpp): a fatal issue a line, or a
// warning a line, and "not started" last when it gives up.
constexpr QLatin1String Prefix("tandemd: ");
constexpr QLatin1String WarningPrefix("tandemd: warning: ");
constexpr QLatin1String NotStarted("tandemd: not started");

bool isEventLine(const QByteArray &line)
{
    return line.count('\t') == Event::LineColumns - 1;
}
} // namespace

EngineProcess::EngineProcess(const TandemPaths &paths, QObject *parent)
    : QObject(parent)
    , m_paths(paths)
{
    connect(&m_process, &QProcess::finished, this, &EngineProcess::onFinished);
}

EngineProcess::~EngineProcess()
{
    stop();
}

QString EngineProcess::program()
{
    const QString hook = TANDEM_TEST_HOOK_VARIABLE("TANDEM_TANDEMD");
    if (!hook.isEmpty())
        return hook;
    // Installed side by side (/usr/bin) and built side by side (build/*/app).
    const QFileInfo beside(
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("tandemd")));
    if (beside.isFile() && beside.isExecutable())
        return beside.absoluteFilePath();
    return QStandardPaths::findExecutable(QStringLiteral("tandemd"));
}

ConfigIssues EngineProcess::start(ConfigIssues *warnings, int timeoutMs)
{
    const QString tandemd = program();
    if (tandemd.isEmpty())
        return {{QString(), tr("cannot find the engine program tandemd: it is neither beside "
                               "the console in %1 nor on PATH")
                                .arg(QCoreApplication::applicationDirPath())}};
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0 ||
        (m_wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) < 0)
        return {{QString(), tr("cannot start %1: %2").arg(tandemd, qt_error_string(errno))}};
    m_readFd = pipeFds[0];
    m_writeFd = pipeFds[1];
    ::fcntl(m_readFd, F_SETFL, O_NONBLOCK);

    QStringList arguments{QStringLiteral("--config"), m_paths.configFile,
                          QStringLiteral("--state-dir"), m_paths.stateDir};
#if TANDEM_HAS_TEST_HOOKS
    if (!m_paths.machineIdFile.isEmpty())
        arguments << QStringLiteral("--machine-id-file") << m_paths.machineIdFile;
#endif
    m_process.setStandardInputFile(QProcess::nullDevice());
    m_process.setStandardOutputFile(QProcess::nullDevice());
    // QProcess leaves stderr alone with this mode; the child puts the pipe there itself.
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const pid_t console = ::getpid();
    m_process.setChildProcessModifier([writeFd = m_writeFd, console] {
        ::dup2(writeFd, STDERR_FILENO); // dup2 clears close-on-exec on the copy
        // The engine stops with the console, also when the console crashes.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != console)
            ::_exit(1);
    });
    m_process.start(tandemd, arguments);
    const bool started = m_process.waitForStarted(timeoutMs);
    ::close(m_writeFd); // the child holds its copy: the pipe ends when it does
    m_writeFd = -1;
    if (!started) {
        closePipe();
        return {{QString(), tr("cannot start %1: %2").arg(tandemd, m_process.errorString())}};
    }
    m_pid = m_process.processId();
    m_reader = std::thread([this] { readerLoop(); });

    // Ready once its control socket answers with its pid; tandemd has written its start
    // warnings by then (it answers from its event loop, which runs after them).
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_process.waitForFinished(20)) {
        const std::optional<QJsonObject> answer = ControlClient::request(
            m_paths.stateDir, {{QStringLiteral("command"), QStringLiteral("status")}}, 500,
            nullptr);
        if (answer && answer->value(QLatin1String("pid")).toInteger() == m_pid) {
            const std::lock_guard lock(m_mutex);
            readPipeLocked();
            for (const QString &line : std::as_const(m_startLines))
                if (line.startsWith(WarningPrefix))
                    warnings->append({QString(), line.mid(WarningPrefix.size())});
            m_collecting = false;
            m_startLines.clear();
            m_ready = true;
            return {};
        }
        if (deadline.hasExpired()) {
            stop();
            return {{QString(), tr("the engine (tandemd, pid %1) did not answer on %2 within "
                                   "%3 s; it was stopped")
                                    .arg(m_pid)
                                    .arg(EngineSocket::pathFor(m_paths.stateDir))
                                    .arg(timeoutMs / 1000)}};
        }
    }
    // It ended: its stderr says why, as it does for the service's journal. All it wrote is
    // in the pipe now.
    {
        const std::lock_guard lock(m_mutex);
        readPipeLocked();
    }
    closePipe();
    ConfigIssues fatal;
    for (const QString &line : std::as_const(m_startLines))
        if (line.startsWith(Prefix) && !line.startsWith(WarningPrefix) && line != NotStarted)
            fatal.append({QString(), line.mid(Prefix.size())});
    if (fatal.isEmpty())
        fatal.append(
            {QString(), tr("the engine (tandemd) ended at its start: %1").arg(howItEnded())});
    return fatal;
}

void EngineProcess::stop(int timeoutMs)
{
    m_stopping = true;
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(timeoutMs)) {
            m_process.kill();
            m_process.waitForFinished(timeoutMs);
        }
    }
    closePipe();
}

void EngineProcess::closePipe()
{
    if (m_reader.joinable()) {
        const quint64 one = 1;
        [[maybe_unused]] const ssize_t written = ::write(m_wakeFd, &one, sizeof one);
        m_reader.join();
    }
    for (int *fd : {&m_readFd, &m_writeFd, &m_wakeFd}) {
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
    }
}

void EngineProcess::onFinished(int exitCode, QProcess::ExitStatus status)
{
    Q_UNUSED(exitCode)
    Q_UNUSED(status)
    if (!m_ready || m_stopping)
        return;
    m_ready = false;
    {
        // Its last words are in the pipe now, read or not.
        const std::lock_guard lock(m_mutex);
        readPipeLocked();
    }
    Q_EMIT exitedUnexpectedly(howItEnded());
}

QString EngineProcess::howItEnded() const
{
    QString how = m_process.exitStatus() == QProcess::CrashExit
                      ? tr("ended by a signal")
                      : tr("exit status %1").arg(m_process.exitCode());
    const std::lock_guard lock(m_mutex);
    if (!m_tail.isEmpty())
        how += QStringLiteral(" (%1)").arg(m_tail.constLast());
    return how;
}

void EngineProcess::readerLoop()
{
    pollfd fds[2] = {{m_readFd, POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
    for (;;) {
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        if (fds[1].revents)
            return;
        const std::lock_guard lock(m_mutex);
        if (!readPipeLocked())
            return;
    }
}

bool EngineProcess::readPipeLocked()
{
    if (m_readFd < 0)
        return false;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(m_readFd, buffer, sizeof buffer);
        if (n > 0) {
            m_partial.append(buffer, n);
            qsizetype newline;
            while ((newline = m_partial.indexOf('\n')) >= 0) {
                takeLineLocked(m_partial.left(newline));
                m_partial.remove(0, newline + 1);
            }
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            return true;
        // The end: it and every copy of the pipe are gone.
        if (!m_partial.isEmpty())
            takeLineLocked(std::exchange(m_partial, {}));
        return false;
    }
}

void EngineProcess::takeLineLocked(const QByteArray &line)
{
    // Events are in the event store, where the console reads them; the rest is what the
    // engine has to say about itself, shown on the console's own stderr as it used to be.
    if (isEventLine(line))
        return;
    const QString text = QString::fromLocal8Bit(line);
    if (m_collecting)
        m_startLines << text;
    else
        std::fprintf(stderr, "%s\n", line.constData());
    m_tail << text;
    if (m_tail.size() > TailLines)
        m_tail.removeFirst();
}

} // namespace tandem
