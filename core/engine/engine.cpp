#include "engine.h"

#include "base/logging.h"
#include "events/eventlog.h"
#include "pairproxy.h"
#include "serverlink.h"

#include <QCoreApplication>

namespace tandem {

struct Engine::Instance
{
    PairConfig config;
    std::unique_ptr<PairRuntime> runtime;
    std::unique_ptr<PairProxy> proxy;
};

Engine::Engine(EventLog *events, ProtocolFactories protocols, QObject *parent)
    : QObject(parent)
    , m_events(events)
    , m_protocols(std::move(protocols))
{}

Engine::~Engine()
{
    stopAll();
}

ConfigIssues Engine::apply(const Configuration &config, const QSet<QString> &enabled,
                           bool serveDisabled)
{
    ConfigIssues issues;
    const auto runs = [&](const QString &name) { return enabled.contains(name) || serveDisabled; };
    // Stop what is gone or must restart first, so a changed pair can take its endpoint again.
    for (auto it = m_pairs.begin(); it != m_pairs.end();) {
        const PairConfig *wanted = config.find(it->first);
        Instance &instance = *it->second;
        if (wanted && runs(it->first) && PairRuntime::appliesInPlace(instance.config, *wanted)) {
            if (instance.config != *wanted)
                qCInfo(lcEngine) << "changing pair" << it->first << "in place";
            instance.runtime->reconfigure(*wanted);
            instance.runtime->setPassThrough(!enabled.contains(it->first));
            instance.config = *wanted;
            ++it;
            continue;
        }
        qCInfo(lcEngine) << "stopping pair" << it->first;
        instance.proxy.reset();
        instance.runtime->stop();
        it = m_pairs.erase(it);
    }
    for (const PairConfig &pair : config.pairs) {
        if (!runs(pair.name) || m_pairs.count(pair.name))
            continue;
        const QString field = QStringLiteral("pair[%1]").arg(pair.name);
        QString error;
        const auto endpoint = Endpoint::parse(pair.endpoint, pair.protocol, &error);
        const auto primary = MachineAddress::parse(pair.primary, pair.protocol, &error);
        const auto secondary = MachineAddress::parse(pair.secondary, pair.protocol, &error);
        if (!endpoint || !primary || !secondary) {
            issues.append({field, error});
            continue;
        }
        const auto protocol = m_protocols.find(pair.protocol);
        if (protocol == m_protocols.end()) {
            issues.append({field, tr("this engine was built without the pair's protocol")});
            continue;
        }
        const ProtocolFactory &factory = protocol->second;
        auto instance = std::make_unique<Instance>();
        instance->config = pair;
        const auto makeLink = [makeLink = factory.makeLink, pair, primaryMachine = *primary,
                               secondaryMachine = *secondary](Side side, QObject *parent) {
            return makeLink(pair, side, side == Side::Primary ? primaryMachine : secondaryMachine,
                            parent);
        };
        instance->runtime = std::make_unique<PairRuntime>(pair, makeLink, m_events);
        instance->proxy = factory.makeProxy(instance->runtime.get(), *endpoint, m_events);
        if (!instance->proxy->listen(&error)) {
            issues.append({field + QLatin1String("/listen"), error});
            continue;
        }
        const QString name = pair.name;
        connect(instance->runtime.get(), &PairRuntime::stateChanged, this,
                [this, name] { Q_EMIT pairStateChanged(name); });
        instance->runtime->setPassThrough(!enabled.contains(name));
        instance->runtime->start();
        qCInfo(lcEngine) << "running pair" << name << "on" << pair.endpoint
                         << (enabled.contains(name) ? "" : "(pass-through)");
        m_pairs.emplace(name, std::move(instance));
    }
    Q_EMIT pairsChanged();
    return issues;
}

void Engine::stopAll()
{
    for (auto &[name, instance] : m_pairs) {
        instance->proxy.reset();
        instance->runtime->stop();
    }
    m_pairs.clear();
    Q_EMIT pairsChanged();
}

QStringList Engine::pairNames() const
{
    QStringList names;
    for (const auto &entry : m_pairs)
        names << entry.first;
    return names;
}

PairRuntime *Engine::runtime(const QString &name) const
{
    const auto it = m_pairs.find(name);
    return it == m_pairs.end() ? nullptr : it->second->runtime.get();
}

quint16 Engine::listeningPort(const QString &name) const
{
    const auto it = m_pairs.find(name);
    return it == m_pairs.end() || !it->second->proxy ? 0 : it->second->proxy->port();
}

std::optional<PairStatus> Engine::pairStatus(const QString &name) const
{
    const auto it = m_pairs.find(name);
    if (it == m_pairs.end())
        return std::nullopt;
    const Instance &instance = *it->second;
    PairStatus status = instance.runtime->status();
    status.listen = instance.config.endpoint;
    status.port = instance.proxy ? instance.proxy->port() : 0;
    status.clients = instance.proxy ? instance.proxy->clientCount() : 0;
    return status;
}

EngineStatus Engine::status() const
{
    EngineStatus status;
    status.pid = QCoreApplication::applicationPid();
    status.process = QCoreApplication::applicationName();
    for (const auto &entry : m_pairs)
        status.pairs.append(*pairStatus(entry.first));
    return status;
}

} // namespace tandem
