#include "enginehost.h"

#include "backup/backupscheduler.h"
#include "base/clock.h"
#include "config/configdocument.h"
#include "controlprotocol.h"
#include "controlserver.h"
#include "engine/engine.h"
#include "engine/pairruntime.h"
#include "events/eventlog.h"
#include "events/eventstore.h"
#include "notify/mailer.h"
#include "opcua/localpki.h"
#include "opcua/opcuauserstore.h"
#include "protocols.h"
#include "secrets/passwordstore.h"

#include <QJsonArray>

namespace tandem {

EngineHost::EngineHost(const TandemPaths &paths, QObject *parent)
    : QObject(parent)
    , m_paths(paths)
    , m_events(new EventLog(this))
    , m_engine(new Engine(
          m_events, builtInProtocols(std::make_shared<opcua::LocalPki>(paths.stateDir, m_events)),
          this))
    , m_control(new ControlServer(
          paths.stateDir,
          [this](const QJsonObject &r, const ControlCaller &caller) { return handle(r, caller); },
          this))
    , m_license({paths.stateDir, paths.machineIdFile})
    , m_transfer(&m_license)
    , m_gate(new LicenseGate(&m_license, m_events, Clock::system(), this))
    , m_backups(new BackupScheduler(paths, m_events, this))
{
    connectGate();
    connect(m_control, &ControlServer::commandRefused, this,
            [this](const QString &command, const ControlCaller &caller) {
                m_events->post(EventId::ControlRefused, {},
                               {command, caller.peer.userName(), QString::number(caller.peer.uid),
                                QString::number(caller.peer.pid)});
            });
    m_licenseTimer.setInterval(1000);
    connect(&m_licenseTimer, &QTimer::timeout, this, [this] { m_gate->tick(); });
}

EngineHost::~EngineHost()
{
    stop();
}

ConfigIssues EngineHost::start(ConfigIssues *warnings)
{
    QString error;
    if (!m_control->listen(&error))
        return {{QString(), error}};
    ConfigDocument document(m_paths);
    const ConfigIssues loadIssues = document.load();
    if (!document.canSave())
        return loadIssues;
    *warnings = loadIssues;
    openEventStore(document.configuration().diagnostics, warnings);
    openMailer(warnings);
    if (m_mailer)
        applyNotifications(document.configuration().notifications);
    QString report;
    if (!m_transfer.recover(&report, &error))
        m_events->post(EventId::LicenseChanged, {}, {error});
    else if (!report.isEmpty())
        m_events->post(EventId::LicenseChanged, {}, {report});
    m_gate->start();
    m_licenseTimer.start();
    const QSet<QString> enabled = licensedPairs(document);
    ConfigIssues fatal;
    // An endpoint that cannot be taken at start is fatal: the operator must see it now.
    for (const ConfigIssue &issue :
         m_engine->apply(document.configuration(), enabled, !m_gate->expired()))
        (issue.field.endsWith(QLatin1String("/listen")) ? fatal : *warnings).append(issue);
    if (!fatal.isEmpty()) {
        m_engine->stopAll();
        return fatal;
    }
    m_running = true;
    m_events->post(EventId::ConfigLoaded, {}, {m_paths.configFile});
    m_events->post(EventId::EngineStarted, {}, {QString::number(m_engine->pairNames().size())});
    m_gate->announce();
    m_backups->setSettings(document.configuration().backup);
    return fatal;
}

QSet<QString> EngineHost::licensedPairs(const ConfigDocument &document)
{
    QStringList enabled; // in configuration order: the license keeps the first ones
    for (const PairConfig &pair : document.configuration().pairs)
        if (document.isEnabled(pair.name))
            enabled << pair.name;
    const QStringList allowed = m_gate->allowedPairs(enabled);
    if (!m_gate->expired())
        for (const QString &name : enabled)
            if (!allowed.contains(name))
                m_events->post(EventId::LicensePairsExceeded, name,
                               {QString::number(m_gate->status().pairsAllowed()), name});
    return {allowed.begin(), allowed.end()};
}

void EngineHost::setLicenseClock(const Clock *clock)
{
    delete m_gate;
    m_gate = new LicenseGate(&m_license, m_events, clock, this);
    connectGate();
}

void EngineHost::connectGate()
{
    connect(m_gate, &LicenseGate::demoExpired, this, [this] { m_engine->stopAll(); });
    // Unlocked or licensed meanwhile (or the pairs allowed changed): apply it at once.
    connect(m_gate, &LicenseGate::changed, this, [this] {
        if (m_running)
            reload();
    });
}

void EngineHost::openEventStore(const DiagnosticsSettings &settings, ConfigIssues *warnings)
{
    auto *store = new EventStore(m_paths.stateDir, this);
    QString notice, error;
    if (!store->open(&notice, &error)) {
        // Events still reach the journal; the history is what is missing.
        warnings->append({QString(), error, store->filePath()});
        delete store;
        return;
    }
    m_store = store;
    m_store->setCap(settings.maxEvents);
    // "Preserve events to disk on shutdown" off: every start begins with an empty view.
    if (!settings.preserveEvents && !m_store->reset(&error))
        warnings->append({QString(), error, m_store->filePath()});
    connect(m_events, &EventLog::eventPosted, m_store, &EventStore::append);
    connect(m_store, &EventStore::writeFailed, this, [this](const QString &message) {
        m_events->post(EventId::EventStoreError, {}, {m_store->filePath(), message});
    });
    if (!notice.isEmpty())
        m_events->post(EventId::EventStoreError, {}, {m_store->filePath(), notice});
}

void EngineHost::openMailer(ConfigIssues *warnings)
{
    auto *mailer = new Mailer(m_paths.stateDir, m_events, this);
    QString notice, error;
    if (!mailer->open(&notice, &error)) {
        // Without an outbox a mail could be lost on the next crash: mail nothing, say so.
        warnings->append({QString(), error, mailer->outbox()->filePath()});
        m_events->post(EventId::OutboxError, {}, {mailer->outbox()->filePath(), error});
        delete mailer;
        return;
    }
    m_mailer = mailer;
    connect(m_events, &EventLog::eventPosted, m_mailer, &Mailer::post);
    if (!notice.isEmpty())
        m_events->post(EventId::OutboxError, {}, {m_mailer->outbox()->filePath(), notice});
}

void EngineHost::applyNotifications(const NotificationSettings &settings)
{
    if (!settings.user.isEmpty())
        m_mailer->setPasswordPending();
    m_mailer->setSettings(settings);
    if (settings.user.isEmpty())
        return;
    PasswordStore::read(PasswordStore::smtpKey(settings.user), m_mailer,
                        [mailer = m_mailer](const PasswordStore::Result &r) {
                            if (r.ok)
                                mailer->setPassword(r.password);
                            else
                                mailer->setPasswordError(r.error);
                        });
}

ConfigIssues EngineHost::reload()
{
    ConfigDocument document(m_paths);
    ConfigIssues issues = document.load();
    if (!document.canSave()) {
        m_events->post(
            EventId::ConfigRejected, {},
            {m_paths.configFile, issues.isEmpty() ? QString() : issues.constFirst().toString()});
        Q_EMIT reloaded(issues);
        return issues; // keep running what runs: the new file is broken
    }
    if (m_store)
        m_store->setCap(document.configuration().diagnostics.maxEvents);
    if (m_mailer)
        applyNotifications(document.configuration().notifications);
    m_backups->setSettings(document.configuration().backup);
    const QSet<QString> enabled = licensedPairs(document);
    const ConfigIssues applied =
        m_engine->apply(document.configuration(), enabled, !m_gate->expired());
    for (const ConfigIssue &issue : applied) {
        if (!issue.field.endsWith(QLatin1String("/listen")))
            continue;
        const QString pair =
            issue.field.section(QLatin1Char('['), 1).section(QLatin1String("]/"), 0, 0);
        const PairConfig *config = document.configuration().find(pair);
        m_events->post(EventId::EndpointFailed, pair,
                       {pair, config ? config->endpoint : QString(), issue.message});
    }
    issues += applied;
    m_events->post(EventId::ConfigLoaded, {}, {m_paths.configFile});
    Q_EMIT reloaded(issues);
    return issues;
}

void EngineHost::stop()
{
    m_backups->setSettings({}); // no scheduled backup while stopped
    m_engine->stopAll();
    if (m_running) {
        m_running = false;
        m_events->post(EventId::EngineStopped, {}, {});
    }
    // What the batching window holds goes to the outbox: mailed now or after the restart.
    if (m_mailer)
        m_mailer->flushBatch();
}

QJsonObject EngineHost::status() const
{
    QJsonObject answer = m_engine->status().toJson();
    if (m_mailer)
        answer.insert(QStringLiteral("notifications"), m_mailer->status());
    answer.insert(QStringLiteral("backup"), m_backups->status());
    QJsonObject license = m_gate->toJson();
    license.insert(QStringLiteral("pending-transfer"), m_transfer.pending());
    answer.insert(QStringLiteral("license"), license);
    return answer;
}

QJsonObject EngineHost::handle(const QJsonObject &request, const ControlCaller &caller)
{
    const QString command = request.value(QLatin1String("command")).toString();
    QJsonObject answer = handle(request);
    // Who changed something, posted once it is done: after a reset this is the first
    // event of the new history, so the wipe itself is on record.
    if (isChangingCommand(command) && answer.value(QLatin1String("ok")).toBool())
        m_events->post(EventId::ControlCommand, request.value(QLatin1String("pair")).toString(),
                       {command, caller.peer.userName(), QString::number(caller.peer.uid),
                        QString::number(caller.peer.pid)});
    return answer;
}

QJsonObject EngineHost::handle(const QJsonObject &request)
{
    const QString command = request.value(QLatin1String("command")).toString();
    if (command == ControlCommand::Status) {
        QJsonObject answer = status();
        answer.insert(QStringLiteral("ok"), true);
        return answer;
    }
    if (command == ControlCommand::Reload) {
        const ConfigIssues issues = reload();
        QJsonArray problems;
        for (const ConfigIssue &issue : issues)
            problems.append(issue.toString());
        return {{QStringLiteral("ok"), true}, {QStringLiteral("problems"), problems}};
    }
    if (command == ControlCommand::FlushEvents || command == ControlCommand::ResetEvents) {
        QString error;
        const bool ok = !m_store ? (error = tr("the engine has no event history"), false)
                        : command == ControlCommand::FlushEvents ? m_store->flush(&error)
                                                                 : m_store->reset(&error);
        return {{QStringLiteral("ok"), ok}, {QStringLiteral("error"), error}};
    }
    if (command == ControlCommand::LicenseRefresh) {
        m_gate->refresh();
        return {{QStringLiteral("ok"), true}, {QStringLiteral("license"), m_gate->toJson()}};
    }
    if (command == ControlCommand::NotifyRetry) {
        if (!m_mailer)
            return {{QStringLiteral("ok"), false},
                    {QStringLiteral("error"), tr("the engine has no e-mail outbox")}};
        m_mailer->retryNow();
        return {{QStringLiteral("ok"), true},
                {QStringLiteral("outbox"), m_mailer->outbox()->count()}};
    }
    if (command == ControlCommand::Switch || command == ControlCommand::MakeActive) {
        // The operator's pin (docs/failover-decision.md): primary, secondary or auto.
        const QString pair = request.value(QLatin1String("pair")).toString();
        const QString side = request.value(QLatin1String("side")).toString();
        PairRuntime *runtime = m_engine->runtime(pair);
        if (!runtime)
            return {{QStringLiteral("ok"), false},
                    {QStringLiteral("error"), tr("pair '%1' is not running").arg(pair)}};
        if (side == QLatin1String("auto")) {
            runtime->returnToAutomatic();
            return {{QStringLiteral("ok"), true}};
        }
        const std::optional<Side> wanted = sideFromKey(side);
        if (!wanted)
            return {
                {QStringLiteral("ok"), false},
                {QStringLiteral("error"), tr("'%1' is not primary, secondary or auto").arg(side)}};
        QString error;
        if (!runtime->pin(*wanted, &error))
            return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), error}};
        return {{QStringLiteral("ok"), true}};
    }
    if (command == ControlCommand::OpcUaUserAdd || command == ControlCommand::OpcUaUserRemove) {
        // Written by the engine, so the file is the service user's as the rest of the state.
        opcua::OpcUaUserStore users(m_paths.stateDir);
        QString error;
        bool ok = false;
        if (command == ControlCommand::OpcUaUserRemove) {
            ok = users.remove(request.value(QLatin1String("name")).toString(), &error);
        } else if (const auto user = opcua::OpcUaUserStore::fromJson(
                       request.value(QLatin1String("user")).toObject(), &error)) {
            ok = users.put(*user, &error);
        }
        return {{QStringLiteral("ok"), ok}, {QStringLiteral("error"), error}};
    }
    return {{QStringLiteral("ok"), false},
            {QStringLiteral("error"), tr("unknown command '%1'").arg(command)}};
}

} // namespace tandem
