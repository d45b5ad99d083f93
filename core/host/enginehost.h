#pragma once

#include "config/configissue.h"
#include "config/diagnosticssettings.h"
#include "config/tandempaths.h"
#include "license/licensefile.h"
#include "license/licensegate.h"
#include "license/licensetransfer.h"

#include <QObject>
#include <QSet>
#include <QTimer>

namespace tandem {

class BackupScheduler;
class Clock;
class ConfigDocument;
class ControlServer;
struct ControlCaller;
class Engine;
class EventLog;
class EventStore;
class Mailer;
struct NotificationSettings;

// An engine as a process runs it (tandemd, also as the console's own engine, which the
// console starts as a child process): configuration and enabled state read from disk,
// applied, reloaded on request, and reachable through the control socket.
class EngineHost final : public QObject
{
    Q_OBJECT

public:
    explicit EngineHost(const TandemPaths &paths, QObject *parent = nullptr);
    ~EngineHost() override;

    // Returns the fatal issues (unreadable configuration, endpoint in use, another engine
    // running): nothing runs then. What runs anyway but needs saying goes to *warnings.
    ConfigIssues start(ConfigIssues *warnings);
    // Re-reads tandem.xml and the enabled state and applies them; problems are returned
    // and the previous configuration keeps running where the new one cannot.
    ConfigIssues reload();
    void stop();

    Engine *engine() const { return m_engine; }
    EventLog *events() const { return m_events; }
    EventStore *eventStore() const { return m_store; }
    Mailer *mailer() const { return m_mailer; }
    // What `tandemctl status` shows: pairs, notifications, license.
    QJsonObject status() const;
    LicenseGate *licenseGate() const { return m_gate; }
    BackupScheduler *backups() const { return m_backups; }
    // Tests: the clock demo periods are measured with (before start()).
    void setLicenseClock(const Clock *clock);

Q_SIGNALS:
    void reloaded(const tandem::ConfigIssues &issues);

private:
    QJsonObject handle(const QJsonObject &request, const ControlCaller &caller);
    QJsonObject handle(const QJsonObject &request);
    void openEventStore(const DiagnosticsSettings &settings, ConfigIssues *warnings);
    void openMailer(ConfigIssues *warnings);
    QSet<QString> licensedPairs(const ConfigDocument &document);
    void connectGate();
    void applyNotifications(const NotificationSettings &settings);

    TandemPaths m_paths;
    EventLog *m_events;
    Engine *m_engine;
    ControlServer *m_control;
    bool m_running = false;
    EventStore *m_store = nullptr;
    Mailer *m_mailer = nullptr;
    LicenseFile m_license;
    LicenseTransfer m_transfer;
    LicenseGate *m_gate;
    BackupScheduler *m_backups;
    QTimer m_licenseTimer;
};

} // namespace tandem
