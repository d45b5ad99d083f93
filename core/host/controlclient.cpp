#include "controlclient.h"

#include "base/enginesocket.h"
#include "controlprotocol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>

namespace tandem {

namespace {
// The context these texts had when they were ControlServer's: their translations stay.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ControlServer)
};

// Sends `request`; the engine's "ok" decides, its "error" says why not. `read` takes what
// the command returns out of the answer (and may find it unreadable: then *error is set).
template <typename T, typename Read>
ControlReply<T> call(const QString &stateDir, const QJsonObject &request, int timeoutMs, Read read)
{
    ControlReply<T> reply;
    const std::optional<QJsonObject> answer =
        ControlClient::request(stateDir, request, timeoutMs, &reply.error);
    if (!answer)
        return reply;
    reply.reached = true;
    if (!answer->value(QLatin1String("ok")).toBool()) {
        reply.error = answer->value(QLatin1String("error")).toString();
        return reply;
    }
    reply.value = read(*answer, &reply.error);
    return reply;
}

ControlReply<> done(const QString &stateDir, const QJsonObject &request, int timeoutMs)
{
    return call<std::monostate>(stateDir, request, timeoutMs,
                                [](const QJsonObject &, QString *) { return std::monostate(); });
}

QJsonObject command(QLatin1String name)
{
    return {{QStringLiteral("command"), name}};
}
} // namespace

ControlReply<EngineReport> ControlClient::status(const QString &stateDir, int timeoutMs)
{
    return call<EngineReport>(
        stateDir, command(ControlCommand::Status), timeoutMs,
        [](const QJsonObject &answer, QString *error) -> std::optional<EngineReport> {
            const std::optional<EngineStatus> engine = EngineStatus::fromJson(answer, error);
            if (!engine)
                return std::nullopt;
            return EngineReport{*engine, answer.value(QLatin1String("notifications")).toObject(),
                                answer.value(QLatin1String("backup")).toObject(),
                                answer.value(QLatin1String("license")).toObject(), answer};
        });
}

ControlReply<QStringList> ControlClient::reload(const QString &stateDir, int timeoutMs)
{
    return call<QStringList>(stateDir, command(ControlCommand::Reload), timeoutMs,
                             [](const QJsonObject &answer, QString *) {
                                 QStringList problems;
                                 for (const QJsonValue &problem :
                                      answer.value(QLatin1String("problems")).toArray())
                                     problems << problem.toString();
                                 return problems;
                             });
}

ControlReply<> ControlClient::resetEvents(const QString &stateDir, int timeoutMs)
{
    return done(stateDir, command(ControlCommand::ResetEvents), timeoutMs);
}

ControlReply<> ControlClient::addOpcUaUser(const QString &stateDir, const QJsonObject &user,
                                           int timeoutMs)
{
    QJsonObject request = command(ControlCommand::OpcUaUserAdd);
    request.insert(QStringLiteral("user"), user);
    return done(stateDir, request, timeoutMs);
}

ControlReply<> ControlClient::removeOpcUaUser(const QString &stateDir, const QString &name,
                                              int timeoutMs)
{
    QJsonObject request = command(ControlCommand::OpcUaUserRemove);
    request.insert(QStringLiteral("name"), name);
    return done(stateDir, request, timeoutMs);
}

ControlReply<> ControlClient::refreshLicense(const QString &stateDir, int timeoutMs)
{
    return done(stateDir, command(ControlCommand::LicenseRefresh), timeoutMs);
}

ControlReply<int> ControlClient::retryMail(const QString &stateDir, int timeoutMs)
{
    return call<int>(stateDir, command(ControlCommand::NotifyRetry), timeoutMs,
                     [](const QJsonObject &answer, QString *) {
                         return answer.value(QLatin1String("outbox")).toInt();
                     });
}

ControlReply<> ControlClient::switchTo(const QString &stateDir, const QString &pair, Side side,
                                       int timeoutMs)
{
    QJsonObject request = command(ControlCommand::Switch);
    request.insert(QStringLiteral("pair"), pair);
    request.insert(QStringLiteral("side"), sideKey(side));
    return done(stateDir, request, timeoutMs);
}

ControlReply<> ControlClient::returnToAutomatic(const QString &stateDir, const QString &pair,
                                                int timeoutMs)
{
    QJsonObject request = command(ControlCommand::Switch);
    request.insert(QStringLiteral("pair"), pair);
    request.insert(QStringLiteral("side"), QStringLiteral("auto"));
    return done(stateDir, request, timeoutMs);
}

void ControlClient::flushEvents(const QString &stateDir)
{
    if (EngineSocket::isRunning(stateDir))
        request(stateDir, command(ControlCommand::FlushEvents), DefaultTimeoutMs, nullptr);
}

std::optional<QJsonObject> ControlClient::request(const QString &stateDir,
                                                  const QJsonObject &request, int timeoutMs,
                                                  QString *errorOut)
{
    QString ignored;
    QString *error = errorOut ? errorOut : &ignored; // callers may not care why
    QLocalSocket socket;
    const QString path = EngineSocket::pathFor(stateDir);
    socket.connectToServer(path);
    if (!socket.waitForConnected(timeoutMs)) {
        *error = Tr::tr("no Tandem engine is running with the state directory %1 (%2)")
                     .arg(stateDir, socket.errorString());
        return std::nullopt;
    }
    socket.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    QByteArray line;
    while (!line.endsWith('\n')) {
        if (!socket.waitForReadyRead(timeoutMs)) {
            *error = Tr::tr("the engine did not answer within %1 ms").arg(timeoutMs);
            return std::nullopt;
        }
        line += socket.readAll();
    }
    const QJsonDocument doc = QJsonDocument::fromJson(line);
    if (!doc.isObject()) {
        *error = Tr::tr("the engine sent an answer that is not JSON");
        return std::nullopt;
    }
    return doc.object();
}

} // namespace tandem
