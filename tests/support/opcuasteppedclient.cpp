#include "opcuasteppedclient.h"

namespace tandem::test {

OpcUaSteppedClient::OpcUaSteppedClient(const QString &url, const QString &operations,
                                       const QStringList &options)
    : m_run(startClient(url, clientWords(operations), options))
{}

OpcUaSteppedClient::~OpcUaSteppedClient() = default; // ~ClientRun aborts a run still going

bool OpcUaSteppedClient::waitFor(const std::function<bool(const QJsonObject &)> &matches,
                                 int timeoutMs)
{
    qsizetype checked = 0;
    bool found = false;
    m_run->waitFor(
        [&] {
            for (; checked < m_run->lines().size() && !found; ++checked)
                found = matches(m_run->lines().at(checked));
            return found || m_run->finished();
        },
        timeoutMs);
    return found;
}

bool OpcUaSteppedClient::waitForWaiting(int timeoutMs)
{
    qsizetype seen = 0;
    const bool found = waitFor(
        [&](const QJsonObject &line) {
            return line.value(QLatin1String("waiting")).toBool() && ++seen > m_waitingSeen;
        },
        timeoutMs);
    if (found)
        ++m_waitingSeen;
    return found;
}

void OpcUaSteppedClient::goOn()
{
    m_run->input(QStringLiteral("go"));
}

ClientResult OpcUaSteppedClient::finish()
{
    return finishClient(*m_run);
}

} // namespace tandem::test
