#include "opcuaclientrun.h"

#include "opcuapeer.h"

#include <QJsonDocument>

namespace tandem::test {

QString ClientResult::error() const
{
    for (const QJsonObject &line : lines) {
        if (line.contains(QLatin1String("error")))
            return line.value(QLatin1String("error")).toString();
    }
    return QString();
}

QString ClientResult::dump() const
{
    QStringList text;
    for (const QJsonObject &line : lines)
        text << QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact));
    return QStringLiteral("exit %1\n%2\nlog:\n%3").arg(exitCode).arg(text.join(u'\n'), log);
}

QStringList clientWords(const QString &operations)
{
    return operations.split(u' ', Qt::SkipEmptyParts);
}

std::unique_ptr<QProcess> startClient(const QString &url, const QStringList &operation,
                                      const QStringList &options)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessChannelMode(QProcess::SeparateChannels);
    process->start(OpcUaPeer::nodeExecutable(),
                   QStringList{OpcUaPeer::scriptDir() + QStringLiteral("/client.js"),
                               QStringLiteral("--pki"), OpcUaPeer::pkiDir()}
                       << options << url << operation);
    return process;
}

ClientResult finishClient(QProcess &process)
{
    ClientResult result;
    if (!process.waitForFinished(ClientResult::TimeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    while (process.canReadLine())
        result.lines << QJsonDocument::fromJson(process.readLine()).object();
    result.log = QString::fromUtf8(process.readAllStandardError());
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

ClientResult runClient(const QString &url, const QStringList &operation, const QStringList &options)
{
    const auto process = startClient(url, operation, options);
    return finishClient(*process);
}

QStringList userOptions(const QString &user, const QString &password, bool plain)
{
    QStringList options{QStringLiteral("--user"), user + u':' + password};
    if (plain)
        options << QStringLiteral("--plain-password") << QStringLiteral("1");
    return options;
}

} // namespace tandem::test
