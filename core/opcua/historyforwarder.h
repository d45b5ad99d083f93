#pragma once

// HistoryRead and HistoryUpdate of a pair's OPC UA proxy (OPC 10000-4, 5.10.3 and 5.10.5).
// Both go to the active server only, never to the standby (in Hot neither: a history read
// is no value a switch needs at once, and an update changes an archive).
// A read's continuation points are the proxy's own (HistoryContinuations): each remembers
// the server that issued the real one. Continued on that server while it stays the active
// one; after a switch (or when the server says BadContinuationPointInvalid, as after a new
// session) the read starts again on the new active server from what the client got last,
// and the client sees one continuous answer: from there on the new server's archive. A read
// in flight at a switch is sent to the new server the same way.
// An update in flight at a switch fails with BadCommunicationError, unless the pair replays
// writes (PairConfig::writeReplay): an update, like a write, changes the server.

#include "engine/side.h"
#include "historycontinuations.h"

#include <QObject>

#include <map>
#include <memory>

namespace tandem::opcua {

class Client;
class ProxyContext;

class HistoryForwarder final : public QObject
{
    Q_OBJECT

public:
    explicit HistoryForwarder(
        ProxyContext &context,
        int maxContinuationPoints = HistoryContinuations::DefaultMaxPerSession);
    ~HistoryForwarder() override;

    // Each answers the client on `connection` once, whatever happens to the servers.
    // session: the client's session (ProxySession::id), which owns the continuation points.
    void read(int connection, quint32 requestId, quint32 session, HistoryReadRequest request);
    void update(int connection, quint32 requestId, HistoryUpdateRequest request);

    // The client's session ended: its continuation points are released, on the servers too.
    void sessionEnded(quint32 session);
    // Answers BadTimeout to the requests past their deadline (and suspects their server).
    void expire(qint64 nowMs);
    // The engine's session with that server is now `current`.
    void sessionChanged(Side side, Client *current);
    // The active server changed: what waited for one or went to the old one moves on.
    void activeChanged(Side previous, Side current);

    const HistoryContinuations &continuations() const { return m_points; }

private:
    struct Pending;
    struct Read;
    struct Operation;
    struct Update;

    void dispatch(Pending *pending);
    // Sends the operations to the read's server; never answers the client itself.
    void sendRead(Read *read, const QList<Operation *> &operations);
    // Takes the server's result for one operation; false: restart it (the server no longer
    // knows its continuation point).
    bool answer(Read *read, Operation *operation, HistoryReadResult result);
    void finishRead(Read *read);
    void sendUpdate(Update *update);
    // Releases the real point on the server that issued it, if that session still runs.
    void releaseOnServer(const HistoryContinuation &continuation);
    void fail(Pending *pending, quint32 status);
    void finish(Pending *pending);

    ProxyContext &m_context;
    HistoryContinuations m_points;
    std::map<quint64, std::unique_ptr<Pending>> m_pending;
    quint64 m_next = 1;
};

} // namespace tandem::opcua
