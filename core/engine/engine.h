#pragma once

#include "config/configissue.h"
#include "config/configuration.h"
#include "pairruntime.h"
#include "pairstatus.h"
#include "protocolfactory.h"

#include <QObject>
#include <QSet>

#include <map>
#include <memory>
#include <optional>

namespace tandem {

class EventLog;

// Runs every pair of a configuration: a PairRuntime and its client-facing proxy each.
// Enabled pairs run with redundancy; disabled ones pass everything to their primary
// (docs/failover-decision.md, "Disabled"). Applying a new configuration takes over changed
// settings in place where it can; only a pair whose endpoint, machines, protocol, status
// item or user changed restarts, so clients of the others stay connected.
class Engine final : public QObject
{
    Q_OBJECT

public:
    Engine(EventLog *events, ProtocolFactories protocols, QObject *parent = nullptr);
    ~Engine() override;

    // Returns what could not be started (e.g. an endpoint in use); the rest runs.
    // serveDisabled: run the pairs not in `enabled` as pass-through (false once a demo
    // license has run out: then nothing serves).
    ConfigIssues apply(const Configuration &config, const QSet<QString> &enabled,
                       bool serveDisabled = true);
    void stopAll();

    QStringList pairNames() const;
    PairRuntime *runtime(const QString &name) const;
    quint16 listeningPort(const QString &name) const;
    EngineStatus status() const;
    std::optional<PairStatus> pairStatus(const QString &name) const; // null: not running

Q_SIGNALS:
    void pairsChanged();
    void pairStateChanged(const QString &name);

private:
    struct Instance;
    std::map<QString, std::unique_ptr<Instance>> m_pairs;
    EventLog *m_events;
    ProtocolFactories m_protocols;
};

} // namespace tandem
