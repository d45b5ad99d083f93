#include "listenerevents.h"

#include "base/streamconnection.h"
#include "clienteventlimiter.h"
#include "events/eventlog.h"
#include "pairruntime.h"

#include <QCoreApplication>

namespace tandem {

// The texts keep the listener's translation context, where they have always been.
void reportListenerEvents(StreamListener *listener, PairRuntime *runtime, EventLog *events)
{
    listener->setClientLimit([runtime] { return runtime->config().clientLimit; });
    listener->setOutputLimit(
        [runtime] { return qsizetype(runtime->config().outputPerClientBytes); });
    QObject::connect(
        listener, &StreamListener::clientStalled, runtime,
        [listener, runtime](const QString &peer, quint16 peerPort, int socket, qsizetype pending) {
            const QString pair = runtime->config().name;
            runtime->clientEvents()->post(
                EventId::ClientStalled,
                {pair, peer,
                 QCoreApplication::translate("tandem::StreamListener",
                                             "it left %1 bytes of answers unread for %2 s")
                     .arg(pending)
                     .arg(StreamListener::OutputStallMs / 1000)},
                socket, peerPort, listener->serverPort());
        });
    QObject::connect(
        listener, &StreamListener::clientClosedForLimit, runtime,
        [runtime](const QString &peer, quint16, int limit, bool evicted) {
            const QString pair = runtime->config().name;
            runtime->clientEvents()->post(
                EventId::ClientLimit,
                {pair, peer,
                 evicted
                     ? QCoreApplication::translate(
                           "tandem::StreamListener",
                           "it was the longest idle of %1 clients and a new one came")
                           .arg(limit)
                     : QCoreApplication::translate("tandem::StreamListener",
                                                   "%1 clients are connected, none of them idle")
                           .arg(limit)});
        });
    if (!events)
        return;
    QObject::connect(listener, &StreamListener::descriptorsExhausted, runtime,
                     [runtime, events](int connected, const QString &error) {
                         const QString pair = runtime->config().name;
                         events->post(EventId::DescriptorsExhausted, pair,
                                      {pair, QString::number(connected)}, {}, error);
                     });
}

} // namespace tandem
