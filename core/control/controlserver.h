#pragma once

#include <QJsonObject>
#include <QObject>

#include <functional>

class QLocalServer;
class QLocalSocket;

namespace tandem {

// The engine's control channel: a local socket in the state directory speaking one JSON
// object per line. tandemctl and the console ask it for live state and send commands.
class ControlServer final : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<QJsonObject(const QJsonObject &request)>;

    ControlServer(const QString &stateDir, Handler handler, QObject *parent = nullptr);
    ~ControlServer() override;

    // Fails when another live engine already serves this state directory.
    bool listen(QString *error);
    QString socketPath() const { return m_path; }

    static QString socketPathFor(const QString &stateDir);

private:
    void onConnection();
    void onReadyRead(QLocalSocket *socket);

    QString m_path;
    Handler m_handler;
    QLocalServer *m_server;
};

// One request/answer round trip to a running engine (blocking, bounded by timeoutMs).
class ControlClient final
{
public:
    static bool isEngineRunning(const QString &stateDir);
    static std::optional<QJsonObject> request(const QString &stateDir, const QJsonObject &request,
                                              int timeoutMs, QString *error);
    // Asks an engine serving stateDir, if one runs, to commit the events it has queued,
    // so that a reader of the store (an export, a backup) gets them too.
    static void flushEvents(const QString &stateDir);
};

} // namespace tandem
