#include "eventlog.h"

#include "base/logging.h"

#include <QCoreApplication>

namespace tandem {

QString Event::toLine() const
{
    // One event, one line of LineColumns columns: tabs and line breaks inside a field (a
    // server's multi-line answer, a client's process name) would break them.
    const auto flat = [](QString field) {
        for (const QChar c : {QLatin1Char('\t'), QLatin1Char('\n'), QLatin1Char('\r')})
            field.replace(c, QLatin1Char(' '));
        return field;
    };
    return QStringList{time.toString(QStringLiteral("yyyy-MM-dd")),
                       time.toString(QStringLiteral("HH:mm:ss.zzz")),
                       flat(process),
                       severitySourceName(severity),
                       flat(text),
                       flat(reason)}
        .join(QLatin1Char('\t'));
}

EventLog::EventLog(QObject *parent)
    : QObject(parent)
    , m_process(QStringLiteral("%1 (%2)")
                    .arg(QCoreApplication::applicationName())
                    .arg(QCoreApplication::applicationPid()))
{}

void EventLog::post(EventIdentifier id, const QString &pair, const QStringList &args,
                    const QString &process, const QString &reason)
{
    const EventDefinition &definition = EventCatalog::definition(id);
    Event event;
    event.time = QDateTime::currentDateTime();
    event.id = id.toString();
    event.severity = definition.severity;
    event.process = process.isEmpty() ? m_process : process;
    event.pair = pair;
    // Not text.arg(a).arg(b): that would fill a "%1" inside a pair's name with the next one.
    event.text = EventCatalog::fill(EventCatalog::sourceText(definition), args);
    event.reason = reason;
    Q_EMIT eventPosted(event);
}

} // namespace tandem
