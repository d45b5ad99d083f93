// tandem-bench's own tools: interruption, waits, a blocking Modbus TCP client and the
// poller built on it, /proc figures and the targets' PASS/MISS list.
#include "bench.h"

#include <QCoreApplication>
#include <QDir>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
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
        QCoreApplication::processEvents();
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
        QCoreApplication::processEvents();
        if (Clock::now() >= end)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

bool canConnect(quint16 port)
{
    MbClient client;
    return client.connectTo(port, 500);
}

// ---------------------------------------------------------------------------------

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

PairConfig benchPair(const QString &name, quint16 listenPort, const test::PeerProcess &primary,
                     const test::PeerProcess &secondary, ConnectionMode mode)
{
    return test::testPair(Protocol::ModbusTcp, QStringLiteral("127.0.0.1:%1").arg(listenPort),
                          primary.address(), secondary.address(), mode, 200, 100, name);
}

} // namespace tandem::bench
