#pragma once

#include "config/itemaddress.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

class QTcpServer;
class QTcpSocket;

namespace tandem::sim {

// A Modbus TCP server that plays a PLC or a data server in demos, tests and benchmarks.
// One data set (65536 entries in each of the four tables) answers every unit id, so a
// client may address any unit. Holding register 400001 and input register 300001 are
// watchdog counters that start at the offset and advance every tick; 400002 holds the
// offset, so two instances started with different offsets can be told apart.
//
// Single-threaded and event driven: every request in a read is answered in order and the
// answers leave in one write, which also serves clients that pipeline requests.
class Simulator final : public QObject
{
    Q_OBJECT

public:
    static constexpr int TableSize = 65536;

    explicit Simulator(quint16 offset, QObject *parent = nullptr);
    ~Simulator() override;

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    QHostAddress serverAddress() const;
    quint16 serverPort() const;

    // 0 stops the counters; otherwise they advance every intervalMs.
    void setTickInterval(int intervalMs);
    void setTicking(bool ticking);

    // A hung server keeps its connections (and accepts new ones) but reads nothing, so
    // requests stay unanswered until resume, which then answers what queued up meanwhile.
    void setHung(bool hung);
    bool isHung() const { return m_hung; }
    // Resets every client connection: the peers see a TCP RST, as after a server crash.
    void dropClients();
    // Answers every request with this exception code; nullopt answers normally again.
    void setForcedException(std::optional<quint8> code);

    // Sets one entry as the `set` command does; bit tables take 0 or 1.
    void setValue(modbus::Table table, quint16 address, quint16 value);
    quint16 value(modbus::Table table, quint16 address) const;

    int clientCount() const { return int(m_clients.size()); }

    struct CommandResult
    {
        QString reply; // `ok COMMAND` or `error: ...`; empty for a blank line
        bool quit = false;
    };
    // Runs one console command as typed on stdin (`hang`, `set 400010 5`, ...).
    CommandResult runCommand(const QString &line);

    // Answers one request PDU by appending the answer PDU to out (exposed for unit tests).
    void answerPdu(QByteArrayView request, QByteArray &out);

private:
    struct Client
    {
        QTcpSocket *socket = nullptr;
        QByteArray inbox; // bytes received but not yet a whole frame
    };

    void acceptClients();
    void serve(Client *client);
    void removeClient(QTcpSocket *socket);
    Client *clientFor(const QTcpSocket *socket) const;
    void tick();

    void readBits(const std::vector<quint8> &table, QByteArrayView request, QByteArray &out);
    void readRegisters(const std::vector<quint16> &table, QByteArrayView request, QByteArray &out);
    void writeSingleCoil(QByteArrayView request, QByteArray &out);
    void writeSingleRegister(QByteArrayView request, QByteArray &out);
    void writeMultipleCoils(QByteArrayView request, QByteArray &out);
    void writeMultipleRegisters(QByteArrayView request, QByteArray &out);
    void readWriteMultipleRegisters(QByteArrayView request, QByteArray &out);

    QTcpServer *m_server = nullptr;
    QTimer m_ticker;
    int m_tickInterval = 100;
    bool m_ticking = true;
    bool m_hung = false;
    std::optional<quint8> m_forcedException;

    std::vector<quint8> m_coils;
    std::vector<quint8> m_discreteInputs;
    std::vector<quint16> m_inputRegisters;
    std::vector<quint16> m_holdingRegisters;

    std::vector<std::unique_ptr<Client>> m_clients;
    // Reused for every batch of answers, so a request costs no allocation of its own.
    QByteArray m_outbox;
};

} // namespace tandem::sim
