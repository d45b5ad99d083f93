#pragma once

#include "config/configissue.h"
#include "config/configuration.h"
#include "pairruntime.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>

#include <map>
#include <memory>

namespace tandem {

class EventLog;
namespace modbus {
class ModbusProxy;
}

// Runs every enabled pair of a configuration: a PairRuntime and its client-facing proxy
// each. Applying a new configuration restarts only the pairs whose settings changed, so
// clients of the others stay connected.
class Engine final : public QObject
{
    Q_OBJECT

public:
    explicit Engine(EventLog *events, QObject *parent = nullptr);
    ~Engine() override;

    // Returns what could not be started (e.g. an endpoint in use); the rest runs.
    ConfigIssues apply(const Configuration &config, const QSet<QString> &enabled);
    void stopAll();

    QStringList pairNames() const;
    PairRuntime *runtime(const QString &name) const;
    quint16 listeningPort(const QString &name) const;
    QJsonObject status() const;
    QJsonObject pairStatus(const QString &name) const;

Q_SIGNALS:
    void pairsChanged();
    void pairStateChanged(const QString &name);

private:
    struct Instance;
    std::map<QString, std::unique_ptr<Instance>> m_pairs;
    EventLog *m_events;
};

} // namespace tandem
