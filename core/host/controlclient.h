#pragma once

#include "engine/pairstatus.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace tandem {

// The outcome of one control command: done, with what the command returns; or not, with
// why: the engine's own refusal (reached) or why no engine answered (not reached).
template <typename T = std::monostate> struct ControlReply
{
    std::optional<T> value; // set when the engine did it
    bool reached = false;   // an engine answered (false: none runs, or it did not answer)
    QString error;          // why it was not done

    explicit operator bool() const { return value.has_value(); }
    const T &operator*() const { return *value; }
    const T *operator->() const { return &*value; }
};

// The control socket's answer to `status`: the engine's pairs, typed, and what the host
// adds (mail, backup, license: their own JSON mappings), with the whole answer as sent for
// `tandemctl status --json`.
struct EngineReport
{
    EngineStatus engine;
    QJsonObject notifications; // Mailer::status(); empty without an outbox
    QJsonObject backup;        // BackupScheduler::status()
    QJsonObject license;       // LicenseGate::toJson() and "pending-transfer"
    QJsonObject json;          // the answer itself
};

// Round trips to a running engine (blocking, each bounded by timeoutMs), one call per
// command of controlprotocol.h.
class ControlClient final
{
public:
    static constexpr int DefaultTimeoutMs = 5000;

    static ControlReply<EngineReport> status(const QString &stateDir,
                                             int timeoutMs = DefaultTimeoutMs);
    // The problems the engine found in the configuration it applied.
    static ControlReply<QStringList> reload(const QString &stateDir,
                                            int timeoutMs = DefaultTimeoutMs);
    static ControlReply<> resetEvents(const QString &stateDir, int timeoutMs = DefaultTimeoutMs);
    static ControlReply<> refreshLicense(const QString &stateDir, int timeoutMs = DefaultTimeoutMs);
    // How many mails wait in the outbox.
    static ControlReply<int> retryMail(const QString &stateDir, int timeoutMs = DefaultTimeoutMs);
    // The operator's pin: `side` serves the pair until returnToAutomatic() or until it loses
    // communication.
    static ControlReply<> switchTo(const QString &stateDir, const QString &pair, Side side,
                                   int timeoutMs = DefaultTimeoutMs);
    static ControlReply<> returnToAutomatic(const QString &stateDir, const QString &pair,
                                            int timeoutMs = DefaultTimeoutMs);
    // Adds or replaces an OPC UA user of the endpoints (OpcUaUserStore::toJson(), with its
    // hash), or removes one: the engine writes the file (the administrator role).
    static ControlReply<> addOpcUaUser(const QString &stateDir, const QJsonObject &user,
                                       int timeoutMs = DefaultTimeoutMs);
    static ControlReply<> removeOpcUaUser(const QString &stateDir, const QString &name,
                                          int timeoutMs = DefaultTimeoutMs);
    // Asks an engine serving stateDir, if one runs, to commit the events it has queued,
    // so that a reader of the store (an export, a backup) gets them too.
    static void flushEvents(const QString &stateDir);

    // One request as it is and its answer as it comes (tests, and what the calls above use).
    static std::optional<QJsonObject> request(const QString &stateDir, const QJsonObject &request,
                                              int timeoutMs, QString *error);
};

} // namespace tandem
