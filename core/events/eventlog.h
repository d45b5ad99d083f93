#pragma once

#include "event.h"
#include "eventids.h"

#include <QObject>
#include <QStringList>

namespace tandem {

// Where runtime facts are posted. Producers (pair runtimes, the engine) call post();
// observers (console view, log writer, mailer) connect to eventPosted.
class EventLog final : public QObject
{
    Q_OBJECT

public:
    explicit EventLog(QObject *parent = nullptr);

    // Fills the catalog text of `id` with args (%1, %2, ...) and posts it; reason is the
    // event's own field (Event::reason).
    void post(EventIdentifier id, const QString &pair, const QStringList &args,
              const QString &process = {}, const QString &reason = {});
    QString defaultProcess() const { return m_process; }

Q_SIGNALS:
    void eventPosted(const tandem::Event &event);

private:
    QString m_process;
};

} // namespace tandem
