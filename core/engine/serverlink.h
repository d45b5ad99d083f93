#pragma once

#include "config/monitoritem.h"

#include <QObject>
#include <QVariant>

namespace tandem {

// One reading of a monitor item from a server.
struct MonitorSample
{
    bool good = false; // quality
    QVariant value;    // when good
    bool isArray = false;
};

// A connection to one backend server, whatever its protocol. PairRuntime drives two of
// these (primary, secondary) and decides from their signals which one is active.
class ServerLink : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Connects; ends in opened() or openFailed(). Calling it while open does nothing.
    virtual void open(int timeoutMs) = 0;
    // Drops the connection without emitting closed(); pending work is abandoned.
    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    // One status query; ends in statusReceived() (also on timeout).
    virtual void queryStatus(int timeoutMs) = 0;
    // Starts reading/subscribing the items; results arrive as monitorSample() and
    // monitorAddFailed() with the item's index. An empty list stops monitoring.
    virtual void setMonitorItems(const QList<MonitorItem> &items, int timeoutMs) = 0;
    virtual QString machine() const = 0; // as configured, for events
    // The SHA-1 thumbprint of the certificate the server presented on the last attempt to
    // connect when the trust list refused it as unknown, so an operator can be asked to
    // trust it; empty otherwise (and for protocols without certificates).
    virtual QString refusedCertificate() const { return {}; }

Q_SIGNALS:
    void opened();
    void openFailed(const QString &reason);
    void closed(const QString &reason); // lost without close() being called
    // ok: the server answered; shutdown: it announced it is going down.
    void statusReceived(bool ok, bool shutdown, const QString &reason);
    // The server still works but says it serves less well (an OPC UA ServiceLevel below
    // 200); the other machine is preferred while it is healthy. Reset by a new connection.
    void degraded(bool on, const QString &reason);
    void monitorSample(int index, const tandem::MonitorSample &sample);
    void monitorAddFailed(int index, const QString &reason);
};

} // namespace tandem
