#pragma once

#include "mbapcodec.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <vector>

class QTcpSocket;

namespace tandem {
class StreamConnection;
}

namespace tandem::modbus {

// One Modbus TCP connection to a server. It keeps its own transaction ids, so requests of
// many sources share it; an answer that arrives after its request gave up is dropped,
// never handed to the next request. ModbusLink keeps one for its own status queries and
// monitor polls (the control connection) and others for clients' requests (data).
//
// A failure is never reported inside the call that caused it: send() and close() report
// theirs on the next turn of the event loop, so a caller walking its own lists of requests
// never finds them changed under it.
class ModbusChannel final : public QObject
{
    Q_OBJECT

public:
    // Why a request got no answer; what the caller may do next depends on it.
    enum class Failure
    {
        None,    // answered
        NotSent, // never written: not connected, no connection could be made, or at the cap
        Lost,    // written, then the connection ended: the server may have acted on it
        // Written, but the server went on with later requests after answering an earlier
        // one with an exception: it discarded its input unread (libmodbus does so after
        // some exceptions), so the request never reached it.
        Dropped,
        TimedOut, // no answer within its time
    };
    // answer is null exactly when failure is not None.
    using ReplyHandler = std::function<void(const MbapFrame *answer, Failure failure)>;

    // Transaction ids are 16 bits; callers keep far fewer in flight (ModbusProxy's caps).
    static constexpr int MaxRequests = 4096;

    ModbusChannel(const QString &host, quint16 port, QObject *parent = nullptr);
    ~ModbusChannel() override;

    // Connects; ends in opened() or openFailed(). Does nothing while connecting or open.
    void open(int timeoutMs);
    // Drops the connection without emitting closed(). The requests it held fail on the
    // next turn of the event loop: Lost if they were written, NotSent if not.
    void close();
    bool isOpen() const { return m_stream != nullptr; }
    bool isConnecting() const { return m_connecting != nullptr; }
    // Whether send() connects by itself when the connection is down. After two
    // connections in a row failed, or ended before any answer, it waits holdOffMs before it
    // tries again (requests fail with NotSent meanwhile).
    void setConnectOnDemand(bool on, int holdOffMs);
    // At most this many requests are on the wire at once; the others wait here, in order.
    void setWindow(int requests) { m_window = std::max(1, requests); }
    // A harmless read, sent after an exception answer to learn which later requests the
    // server discarded; without one they run into their timeout.
    void setProbe(quint8 unit, const QByteArray &pdu, int timeoutMs);

    // Sends a request PDU. The handler runs exactly once, and never inside send(), unless
    // cancel() comes first or the channel is destroyed.
    quint64 send(quint8 unit, const QByteArray &pdu, int timeoutMs, ReplyHandler handler);
    void cancel(quint64 handle);
    int pendingCount() const { return int(m_requests.size()); }
    int writtenCount() const { return int(m_byTransaction.size()); }
    QString peer() const { return m_peer; }

    static QString failureText(Failure failure);

Q_SIGNALS:
    void opened();
    void openFailed(const QString &reason);
    // The connection ended without close(): the server closed it or sent a malformed frame.
    void closed(const QString &reason);

private:
    struct Request
    {
        quint64 handle = 0;
        quint16 transactionId = 0;
        quint64 sequence = 0; // place on the wire; 0 while not written
        qint64 deadline = 0;
        quint8 unit = 0;
        QByteArray pdu; // until written
        ReplyHandler handler;
        bool probe = false;
    };
    struct Deferred
    {
        ReplyHandler handler;
        Failure failure;
    };

    void onConnected();
    void onConnectError();
    void onReadyRead();
    void connectionLost(const QString &reason);
    void attemptFailed();
    void dropConnection();
    void failAllLater();
    void failLater(quint64 handle, ReplyHandler handler, Failure failure);
    void deliverFailures();
    void pump();
    QByteArray take(Request &request);
    void armTimeoutTimer();
    void expire();
    void noteAnswer(const Request &answered, const MbapFrame &frame);
    void sendProbe();

    QString m_host;
    quint16 m_port;
    QString m_peer;
    QTcpSocket *m_connecting = nullptr;
    StreamConnection *m_stream = nullptr;
    QTimer m_connectTimer;
    QTimer m_timeoutTimer;
    QByteArray m_buffer;
    bool m_connectOnDemand = false;
    int m_holdOffMs = 1000;
    int m_failuresInRow = 0;
    qint64 m_holdOffUntil = 0; // no connecting on demand before this (Clock::system())
    bool m_answered = false;   // the current connection has answered something
    int m_window = MaxRequests;
    quint16 m_nextTransaction = 1;
    quint64 m_nextHandle = 1;
    quint64 m_nextSequence = 1;
    QHash<quint64, Request> m_requests;      // by handle: written or waiting to be
    QHash<quint16, quint64> m_byTransaction; // written ones
    std::deque<quint64> m_queue;             // waiting to be written, in order
    QHash<quint64, Deferred> m_deferred;     // failures for the next turn
    std::vector<quint64> m_deferredOrder;
    bool m_deliveryScheduled = false;
    // After an exception answer: requests written after the one it answered, up to what
    // was written when it arrived, may have been discarded by the server.
    quint64 m_suspectFrom = 0;
    quint64 m_suspectTo = 0;
    quint8 m_probeUnit = 0;
    QByteArray m_probePdu;
    int m_probeTimeoutMs = 1000;
    quint64 m_probeHandle = 0;
};

} // namespace tandem::modbus
