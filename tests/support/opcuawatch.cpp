#include "opcuawatch.h"

#include "opcuaclientrun.h"

#include <QCoreApplication>
#include <QDebug>
#include <QJsonDocument>

namespace tandem::test {

OpcUaWatch::OpcUaWatch() = default;

OpcUaWatch::~OpcUaWatch() = default; // ~ClientRun aborts a watch still going

bool OpcUaWatch::start(const QString &url, const QStringList &nodeIds, int intervalMs,
                       const QString &user, const QString &password)
{
    m_run.reset();
    QStringList options{QStringLiteral("--interval"), QString::number(intervalMs)};
    if (m_samplingMs >= 0)
        options << QStringLiteral("--sampling") << QString::number(m_samplingMs);
    if (!user.isEmpty())
        options << QStringLiteral("--user") << user + u':' + password;
    options << m_options;
    m_run = startClient(url, QStringList{QStringLiteral("watch")} << nodeIds, options);

    const auto answered = [this] {
        for (const QJsonObject &record : m_run->lines()) {
            if (record.contains(QLatin1String("subscribed")) ||
                record.contains(QLatin1String("error")))
                return true;
        }
        return m_run->finished();
    };
    const bool subscribed = m_run->waitFor(answered, StartTimeoutMs) && !m_run->finished() &&
                            !m_run->lines().isEmpty() &&
                            m_run->lines().constFirst().value(QLatin1String("subscribed")).toBool();
    if (subscribed)
        return true;
    QStringList lines;
    for (const QJsonObject &record : m_run->lines())
        lines << QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact));
    qWarning().noquote() << "OPC UA watch of" << nodeIds.join(u' ') << "on" << url
                         << "did not subscribe; it printed:\n"
                         << lines.join(u'\n') << "\nlog:\n"
                         << m_run->log();
    m_run->abort();
    m_run->waitFor([this] { return m_run->finished(); }, StopTimeoutMs);
    return false;
}

void OpcUaWatch::stop()
{
    if (!isRunning())
        return;
    m_run->quit();
    if (!m_run->waitFor([this] { return m_run->finished(); }, StopTimeoutMs))
        qWarning() << "OPC UA watch did not end on quit; left to itself";
}

bool OpcUaWatch::isRunning() const
{
    return m_run && !m_run->finished();
}

QString OpcUaWatch::errorOutput() const
{
    return m_run ? m_run->log() : QString();
}

QList<QJsonObject> OpcUaWatch::records() const
{
    return m_run ? m_run->lines() : QList<QJsonObject>();
}

QList<QJsonObject> OpcUaWatch::changes() const
{
    return recordsWith(QLatin1String("nodeId"));
}

QList<QJsonObject> OpcUaWatch::keepAlives() const
{
    return recordsWith(QLatin1String("keepalive"));
}

QList<QJsonObject> OpcUaWatch::events() const
{
    return recordsWith(QLatin1String("event"));
}

bool OpcUaWatch::hasEvent(const QString &name) const
{
    for (const QJsonObject &record : records()) {
        if (record.value(QLatin1String("event")).toString() == name)
            return true;
    }
    return false;
}

bool OpcUaWatch::waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    if (!m_run)
        return condition();
    return m_run->waitFor(condition, timeoutMs);
}

QList<QJsonObject> OpcUaWatch::recordsWith(QLatin1String key) const
{
    QList<QJsonObject> result;
    if (!m_run)
        return result;
    for (const QJsonObject &record : m_run->lines()) {
        if (record.contains(key))
            result << record;
    }
    return result;
}

} // namespace tandem::test
