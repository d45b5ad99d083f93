#include "eventfeed.h"

namespace tandem {

EventFeed::EventFeed(const QString &stateDir, QObject *parent)
    : QObject(parent)
    , m_stateDir(stateDir)
    , m_store(std::make_unique<EventStore>(stateDir))
{
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &EventFeed::poll);
}

bool EventFeed::start(QString *error)
{
    QString notice;
    if (!m_store->open(&notice, error))
        return false;
    // The history so far from the event loop: a viewer connected right after start()
    // (the console's window, made once the engine runs) gets all of it.
    QTimer::singleShot(0, this, &EventFeed::poll);
    m_timer.start();
    return true;
}

bool EventFeed::restart(QString *error)
{
    m_timer.stop();
    m_store = std::make_unique<EventStore>(m_stateDir);
    m_lastId = 0;
    m_generation = -1;
    Q_EMIT cleared();
    return start(error);
}

void EventFeed::poll()
{
    const qint64 generation = m_store->resetGeneration();
    if (generation != m_generation) {
        if (m_generation >= 0)
            Q_EMIT cleared();
        m_generation = generation;
    }
    QList<qint64> ids;
    const QList<Event> events = m_store->read(m_lastId, -1, &ids);
    if (events.isEmpty())
        return;
    m_lastId = ids.constLast();
    Q_EMIT eventsArrived(events);
}

} // namespace tandem
