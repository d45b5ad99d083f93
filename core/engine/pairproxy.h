#pragma once

#include <QObject>
#include <QString>

namespace tandem {

// A pair's client-facing endpoint, whatever its protocol (Modbus TCP, OPC UA): clients
// connect here, unchanged, and the proxy forwards their requests to the active server.
class PairProxy : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Starts listening on the pair's endpoint; false with *error when it cannot.
    virtual bool listen(QString *error) = 0;
    virtual quint16 port() const = 0;
    virtual int clientCount() const = 0;
};

} // namespace tandem
