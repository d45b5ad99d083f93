#pragma once

#include "config/endpoint.h"
#include "engine/pairproxy.h"
#include "engine/pairruntime.h"
#include "mbapcodec.h"

#include <QObject>
#include <QTimer>

#include <list>
#include <memory>
#include <optional>

namespace tandem {
class EventLog;
}

namespace tandem::modbus {

class ModbusLink;
class StreamListener;

// The pair's client-facing endpoint: accepts many Modbus TCP clients and forwards each
// request to the active server (reads to both in Hot mode), so that a fail-over is
// invisible to them (DESIGN "In-flight client requests at fail-over").
class ModbusProxy final : public PairProxy
{
    Q_OBJECT

public:
    // events: where client-triggered events go (may be null).
    ModbusProxy(PairRuntime *runtime, const Endpoint &endpoint, EventLog *events = nullptr,
                QObject *parent = nullptr);
    ~ModbusProxy() override;

    bool listen(QString *error) override;
    quint16 port() const override;
    int clientCount() const override;
    // How long a forwarded request may wait for its answer, fail-over included.
    int requestDeadlineMs() const { return m_deadlineMs; }

private:
    struct Client;
    struct Request;

    void onNewConnection(int fd);
    void onClientData(Client *client);
    void dropClient(Client *client);
    void handle(Client *client, MbapFrame frame);
    void dispatch(Request *request);
    void sendTo(Request *request, Side side);
    void onAnswer(Request *request, Side side, const MbapFrame *answer, const QString &error);
    void answer(Request *request, const MbapFrame &frame);
    void answerException(Request *request, ExceptionCode code);
    void finish(Request *request);
    void onActiveChanged(Side previous, Side current);
    void expireRequests();
    void checkOverdue();
    ModbusLink *linkOf(Side side) const;

    PairRuntime *m_runtime;
    EventLog *m_events;
    Endpoint m_endpoint;
    StreamListener *m_server;
    std::list<std::unique_ptr<Client>> m_clients;
    std::list<std::unique_ptr<Request>> m_requests;
    QTimer m_deadlineTimer;
    QTimer m_overdueTimer;
    int m_deadlineMs;
};

} // namespace tandem::modbus
