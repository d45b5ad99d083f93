#include "clienteventlimiter.h"

#include "events/clientprocess.h"
#include "events/eventlog.h"

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <fcntl.h>
#include <unistd.h>

namespace tandem {

struct ClientEventLimiter::Pending
{
    Pending(EventIdentifier id, const QStringList &args)
        : id(id)
        , args(args)
    {}

    EventIdentifier id;
    QStringList args;
    std::unique_ptr<ClockTimer> budget;
    int heldSocket = -1;

    ~Pending()
    {
        if (heldSocket >= 0)
            ::close(heldSocket);
    }
};

namespace {
// Its own pool, so lookups never wait behind (or hold up) other work of the process.
QThreadPool *lookupPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool; // lives as long as the process: a hung lookup never blocks exit
        p->setMaxThreadCount(ClientEventLimiter::MaxRunningLookups);
        return p;
    }();
    return pool;
}
} // namespace

ClientEventLimiter::ClientEventLimiter(EventLog *events, const QString &pair, const Clock *clock,
                                       ProcessLookup lookup, QObject *parent)
    : QObject(parent)
    , m_events(events)
    , m_pair(pair)
    , m_clock(clock)
    , m_lookup(lookup ? std::move(lookup) : ProcessLookup(&ClientProcess::describe))
{
    m_windowTimer = clock->createTimer([this] { endWindow(); });
}

ClientEventLimiter::~ClientEventLimiter() = default;

void ClientEventLimiter::post(EventIdentifier id, const QStringList &args, int socket,
                              quint16 clientPort, quint16 serverPort)
{
    if (!m_events)
        return;
    if (!m_windowTimer->isActive())
        m_windowTimer->start(WindowMs); // the first event opens a window
    if (m_posted >= EventsPerWindow) {
        ++m_suppressed;
        return;
    }
    ++m_posted;
    if (clientPort == 0 || m_running >= MaxRunningLookups) {
        m_events->post(id, m_pair, args);
        return;
    }
    const quint64 token = m_nextToken++;
    auto pending = std::make_unique<Pending>(id, args);
    if (socket >= 0)
        pending->heldSocket = ::fcntl(socket, F_DUPFD_CLOEXEC, 0); // -1 when out of descriptors
    pending->budget = m_clock->createTimer([this, token] { finish(token, QString()); });
    pending->budget->start(LookupBudgetMs);
    m_pending.emplace(token, std::move(pending));

    auto promise = std::make_shared<QPromise<QString>>();
    QFuture<QString> future = promise->future();
    ++m_running;
    // The continuation runs on this object's thread, and not at all once it is gone.
    future.then(this, [this, token](const QString &process) {
        --m_running;
        finish(token, process);
    });
    promise->start();
    lookupPool()->start([promise, lookup = m_lookup, clientPort, serverPort] {
        promise->addResult(lookup(clientPort, serverPort));
        promise->finish();
    });
}

void ClientEventLimiter::finish(quint64 token, const QString &process)
{
    const auto it = m_pending.find(token);
    if (it == m_pending.end())
        return; // posted already, without the name, when the budget ran out
    const std::unique_ptr<Pending> pending = std::move(it->second);
    m_pending.erase(it);
    m_events->post(pending->id, m_pair, pending->args, process);
}

void ClientEventLimiter::endWindow()
{
    if (m_suppressed > 0)
        m_events->post(EventId::ClientEventsSuppressed, m_pair,
                       {m_pair, QString::number(m_suppressed), QString::number(EventsPerWindow)});
    m_posted = 0;
    m_suppressed = 0;
}

} // namespace tandem
