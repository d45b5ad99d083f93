#include "eventhistory.h"

#include "events/event.h"
#include "events/eventstore.h"

#include <QDateTime>
#include <QDir>

namespace tandem::test {

bool fillEventHistory(const QString &stateDir, int events, QString *error)
{
    QDir().mkpath(stateDir);
    EventStore store(stateDir);
    QString notice;
    if (!store.open(&notice, error))
        return false;
    store.setCap(events);
    for (int i = 0; i < events; ++i) {
        Event e;
        e.time = QDateTime::currentDateTime();
        e.id = QStringLiteral("connected.primary");
        e.process = QStringLiteral("tandemd (4711)");
        e.pair = QStringLiteral("line%1").arg(i % 50 + 1);
        e.text = QStringLiteral("Connected to '%1' on primary machine '10.0.0.1:502'.").arg(e.pair);
        store.append(e);
    }
    return store.flush(error);
}

} // namespace tandem::test
