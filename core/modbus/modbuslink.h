#pragma once

#include "config/itemaddress.h"
#include "engine/serverlink.h"
#include "mbapcodec.h"
#include "modbuschannel.h"

#include <QPointer>
#include <QTimer>

namespace tandem::modbus {

// One server of a pair, over Modbus TCP connections of two kinds:
// - the control connection carries Tandem's own status queries and monitor polls, never
//   a client's request, so they never wait behind a flood of them;
// - data connections carry clients' requests: one shared by all the pair's clients, each
//   with its own transaction ids, or one per client (createClientChannel()).
//
// opened() and closed() follow the control connection alone: the link is open once it is
// up, and closed() means it was lost. A client's request can make a server close or flush
// the connection it came on (a malformed frame, a request it refuses); if that decided
// the side's health, any client could force a fail-over. The control connection carries
// only well-formed reads, so losing it means the server is gone. A data connection that
// drops fails the requests on it (ModbusChannel::Failure says how far they got) and is
// made again by the next request; the proxy asks for the side's status before it retries.
// Both kinds set TCP keepalive and TCP_USER_TIMEOUT, so a half-open one is noticed.
class ModbusLink final : public ServerLink
{
    Q_OBJECT

public:
    using ReplyHandler = ModbusChannel::ReplyHandler;
    using Failure = ModbusChannel::Failure;
    // Requests on the wire at once per data connection; the rest wait in the link. A
    // server reads a connection's requests in order, and a deep queue there would delay
    // what it serves on its other connections, status queries included.
    static constexpr int DataWindow = 64;

    ModbusLink(const QString &host, quint16 port, const QString &statusItem,
               QObject *parent = nullptr);
    ~ModbusLink() override;

    void open(int timeoutMs) override;
    void close() override;
    bool isOpen() const override { return m_open; }
    void queryStatus(int timeoutMs) override;
    void setMonitorItems(const QList<MonitorItem> &items, int timeoutMs) override;
    QString machine() const override { return m_machine; }

    // Sends a client's request on the shared data connection. The handler runs exactly
    // once and never inside send(), whatever the failure, unless cancel() comes first.
    quint64 send(quint8 unit, const QByteArray &pdu, int timeoutMs, ReplyHandler handler);
    void cancel(quint64 handle);
    int pendingCount() const;
    ModbusChannel *dataChannel() const { return m_data; }
    // A data connection for one client alone. It connects on its first request while the
    // link is open and is closed with the link; the caller deletes it when the client goes.
    ModbusChannel *createClientChannel();

    // Reads `address` as `type` and turns the answer into a monitor sample.
    static QByteArray readRequest(const ItemAddress &address, DataType type);
    static MonitorSample decodeRead(const ItemAddress &address, DataType type,
                                    const MbapFrame &answer);

private:
    struct Poll
    {
        MonitorItem item;
        ItemAddress address;
        bool active = false; // polled; false once the server refused the item
        quint64 inFlight = 0;
        bool added = false;
    };

    ModbusChannel *makeChannel(int window);
    void sendStatus(quint64 generation, qint64 deadline, int timeoutMs);
    void closeChannels();
    void pollItem(int index);
    void stopPolls();

    QString m_host;
    quint16 m_port;
    QString m_machine;
    ItemAddress m_statusAddress;
    ModbusChannel *m_control;
    ModbusChannel *m_data;
    QList<QPointer<ModbusChannel>> m_clientChannels;
    bool m_open = false;
    int m_timeoutMs = 1000;
    quint64 m_generation = 0; // answers to queries from before the last close() are ignored
    QList<Poll> m_polls;
    QList<QTimer *> m_rateTimers;
    int m_pollTimeoutMs = 1000;
    quint64 m_pollGeneration = 0; // answers of polls from before the last change are ignored
};

} // namespace tandem::modbus
