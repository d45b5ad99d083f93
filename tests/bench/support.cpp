#include "base/enginesocket.h"
#include "bench.h"

#include "config/configfile.h"
#include "config/machinestate.h"
#include "events/event.h"
#include "host/controlserver.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <map>

namespace tandem::bench {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

void onInterrupt(int signalNumber)
{
    if (g_interrupted) {
        // Second Ctrl+C: die now; the children die with us (PR_SET_PDEATHSIG).
        std::signal(signalNumber, SIG_DFL);
        std::raise(signalNumber);
        return;
    }
    g_interrupted = 1;
}

std::string vformat(const char *format, va_list args)
{
    va_list copy;
    va_copy(copy, args);
    const int size = std::vsnprintf(nullptr, 0, format, copy);
    va_end(copy);
    std::string text(size_t(std::max(size, 0)), '\0');
    std::vsnprintf(text.data(), text.size() + 1, format, args);
    return text;
}

sockaddr_in loopback(quint16 port)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

// Fields of /proc/PID/stat after the command name: [0] is field 3 (state).
std::vector<std::string> statFields(pid_t pid)
{
    FILE *file = std::fopen(format("/proc/%d/stat", int(pid)).c_str(), "r");
    if (!file)
        return {};
    char buffer[2048];
    const size_t got = std::fread(buffer, 1, sizeof buffer - 1, file);
    std::fclose(file);
    buffer[got] = '\0';
    const char *p = std::strrchr(buffer, ')');
    if (!p)
        return {};
    std::vector<std::string> fields;
    for (p += 1; *p;) {
        while (*p == ' ')
            ++p;
        const char *start = p;
        while (*p && *p != ' ' && *p != '\n')
            ++p;
        if (p > start)
            fields.emplace_back(start, size_t(p - start));
        if (*p == '\n')
            break;
    }
    return fields;
}

double statusKb(pid_t pid, const char *key)
{
    FILE *file = std::fopen(format("/proc/%d/status", int(pid)).c_str(), "r");
    if (!file)
        return 0;
    char line[256];
    double kb = 0;
    const size_t keyLength = std::strlen(key);
    while (std::fgets(line, sizeof line, file))
        if (std::strncmp(line, key, keyLength) == 0 && line[keyLength] == ':')
            kb = std::atof(line + keyLength + 1);
    std::fclose(file);
    return kb;
}

struct TargetLine
{
    std::string name;
    bool met;
    std::string detail;
};
std::vector<TargetLine> &targets()
{
    static std::vector<TargetLine> list;
    return list;
}

} // namespace

std::string format(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    std::string text = vformat(format, args);
    va_end(args);
    return text;
}

void say(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    const std::string text = vformat(format, args);
    va_end(args);
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void installInterruptHandler()
{
    struct sigaction action = {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    // A client writing to a proxy that just went away must get EPIPE, not die.
    std::signal(SIGPIPE, SIG_IGN);
}

bool interrupted()
{
    return g_interrupted != 0;
}

void checkInterrupted()
{
    if (interrupted())
        throw Interrupted();
}

void sleepMs(int ms)
{
    const TimePoint end = Clock::now() + std::chrono::milliseconds(ms);
    while (true) {
        checkInterrupted();
        const TimePoint now = Clock::now();
        if (now >= end)
            return;
        std::this_thread::sleep_for(
            std::min<Clock::duration>(end - now, std::chrono::milliseconds(20)));
    }
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    const TimePoint end = Clock::now() + std::chrono::milliseconds(timeoutMs);
    while (!done()) {
        checkInterrupted();
        if (Clock::now() >= end)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

std::vector<quint16> freePorts(int count)
{
    std::vector<int> fds;
    std::vector<quint16> ports;
    for (int i = 0; i < count; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address = loopback(0);
        socklen_t length = sizeof address;
        if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
            ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
            if (fd >= 0)
                ::close(fd);
            break;
        }
        fds.push_back(fd);
        ports.push_back(ntohs(address.sin_port));
    }
    for (int fd : fds)
        ::close(fd);
    if (int(ports.size()) != count)
        throw BenchError(format("could not find %d free loopback ports", count));
    return ports;
}

bool canConnect(quint16 port)
{
    MbClient client;
    return client.connectTo(port, 500);
}

// ---------------------------------------------------------------------------------

Child::~Child()
{
    kill();
}

void Child::start(const QString &program, const QStringList &arguments,
                  const QProcessEnvironment &environment)
{
    m_process.setProcessEnvironment(environment);
    m_process.setChildProcessModifier([parent = ::getpid()] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) // the bench died between fork and prctl
            ::_exit(1);
    });
    m_process.start(program, arguments);
    if (!m_process.waitForStarted(10000))
        throw BenchError(format("cannot start %s: %s", qPrintable(program),
                                qPrintable(m_process.errorString())));
    m_pid = pid_t(m_process.processId());
}

bool Child::isRunning()
{
    if (m_process.state() == QProcess::NotRunning)
        return false;
    // Without an event loop QProcess learns of the exit only inside a wait.
    return !m_process.waitForFinished(0);
}

void Child::signal(int signalNumber)
{
    if (m_pid > 0 && m_process.state() != QProcess::NotRunning)
        ::kill(m_pid, signalNumber);
}

void Child::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    ::kill(m_pid, SIGKILL); // also ends a stopped process
    m_process.waitForFinished(5000);
}

bool Child::waitForExit(int timeoutMs)
{
    return m_process.state() == QProcess::NotRunning || m_process.waitForFinished(timeoutMs);
}

Sim::Sim(quint16 offset, quint16 port)
{
    m_child.process().setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_child.start(QStringLiteral(TANDEMSIM_PATH),
                  {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                   QStringLiteral("--offset"), QString::number(offset), QStringLiteral("--quiet")});
    QProcess &process = m_child.process();
    const TimePoint end = Clock::now() + std::chrono::seconds(10);
    QByteArray output;
    while (Clock::now() < end) {
        checkInterrupted();
        output += process.readAllStandardOutput();
        const qsizetype newline = output.indexOf('\n');
        if (newline >= 0) {
            const QByteArray line = output.left(newline).trimmed();
            const qsizetype colon = line.lastIndexOf(':');
            if (!line.startsWith("listening on ") || colon < 0)
                throw BenchError(format("tandem-sim said: %s", line.constData()));
            m_port = quint16(line.mid(colon + 1).toUInt());
            return;
        }
        if (!m_child.isRunning())
            throw BenchError(format("tandem-sim could not listen on 127.0.0.1:%u", port));
        process.waitForReadyRead(20);
    }
    throw BenchError("tandem-sim did not say where it listens");
}

PyModbusPeer::PyModbusPeer(quint16 offset, quint16 port)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PYTHONHOME"));
    env.remove(QStringLiteral("PYTHONPATH"));
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    m_child.process().setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_child.start(QStringLiteral("/usr/bin/python3"),
                  {QStringLiteral(TANDEM_MODBUS_PEER), QStringLiteral("--port"),
                   QString::number(port), QStringLiteral("--offset"), QString::number(offset)},
                  env);
    const QByteArray ready = readLine(20000);
    if (!ready.startsWith("ready "))
        throw BenchError(format("the pymodbus peer said: %s", ready.constData()));
    m_port = quint16(ready.mid(6).trimmed().toUInt());
}

QByteArray PyModbusPeer::command(const char *line)
{
    m_child.process().write(QByteArray(line) + '\n');
    const QByteArray answer = readLine(5000).trimmed();
    if (answer != "ok" && !answer.startsWith("ok "))
        throw BenchError(format("the pymodbus peer refused %s: %s", line, answer.constData()));
    return answer.mid(3);
}

long PyModbusPeer::stat(const char *name)
{
    for (const QByteArray &field : command("stats").split(' '))
        if (field.startsWith(QByteArray(name) + '='))
            return field.mid(int(qstrlen(name)) + 1).toLong();
    return -1;
}

QByteArray PyModbusPeer::readLine(int timeoutMs)
{
    QProcess &process = m_child.process();
    const TimePoint end = Clock::now() + std::chrono::milliseconds(timeoutMs);
    while (!process.canReadLine()) {
        checkInterrupted();
        if (Clock::now() >= end || !m_child.isRunning())
            throw BenchError("the pymodbus peer did not answer");
        process.waitForReadyRead(20);
    }
    return process.readLine();
}

Tandemd::Tandemd()
{
    if (!m_dir.isValid())
        throw BenchError("no temporary directory for tandemd");
}

Tandemd::~Tandemd()
{
    stop();
}

void Tandemd::writeConfig(const Configuration &config)
{
    const ConfigIssues issues = ConfigFile::save(config, configFile());
    if (!issues.isEmpty())
        throw BenchError(
            format("cannot write tandem.xml: %s", qPrintable(issues.first().toString())));
    QDir().mkpath(stateDir());
    MachineState state(stateDir());
    QString error;
    if (!state.load(config.id, &error))
        throw BenchError(format("cannot read the machine state: %s", qPrintable(error)));
    for (const PairConfig &pair : config.pairs)
        if (!state.setEnabled(pair.name, true, &error))
            throw BenchError(
                format("cannot enable %s: %s", qPrintable(pair.name), qPrintable(error)));
}

void Tandemd::start()
{
    QProcess &process = m_child.process();
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(stderrFile());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("QT_LOGGING_RULES"));
    m_child.start(
        QStringLiteral(TANDEMD_PATH),
        {QStringLiteral("--config"), configFile(), QStringLiteral("--state-dir"), stateDir()},
        environment);
    const TimePoint end = Clock::now() + std::chrono::seconds(15);
    while (Clock::now() < end) {
        checkInterrupted();
        if (!m_child.isRunning())
            throw BenchError(format("tandemd exited at start:\n%s",
                                    qPrintable(lines().join(QLatin1Char('\n')))));
        if (EngineSocket::isRunning(stateDir()))
            return;
        m_child.waitForExit(20);
    }
    throw BenchError("tandemd did not start within 15 s");
}

void Tandemd::stop()
{
    if (!m_child.isRunning())
        return;
    m_child.signal(SIGTERM);
    if (!m_child.waitForExit(5000)) {
        say("  (tandemd did not stop within 5 s of SIGTERM; killed)");
        m_child.kill();
    }
}

QJsonObject Tandemd::status(int timeoutMs)
{
    QString error;
    const auto answer = ControlClient::request(
        stateDir(), {{QStringLiteral("command"), QStringLiteral("status")}}, timeoutMs, &error);
    if (!answer)
        throw BenchError(format("tandemd did not answer status: %s", qPrintable(error)));
    return *answer;
}

QStringList Tandemd::lines()
{
    QFile file(stderrFile());
    if (file.open(QIODevice::ReadOnly) && file.seek(m_readOffset)) {
        const QByteArray more = file.readAll();
        m_readOffset += more.size();
        m_pending += more;
        qsizetype newline;
        while ((newline = m_pending.indexOf('\n')) >= 0) {
            m_lines << QString::fromUtf8(m_pending.left(newline));
            m_pending.remove(0, newline + 1);
        }
    }
    return m_lines;
}

int Tandemd::countLines(const QString &part)
{
    int count = 0;
    for (const QString &line : lines())
        count += line.contains(part) ? 1 : 0;
    return count;
}

bool Tandemd::waitForLines(const QString &part, int count, int timeoutMs)
{
    const TimePoint end = Clock::now() + std::chrono::milliseconds(timeoutMs);
    while (countLines(part) < count) {
        checkInterrupted();
        if (Clock::now() >= end || !m_child.isRunning())
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

std::vector<qint64> Tandemd::eventTimesMs(const QString &part)
{
    std::vector<qint64> times;
    for (const QString &line : lines()) {
        const QStringList fields = line.split(QLatin1Char('\t'));
        if (fields.size() != Event::LineColumns || !fields[4].contains(part))
            continue;
        const QDateTime time = QDateTime::fromString(fields[0] + QLatin1Char(' ') + fields[1],
                                                     QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        if (time.isValid())
            times.push_back(time.toMSecsSinceEpoch());
    }
    return times;
}

Socat::Socat(quint16 listenPort, quint16 targetPort)
{
    m_child.process().setProcessChannelMode(QProcess::ForwardedChannels);
    m_child.start(QStringLiteral("socat"),
                  {QStringLiteral("TCP-LISTEN:%1,bind=127.0.0.1,fork,reuseaddr").arg(listenPort),
                   QStringLiteral("TCP:127.0.0.1:%1").arg(targetPort)});
    if (!waitUntil([&] { return !m_child.isRunning() || canConnect(listenPort); }, 5000) ||
        !m_child.isRunning())
        throw BenchError(format("socat does not listen on %u", listenPort));
}

// ---------------------------------------------------------------------------------

const char *MbClient::statusName(Status status)
{
    switch (status) {
    case Status::Ok:
        return "ok";
    case Status::Exception:
        return "exception";
    case Status::Timeout:
        return "timeout";
    case Status::Closed:
        return "disconnect";
    case Status::ConnectFailed:
        return "connect failed";
    case Status::Protocol:
        return "protocol error";
    }
    return "?";
}

bool MbClient::connectTo(quint16 port, int timeoutMs)
{
    close();
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (m_fd < 0)
        return false;
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    const sockaddr_in address = loopback(port);
    if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        if (errno != EINPROGRESS) {
            close();
            return false;
        }
        pollfd p{m_fd, POLLOUT, 0};
        int error = 0;
        socklen_t length = sizeof error;
        if (::poll(&p, 1, timeoutMs) != 1 ||
            ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0 || error != 0) {
            close();
            return false;
        }
    }
    return true;
}

void MbClient::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

bool MbClient::receive(char *data, size_t size, TimePoint deadline, Status *status)
{
    size_t got = 0;
    while (got < size) {
        const ssize_t n = ::recv(m_fd, data + got, size - got, 0);
        if (n > 0) {
            got += size_t(n);
            continue;
        }
        if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
            *status = Status::Closed;
            return false;
        }
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            *status = Status::Timeout;
            return false;
        }
        pollfd p{m_fd, POLLIN, 0};
        ::poll(&p, 1, int(left));
    }
    return true;
}

MbClient::Status MbClient::readHolding(quint16 address, quint16 count, int timeoutMs,
                                       quint16 *values, quint8 *exception)
{
    if (m_fd < 0)
        return Status::Closed;
    const TimePoint deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    const quint16 tid = m_nextTransaction++;
    const unsigned char request[12] = {quint8(tid >> 8),
                                       quint8(tid),
                                       0,
                                       0,
                                       0,
                                       6,
                                       1,
                                       0x03,
                                       quint8(address >> 8),
                                       quint8(address),
                                       quint8(count >> 8),
                                       quint8(count)};
    if (::send(m_fd, request, sizeof request, MSG_NOSIGNAL) != ssize_t(sizeof request))
        return Status::Closed;
    unsigned char header[7];
    Status status = Status::Ok;
    if (!receive(reinterpret_cast<char *>(header), sizeof header, deadline, &status))
        return status;
    const int length = (header[4] << 8) | header[5];
    if (length < 2 || length > 254)
        return Status::Protocol;
    unsigned char pdu[254];
    if (!receive(reinterpret_cast<char *>(pdu), size_t(length - 1), deadline, &status))
        return status;
    if (((header[0] << 8) | header[1]) != tid)
        return Status::Protocol;
    if (pdu[0] == 0x83) {
        if (exception)
            *exception = pdu[1];
        return Status::Exception;
    }
    if (pdu[0] != 0x03 || pdu[1] != 2 * count || length - 3 != 2 * count)
        return Status::Protocol;
    for (int i = 0; i < count; ++i)
        values[i] = quint16((pdu[2 + 2 * i] << 8) | pdu[3 + 2 * i]);
    return Status::Ok;
}

// ---------------------------------------------------------------------------------

Poller::Poller(quint16 port, int periodMs, int timeoutMs)
    : m_port(port)
    , m_periodMs(periodMs)
    , m_timeoutMs(timeoutMs)
{
    m_samples.reserve(20000);
    m_thread = std::thread([this] { run(); });
}

Poller::~Poller()
{
    stop();
}

void Poller::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

void Poller::run()
{
    MbClient client;
    // Bounded even if nobody stops it: no case polls for more than two minutes.
    const TimePoint end = Clock::now() + std::chrono::minutes(2);
    while (!m_stop && Clock::now() < end) {
        MbClient::Status status = MbClient::Status::Ok;
        quint16 value = 0;
        quint8 exception = 0;
        if (!client.isConnected() && !client.connectTo(m_port, m_timeoutMs))
            status = MbClient::Status::ConnectFailed;
        else
            status = client.readHolding(1, 1, m_timeoutMs, &value, &exception); // 400002
        const TimePoint done = Clock::now();
        {
            const std::lock_guard lock(m_mutex);
            m_samples.push_back(
                {done, status, status == MbClient::Status::Ok ? int(value) : -1, int(exception)});
        }
        // After a timeout a late answer may still come: start over on a new connection.
        if (status != MbClient::Status::Ok && status != MbClient::Status::Exception)
            client.close();
        std::this_thread::sleep_until(done + std::chrono::milliseconds(m_periodMs));
    }
}

std::vector<Poller::Sample> Poller::samples() const
{
    const std::lock_guard lock(m_mutex);
    return m_samples;
}

double Poller::steadyMs(int value) const
{
    const std::lock_guard lock(m_mutex);
    if (m_samples.empty() || m_samples.back().value != value)
        return 0;
    TimePoint first = m_samples.back().time;
    for (auto it = m_samples.rbegin(); it != m_samples.rend() && it->value == value; ++it)
        first = it->time;
    return msBetween(first, Clock::now());
}

PollStats analyse(const std::vector<Poller::Sample> &samples, TimePoint cut)
{
    PollStats stats;
    std::map<std::string, int> kinds;
    bool haveOk = false;
    TimePoint lastOk;
    for (const Poller::Sample &s : samples) {
        const bool ok = s.status == MbClient::Status::Ok;
        if (s.time < cut) {
            if (ok) {
                haveOk = true;
                lastOk = s.time;
            } else {
                ++stats.errorsBefore;
            }
            continue;
        }
        if (!ok) {
            ++stats.errors;
            std::string kind = MbClient::statusName(s.status);
            if (s.status == MbClient::Status::Exception)
                kind += format(" 0x%02X", s.detail);
            ++kinds[kind];
            continue;
        }
        if (haveOk)
            stats.largestGapMs = std::max(stats.largestGapMs, msBetween(lastOk, s.time));
        haveOk = true;
        lastOk = s.time;
    }
    for (const auto &[kind, n] : kinds)
        stats.errorKinds << QStringLiteral("%1 x%2").arg(QString::fromStdString(kind)).arg(n);
    return stats;
}

// ---------------------------------------------------------------------------------

double cpuSeconds(pid_t pid)
{
    const std::vector<std::string> fields = statFields(pid);
    if (fields.size() < 13)
        return 0;
    // utime and stime are fields 14 and 15 of /proc/PID/stat, in clock ticks.
    const double ticks = std::stod(fields[11]) + std::stod(fields[12]);
    return ticks / double(::sysconf(_SC_CLK_TCK));
}

double cpuSecondsTree(pid_t pid)
{
    double total = cpuSeconds(pid);
    QDir proc(QStringLiteral("/proc"));
    for (const QString &entry : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool isPid = false;
        const int child = entry.toInt(&isPid);
        if (!isPid || child == pid)
            continue;
        const std::vector<std::string> fields = statFields(child);
        if (fields.size() > 1 && std::atoi(fields[1].c_str()) == pid) // field 4: ppid
            total += cpuSeconds(child);
    }
    return total;
}

double rssMb(pid_t pid)
{
    return statusKb(pid, "VmRSS") / 1024.0;
}

double peakRssMb(pid_t pid)
{
    return statusKb(pid, "VmHWM") / 1024.0;
}

double bytesRead(pid_t pid)
{
    FILE *file = std::fopen(format("/proc/%d/io", int(pid)).c_str(), "r");
    if (!file)
        return 0;
    char line[256];
    double bytes = 0;
    while (std::fgets(line, sizeof line, file))
        if (std::strncmp(line, "rchar:", 6) == 0)
            bytes = std::atof(line + 6);
    std::fclose(file);
    return bytes;
}

double percentile(std::vector<double> &values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

Spread spread(std::vector<double> values)
{
    if (values.empty())
        return {};
    Spread s;
    s.median = percentile(values, 0.5);
    s.min = values.front();
    s.max = values.back();
    return s;
}

void target(const std::string &name, bool met, const std::string &detail)
{
    targets().push_back({name, met, detail});
}

int printTargets()
{
    int missed = 0;
    say("\n== targets ==");
    for (const TargetLine &t : targets()) {
        say("%s  %-34s %s", t.met ? "PASS" : "MISS", t.name.c_str(), t.detail.c_str());
        missed += t.met ? 0 : 1;
    }
    say("%zu targets: %zu met, %d missed", targets().size(), targets().size() - size_t(missed),
        missed);
    return missed;
}

PairConfig benchPair(const QString &name, quint16 listenPort, const Sim &primary,
                     const Sim &secondary, ConnectionMode mode)
{
    PairConfig pair;
    pair.name = name;
    pair.endpoint = QStringLiteral("127.0.0.1:%1").arg(listenPort);
    pair.primary = primary.address();
    pair.secondary = secondary.address();
    pair.mode = mode;
    pair.statusIntervalMs = 200;
    pair.statusTimeoutMs = 100;
    return pair;
}

} // namespace tandem::bench
