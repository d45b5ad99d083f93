#pragma once

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QTcpSocket>

namespace tandem::test {

// A plain blocking Modbus TCP client for tests and benchmarks: one request at a time,
// each waited for. Framing goes through tandem::modbus::MbapCodec; everything else is
// checked here so a test sees exactly what came back on the wire.
class ModbusTestClient final
{
public:
    static constexpr int DefaultTimeoutMs = 2000;

    struct Reply
    {
        bool ok = false;               // a well-formed, non-exception answer to this request
        bool timedOut = false;         // nothing (matching) arrived in time
        bool disconnected = false;     // the connection closed or was never up
        bool wrongTransaction = false; // an answer carried an unexpected transaction id
        quint8 exceptionCode = 0;      // when the answer is a Modbus exception
        quint8 unitId = 0;
        quint16 transactionId = 0;
        QList<quint16> registers; // FC 3 and 4
        QList<bool> bits;         // FC 1 and 2, exactly the requested count
        QByteArray pdu;           // the answer as received
        QString error;            // why ok is false, for QVERIFY2
    };

    ModbusTestClient();
    ~ModbusTestClient();
    ModbusTestClient(const ModbusTestClient &) = delete;
    ModbusTestClient &operator=(const ModbusTestClient &) = delete;

    bool connectTo(const QString &host, quint16 port, int timeoutMs = 3000);
    bool isConnected() const;
    void disconnectFromHost();
    QString errorString() const { return m_socket.errorString(); }

    Reply readCoils(quint8 unit, quint16 address0, quint16 count, int timeoutMs = DefaultTimeoutMs);
    Reply readDiscreteInputs(quint8 unit, quint16 address0, quint16 count,
                             int timeoutMs = DefaultTimeoutMs);
    Reply readHoldingRegisters(quint8 unit, quint16 address0, quint16 count,
                               int timeoutMs = DefaultTimeoutMs);
    Reply readInputRegisters(quint8 unit, quint16 address0, quint16 count,
                             int timeoutMs = DefaultTimeoutMs);
    Reply writeSingleCoil(quint8 unit, quint16 address0, bool value,
                          int timeoutMs = DefaultTimeoutMs);
    Reply writeSingleRegister(quint8 unit, quint16 address0, quint16 value,
                              int timeoutMs = DefaultTimeoutMs);
    Reply writeMultipleRegisters(quint8 unit, quint16 address0, const QList<quint16> &values,
                                 int timeoutMs = DefaultTimeoutMs);

    // Sends one PDU under the next transaction id and waits for its answer. An answer
    // to an earlier request that timed out is dropped (counted in lateReplies()); any
    // other transaction id ends the wait with wrongTransaction (and this request counts
    // as abandoned).
    Reply request(quint8 unit, const QByteArray &pdu, int timeoutMs = DefaultTimeoutMs);
    // Writes bytes as they are, for malformed frames or pipelined requests.
    void sendRaw(const QByteArray &bytes);

    quint16 lastTransactionId() const { return m_transactionId; }
    void setNextTransactionId(quint16 id) { m_transactionId = quint16(id - 1); }
    int lateReplies() const { return m_lateReplies; }

private:
    Reply readRequest(quint8 functionCode, quint8 unit, quint16 address0, quint16 count,
                      int timeoutMs);
    static void checkAnswer(const QByteArray &request, Reply *reply);

    QTcpSocket m_socket;
    QByteArray m_buffer;
    quint16 m_transactionId = 0;
    QSet<quint16> m_abandoned; // transaction ids of requests that timed out
    int m_lateReplies = 0;
};

} // namespace tandem::test
