#include "opcuasteppedclient.h"

#include <QDeadlineTimer>
#include <QJsonDocument>

namespace tandem::test {

OpcUaSteppedClient::OpcUaSteppedClient(const QString &url, const QString &operations,
                                       const QStringList &options)
    : m_process(startClient(url, clientWords(operations), options))
{
    m_process->waitForStarted();
}

OpcUaSteppedClient::~OpcUaSteppedClient()
{
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished();
    }
}

void OpcUaSteppedClient::takeIn()
{
    m_partial += m_process->readAllStandardOutput();
    m_log += m_process->readAllStandardError();
    qsizetype newline;
    while ((newline = m_partial.indexOf('\n')) >= 0) {
        m_lines << QJsonDocument::fromJson(m_partial.left(newline)).object();
        m_partial.remove(0, newline + 1);
    }
}

bool OpcUaSteppedClient::waitFor(const std::function<bool(const QJsonObject &)> &matches,
                                 int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    qsizetype checked = 0;
    for (;;) {
        takeIn();
        for (; checked < m_lines.size(); ++checked)
            if (matches(m_lines[checked]))
                return true;
        if (m_process->state() == QProcess::NotRunning || deadline.hasExpired())
            return false;
        m_process->waitForReadyRead(int(std::min<qint64>(deadline.remainingTime(), 200)));
    }
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
    m_process->write("go\n");
    m_process->waitForBytesWritten(1000);
}

ClientResult OpcUaSteppedClient::finish()
{
    ClientResult result;
    if (!m_process->waitForFinished(ClientResult::TimeoutMs)) {
        m_process->kill();
        m_process->waitForFinished();
    }
    takeIn();
    if (!m_partial.isEmpty())
        m_lines << QJsonDocument::fromJson(m_partial).object();
    result.lines = m_lines;
    result.log = QString::fromUtf8(m_log + m_process->readAllStandardError());
    result.exitCode = m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
    return result;
}

} // namespace tandem::test
