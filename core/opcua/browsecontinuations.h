#pragma once

// The continuation points a pair's OPC UA proxy gives its clients for browses that do not
// fit one answer (OPC 10000-4 §5.8.2, §5.8.3, §7.9). A server's own continuation point is
// only good on the engine's session that got it: the two servers hand out the same bytes
// for different browses (node-opcua counts "1", "2", ... on each), so one must never reach
// the other. The client gets the proxy's point instead, and for each the proxy remembers
// the browse, which server session holds the real point, and how far that server's list was
// read. When another server (or a new session) serves the next BrowseNext, the proxy browses
// the node again there and skips what was read already: by count, checked against the last
// reference read (BrowseResume), so the client gets one list without a gap or a repeat as
// long as the two servers list the node's references alike.
// The points of a session are limited (MaxPerSession): a new browse frees the session's
// oldest point of an earlier request (§7.9), and once one request has used them all its
// further operations get BadNoContinuationPoints.

#include "engine/side.h"
#include "services.h"

#include <list>
#include <optional>

namespace tandem::opcua {

// One of the engine's sessions with a server: the side, and which of its sessions there
// (the forwarder counts them), since a reconnect is a new session without the old points.
struct BackendSession
{
    Side side = Side::None;
    quint64 generation = 0;
    friend bool operator==(const BackendSession &, const BackendSession &) = default;
};

// The same reference as the client saw it: target, type and direction.
bool sameReference(const ReferenceDescription &a, const ReferenceDescription &b);

// A browse repeated on another server after `position` references of the first one's list
// were read, the last of them `last`: feed() it the new list page by page and it returns
// the references that come after what was read. It skips `position` references; when the
// last of those is not `last` (the lists differ) it looks for `last` among them, then among
// the next LookAhead references, and goes on right after it; where `last` is in neither it
// goes on after `position`.
class BrowseResume
{
public:
    static constexpr qsizetype LookAhead = 16;

    BrowseResume(quint64 position, std::optional<ReferenceDescription> last);

    // The references of the next page of the new list that the client has not had.
    QList<ReferenceDescription> feed(const QList<ReferenceDescription> &page);
    // The new list ended: what is still owed (the new list is shorter than `position`, and
    // `last` was among its references).
    QList<ReferenceDescription> end();
    // Past the skipped part: from here on every reference is new.
    bool aligned() const { return m_aligned; }
    // References of the new list read so far, the last of them.
    quint64 position() const { return m_read; }
    const std::optional<ReferenceDescription> &lastRead() const { return m_lastRead; }

private:
    QList<ReferenceDescription> align();

    quint64 m_skip;
    std::optional<ReferenceDescription> m_last;
    quint64 m_read = 0;
    std::optional<ReferenceDescription> m_lastRead;
    QList<ReferenceDescription> m_skipped; // until aligned
    QList<ReferenceDescription> m_held;    // after the skipped ones, while `last` is looked for
    bool m_searching = false;
    bool m_aligned = false;
};

struct BrowsePoint
{
    QByteArray id; // the client's continuation point
    quint32 session = 0;
    quint64 request = 0; // the client request that opened it
    ViewDescription view;
    BrowseDescription description;
    quint32 maxReferences = 0; // the Browse's requestedMaxReferencesPerNode; 0: none
    // The server session whose list the client is given, its continuation point (empty:
    // the list was read to its end), how many references of it were read, the last one.
    BackendSession server;
    QByteArray serverPoint;
    quint64 position = 0;
    std::optional<ReferenceDescription> lastRead;
    // The browse repeated on another server session, until it has skipped what was read.
    struct Restart
    {
        BackendSession server;
        QByteArray serverPoint;
        BrowseResume resume;
    };
    std::optional<Restart> restart;
    // Read, not yet given to the client.
    QList<ReferenceDescription> pending;

    // Nothing more to read from any server.
    bool exhausted() const { return !restart && serverPoint.isEmpty(); }
};

class BrowseContinuations final
{
public:
    static constexpr int MaxPerSession = 10;

    explicit BrowseContinuations(int maxPerSession = MaxPerSession);

    // A first page with a server's continuation point: a point for the client (its
    // references `page`, its `serverPoint`), or null when the request `request` has used
    // all the session's points. Points of earlier requests it frees go to *freed.
    BrowsePoint *open(quint32 session, quint64 request, const ViewDescription &view,
                      const BrowseDescription &description, quint32 maxReferences,
                      BackendSession server, const QByteArray &serverPoint,
                      const QList<ReferenceDescription> &page, QList<BrowsePoint> *freed);
    BrowsePoint *find(quint32 session, const QByteArray &id);
    std::optional<BrowsePoint> take(quint32 session, const QByteArray &id);
    QList<BrowsePoint> takeSession(quint32 session);
    int count(quint32 session) const;

    // What the next BrowseNext of a point needs from the server session `active`.
    enum class Step
    {
        Pending,  // nothing: the client's page is in pending (or the list is done)
        Continue, // BrowseNext with serverPoint on active
        Restart,  // Browse again on active (after restartOn)
    };
    static Step next(const BrowsePoint &point, BackendSession active);
    // The continuation point a Continue step sends.
    static QByteArray serverPointFor(const BrowsePoint &point);
    // Begins browsing again on `server`, from what was read.
    static void restartOn(BrowsePoint &point, BackendSession server);
    // A server's answer to the last step: its references and continuation point.
    static void read(BrowsePoint &point, const QList<ReferenceDescription> &references,
                     const QByteArray &serverPoint);
    // The client's next page: at most maxReferences of pending.
    static QList<ReferenceDescription> takePage(BrowsePoint &point);

private:
    int m_max;
    std::list<BrowsePoint> m_points; // oldest first
    quint64 m_nextId = 1;
};

} // namespace tandem::opcua
