#pragma once

#include "event.h"
#include "eventstore.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace tandem {

// Follows the event history of a state directory for a viewer (the console): the whole
// history once, then what is committed since, in batches. Works the same whether the
// engine runs in this process or in tandemd, because both write the same store.
class EventFeed final : public QObject
{
    Q_OBJECT

public:
    explicit EventFeed(const QString &stateDir, QObject *parent = nullptr);

    // Opens the history and starts following it, its whole content first (delivered from
    // the event loop, so viewers may connect after this); *error says why not.
    bool start(QString *error);
    void poll();
    // The store file was replaced (a restore): reads it anew from the start. Viewers get
    // cleared() and then the whole new history.
    bool restart(QString *error);

Q_SIGNALS:
    void eventsArrived(const QList<tandem::Event> &events);
    void cleared(); // the history was reset (here or elsewhere)

private:
    QString m_stateDir;
    std::unique_ptr<EventStore> m_store;
    QTimer m_timer;
    qint64 m_lastId = 0;
    qint64 m_generation = -1;
};

} // namespace tandem
