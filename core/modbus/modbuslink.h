#pragma once

#include "engine/serverlink.h"
#include "itemaddress.h"
#include "mbapcodec.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTcpSocket>
#include <QTimer>

#include <functional>

namespace tandem::modbus {

// A Modbus TCP connection to one backend server. It keeps its own transaction ids, so
// requests of many clients share one connection; an answer that arrives after its
// request gave up is dropped, never handed to the next request.
class StreamConnection;

class ModbusLink final : public ServerLink
{
    Q_OBJECT

public:
    // answer is null when the request failed; error then says why.
    using ReplyHandler = std::function<void(const MbapFrame *answer, const QString &error)>;

    ModbusLink(const QString &host, quint16 port, const QString &statusItem,
               QObject *parent = nullptr);
    ~ModbusLink() override;

    void open(int timeoutMs) override;
    void close() override;
    bool isOpen() const override { return m_open; }
    void queryStatus(int timeoutMs) override;
    void setMonitorItems(const QList<MonitorItem> &items, int timeoutMs) override;
    QString machine() const override { return m_machine; }

    // Sends a request PDU; the handler runs exactly once unless cancel() comes first.
    quint64 send(quint8 unit, const QByteArray &pdu, int timeoutMs, ReplyHandler handler);
    void cancel(quint64 handle);
    int pendingCount() const { return int(m_pending.size()); }

    // Reads `address` as `type` and turns the answer into a monitor sample.
    static QByteArray readRequest(const ItemAddress &address, DataType type);
    static MonitorSample decodeRead(const ItemAddress &address, DataType type,
                                    const MbapFrame &answer);

private:
    struct Pending
    {
        quint64 handle;
        qint64 deadline;
        ReplyHandler handler;
    };
    struct Poll
    {
        MonitorItem item;
        ItemAddress address;
        bool active = false; // polled; false once the server refused the item
        quint64 inFlight = 0;
        bool added = false;
    };

    void onReadyRead();
    void onConnected();
    void onConnectError();
    void failAll(const QString &error);
    void armTimeoutTimer();
    void expire();
    void pollItem(int index);
    void stopPolls();

    QString m_host;
    quint16 m_port;
    QString m_machine;
    ItemAddress m_statusAddress;
    QTcpSocket *m_connecting = nullptr;   // name lookup and connect
    StreamConnection *m_stream = nullptr; // the established connection
    QTimer m_connectTimer;
    QTimer m_timeoutTimer;
    QElapsedTimer m_clock;
    QByteArray m_buffer;
    bool m_open = false;
    bool m_closing = false;
    quint16 m_nextTransaction = 1;
    quint64 m_nextHandle = 1;
    QHash<quint16, Pending> m_pending;
    QHash<quint64, quint16> m_handles;
    QList<Poll> m_polls;
    QList<QTimer *> m_rateTimers;
    int m_pollTimeoutMs = 1000;
    quint64 m_pollGeneration = 0; // answers of polls from before the last change are ignored
};

} // namespace tandem::modbus
