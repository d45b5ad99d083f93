#include "browsecontinuations.h"

#include <QtEndian>

#include <algorithm>

namespace tandem::opcua {

bool sameReference(const ReferenceDescription &a, const ReferenceDescription &b)
{
    return a.nodeId == b.nodeId && a.referenceTypeId == b.referenceTypeId &&
           a.isForward == b.isForward;
}

// BrowseResume.

BrowseResume::BrowseResume(quint64 position, std::optional<ReferenceDescription> last)
    : m_skip(position)
    , m_last(std::move(last))
    , m_aligned(position == 0)
{}

QList<ReferenceDescription> BrowseResume::feed(const QList<ReferenceDescription> &page)
{
    QList<ReferenceDescription> out;
    for (const ReferenceDescription &r : page) {
        ++m_read;
        m_lastRead = r;
        if (m_aligned) {
            out.append(r);
        } else if (m_searching) {
            if (sameReference(r, *m_last)) { // the new list had more before it
                m_held.clear();
                m_searching = false;
                m_aligned = true;
            } else if (m_held.append(r); m_held.size() >= LookAhead) {
                out += std::exchange(m_held, {});
                m_searching = false;
                m_aligned = true;
            }
        } else {
            m_skipped.append(r);
            if (m_read == m_skip)
                out += align();
        }
    }
    return out;
}

QList<ReferenceDescription> BrowseResume::end()
{
    if (m_searching) { // not found: by count
        m_searching = false;
        m_aligned = true;
        return std::exchange(m_held, {});
    }
    if (m_aligned)
        return {};
    const QList<ReferenceDescription> out = align();
    m_searching = false; // the list ended: nothing to look ahead in
    m_aligned = true;
    return out;
}

QList<ReferenceDescription> BrowseResume::align()
{
    m_aligned = true;
    QList<ReferenceDescription> skipped = std::exchange(m_skipped, {});
    if (!m_last || (skipped.size() == qsizetype(m_skip) && sameReference(skipped.last(), *m_last)))
        return {};
    // The lists differ: what follows the last reference read, if the new one has it.
    for (qsizetype i = skipped.size() - 1; i >= 0; --i)
        if (sameReference(skipped[i], *m_last))
            return skipped.mid(i + 1);
    // Perhaps further on (the new list has more before it): looked for in what comes next.
    m_aligned = false;
    m_searching = true;
    return {};
}

// BrowseContinuations.

BrowseContinuations::BrowseContinuations(int maxPerSession)
    : m_max(std::max(1, maxPerSession))
{}

BrowsePoint *BrowseContinuations::open(quint32 session, quint64 request,
                                       const ViewDescription &view,
                                       const BrowseDescription &description, quint32 maxReferences,
                                       BackendSession server, const QByteArray &serverPoint,
                                       const QList<ReferenceDescription> &page,
                                       QList<BrowsePoint> *freed)
{
    if (count(session) >= m_max) {
        // The oldest of an earlier request makes room (OPC 10000-4 §7.9).
        const auto oldest = std::find_if(m_points.begin(), m_points.end(), [&](const auto &p) {
            return p.session == session && p.request != request;
        });
        if (oldest == m_points.end())
            return nullptr;
        if (freed)
            freed->append(std::move(*oldest));
        m_points.erase(oldest);
    }
    BrowsePoint point;
    point.id.resize(8);
    qToBigEndian(m_nextId++, point.id.data());
    point.session = session;
    point.request = request;
    point.view = view;
    point.description = description;
    point.maxReferences = maxReferences;
    point.server = server;
    point.serverPoint = serverPoint;
    point.position = quint64(page.size());
    if (!page.isEmpty())
        point.lastRead = page.last();
    m_points.push_back(std::move(point));
    return &m_points.back();
}

BrowsePoint *BrowseContinuations::find(quint32 session, const QByteArray &id)
{
    const auto it = std::find_if(m_points.begin(), m_points.end(), [&](const BrowsePoint &p) {
        return p.session == session && p.id == id;
    });
    return it == m_points.end() ? nullptr : &*it;
}

std::optional<BrowsePoint> BrowseContinuations::take(quint32 session, const QByteArray &id)
{
    const auto it = std::find_if(m_points.begin(), m_points.end(), [&](const BrowsePoint &p) {
        return p.session == session && p.id == id;
    });
    if (it == m_points.end())
        return std::nullopt;
    BrowsePoint point = std::move(*it);
    m_points.erase(it);
    return point;
}

QList<BrowsePoint> BrowseContinuations::takeSession(quint32 session)
{
    QList<BrowsePoint> taken;
    for (auto it = m_points.begin(); it != m_points.end();) {
        if (it->session == session) {
            taken.append(std::move(*it));
            it = m_points.erase(it);
        } else {
            ++it;
        }
    }
    return taken;
}

int BrowseContinuations::count(quint32 session) const
{
    return int(std::count_if(m_points.begin(), m_points.end(),
                             [session](const BrowsePoint &p) { return p.session == session; }));
}

BrowseContinuations::Step BrowseContinuations::next(const BrowsePoint &point, BackendSession active)
{
    if (!point.pending.isEmpty() || point.exhausted())
        return Step::Pending;
    if (point.restart)
        return point.restart->server == active ? Step::Continue : Step::Restart;
    return point.server == active ? Step::Continue : Step::Restart;
}

QByteArray BrowseContinuations::serverPointFor(const BrowsePoint &point)
{
    return point.restart ? point.restart->serverPoint : point.serverPoint;
}

void BrowseContinuations::restartOn(BrowsePoint &point, BackendSession server)
{
    point.restart = BrowsePoint::Restart{server, {}, BrowseResume(point.position, point.lastRead)};
}

void BrowseContinuations::read(BrowsePoint &point, const QList<ReferenceDescription> &references,
                               const QByteArray &serverPoint)
{
    if (!point.restart) {
        point.pending += references;
        point.position += quint64(references.size());
        if (!references.isEmpty())
            point.lastRead = references.last();
        point.serverPoint = serverPoint;
        return;
    }
    BrowsePoint::Restart &restart = *point.restart;
    point.pending += restart.resume.feed(references);
    if (serverPoint.isEmpty())
        point.pending += restart.resume.end();
    restart.serverPoint = serverPoint;
    if (!restart.resume.aligned())
        return;
    // From here on the new server's list is the client's.
    point.server = restart.server;
    point.serverPoint = restart.serverPoint;
    point.position = restart.resume.position();
    point.lastRead = restart.resume.lastRead();
    point.restart.reset();
}

QList<ReferenceDescription> BrowseContinuations::takePage(BrowsePoint &point)
{
    const qsizetype n = point.maxReferences == 0
                            ? point.pending.size()
                            : std::min<qsizetype>(point.pending.size(), point.maxReferences);
    QList<ReferenceDescription> page = point.pending.first(n);
    point.pending.remove(0, n);
    return page;
}

} // namespace tandem::opcua
