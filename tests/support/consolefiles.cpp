#include "consolefiles.h"

#include <QDebug>
#include <QFile>

namespace tandem::test {

TandemPaths ConsoleFiles::paths() const
{
    return {filePath(QStringLiteral("tandem.xml")), filePath(QStringLiteral("state")),
            m_machineId ? filePath(QStringLiteral("machine-id")) : QString()};
}

bool ConsoleFiles::writeMachineId(const QByteArray &id)
{
    QFile file(filePath(QStringLiteral("machine-id")));
    m_machineId = file.open(QIODevice::WriteOnly) && file.write(id + '\n') == id.size() + 1;
    return m_machineId;
}

bool ConsoleFiles::open(const QList<PairConfig> &pairs)
{
    if (!m_dir.isValid()) {
        qWarning() << "no temporary folder for the console's files:" << m_dir.errorString();
        return false;
    }
    m_document = std::make_unique<ConfigDocument>(paths());
    ConfigIssues issues = m_document->load();
    for (const PairConfig &pair : pairs)
        issues += m_document->addPair(pair);
    if (issues.isEmpty() && !pairs.isEmpty())
        issues = m_document->save();
    if (!issues.isEmpty())
        qWarning().noquote() << "the console's files did not open:" << joinIssues(issues);
    return issues.isEmpty();
}

} // namespace tandem::test
