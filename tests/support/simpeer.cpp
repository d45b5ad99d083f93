#include "simpeer.h"
#include "buildpaths.h"

namespace tandem::test {

SimPeer::SimPeer(QObject *parent)
    : PeerProcess(QStringLiteral("tandem-sim"), StartTimeoutMs, parent)
{}

bool SimPeer::start(quint16 offset, quint16 port, const QStringList &extra)
{
    m_offset = offset;
    return startProcess(test::tandemSimPath(),
                        QStringList{QStringLiteral("--listen"),
                                    QStringLiteral("127.0.0.1:%1").arg(port),
                                    QStringLiteral("--offset"), QString::number(offset),
                                    QStringLiteral("--quiet")} +
                            extra,
                        "listening on 127.0.0.1:");
}

} // namespace tandem::test
