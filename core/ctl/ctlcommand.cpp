#include "ctlcommand.h"
#include "base/enginesocket.h"

#include "backup/backuparchive.h"
#include "base/systemfile.h"
#include "base/testhooks.h"
#include "config/configdocument.h"
#include "config/configvalidator.h"
#include "events/eventcatalog.h"
#include "events/eventstore.h"
#include "host/controlserver.h"
#include "license/licensefile.h"
#include "license/licensetransfer.h"
#include "notify/mailer.h"
#include "secrets/passwordstore.h"
#include "secrets/servicecredentials.h"
#include "service/serviceinstaller.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>

#include <optional>

#include <unistd.h>

namespace tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tandemctl", text);
}

// Thrown for a usage error (exit 2) or a refused change (exit 1); caught in run().
struct CtlError
{
    int exitCode;
    QString message;
};

[[noreturn]] void usageError(const QString &message)
{
    throw CtlError{2, message};
}

[[noreturn]] void refused(const ConfigIssues &issues)
{
    throw CtlError{1, joinIssues(issues)};
}

// A command line split into positional words and --options (each may repeat).
class Arguments
{
public:
    Arguments(const QStringList &args, const QStringList &flagsWithoutValue)
    {
        for (qsizetype i = 0; i < args.size(); ++i) {
            const QString &a = args[i];
            if (!a.startsWith(QLatin1String("--")) || a == QLatin1String("--")) {
                m_positional << a;
                continue;
            }
            QString name = a.mid(2);
            QString value;
            if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
                value = name.mid(eq + 1);
                name = name.left(eq);
            } else if (flagsWithoutValue.contains(name)) {
                value = QStringLiteral("yes");
            } else {
                if (i + 1 >= args.size())
                    usageError(tr("--%1 needs a value").arg(name));
                value = args[++i];
            }
            m_options[name].append(value);
        }
    }

    QStringList positional() const { return m_positional; }
    bool has(const QString &name) const { return m_options.contains(name); }
    std::optional<QString> value(const QString &name)
    {
        m_used.insert(name);
        const auto it = m_options.constFind(name);
        if (it == m_options.cend())
            return std::nullopt;
        if (it->size() > 1)
            usageError(tr("--%1 is given more than once").arg(name));
        return it->constFirst();
    }
    QStringList values(const QString &name)
    {
        m_used.insert(name);
        return m_options.value(name);
    }
    QString required(const QString &name, const QString &command)
    {
        const auto v = value(name);
        if (!v || v->isEmpty())
            usageError(tr("%1: --%2 is required").arg(command, name));
        return *v;
    }
    void take(const QString &name) { m_used.insert(name); }
    // Any option the command did not look at is a typo or misplaced: say so.
    void rejectUnused(const QString &command) const
    {
        for (auto it = m_options.cbegin(); it != m_options.cend(); ++it)
            if (!m_used.contains(it.key()))
                usageError(tr("%1: unknown option --%2").arg(command, it.key()));
    }

private:
    QStringList m_positional;
    QHash<QString, QStringList> m_options;
    QSet<QString> m_used;
};

int parseInt(const QString &option, const QString &text)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok)
        usageError(tr("--%1: '%2' is not a whole number").arg(option, text));
    return value;
}

bool parseYesNo(const QString &option, const QString &text)
{
    const QString v = text.trimmed().toLower();
    if (v == QLatin1String("yes") || v == QLatin1String("true") || v == QLatin1String("on"))
        return true;
    if (v == QLatin1String("no") || v == QLatin1String("false") || v == QLatin1String("off"))
        return false;
    usageError(tr("--%1: '%2' is not yes or no").arg(option, text));
}

// The OPC UA client limits (--max-sessions N ...), one option per OpcUaLimits setting.
void applyOpcUaLimitOptions(Arguments &args, PairConfig &pair)
{
    for (const OpcUaLimits::Setting &s : OpcUaLimits::settings()) {
        const QString option = QLatin1String(s.key);
        const auto v = args.value(option);
        if (!v)
            continue;
        if (pair.protocol != Protocol::OpcUa)
            usageError(tr("--%1: a limit of OPC UA pairs; this pair is Modbus TCP").arg(option));
        pair.opcuaLimits.*(s.field) = parseInt(option, *v);
    }
}

QJsonObject opcuaLimitsToJson(const OpcUaLimits &limits)
{
    QJsonObject o;
    for (const OpcUaLimits::Setting &s : OpcUaLimits::settings())
        o.insert(QLatin1String(s.key), limits.*(s.field));
    return o;
}

// Applies the options shared by `pair add` and `pair set`.
void applyPairOptions(Arguments &args, PairConfig &pair)
{
    if (const auto v = args.value(QStringLiteral("protocol"))) {
        const auto protocol = protocolFromKey(*v);
        if (!protocol)
            usageError(tr("--protocol: '%1' is not modbus-tcp or opcua").arg(*v));
        pair.protocol = *protocol;
    }
    if (const auto v = args.value(QStringLiteral("primary")))
        pair.primary = *v;
    if (const auto v = args.value(QStringLiteral("secondary")))
        pair.secondary = *v;
    if (const auto v = args.value(QStringLiteral("listen")))
        pair.endpoint = *v;
    if (const auto v = args.value(QStringLiteral("mode"))) {
        const auto mode = connectionModeFromKey(*v);
        if (!mode)
            usageError(tr("--mode: '%1' is not cold, warm or hot").arg(*v));
        pair.mode = *mode;
    }
    if (const auto v = args.value(QStringLiteral("reconnect-primary")))
        pair.reconnectPrimary = parseYesNo(QStringLiteral("reconnect-primary"), *v);
    if (const auto v = args.value(QStringLiteral("status-interval")))
        pair.statusIntervalMs = parseInt(QStringLiteral("status-interval"), *v);
    if (const auto v = args.value(QStringLiteral("status-timeout")))
        pair.statusTimeoutMs = parseInt(QStringLiteral("status-timeout"), *v);
    if (const auto v = args.value(QStringLiteral("failure-count")))
        pair.failureCount = parseInt(QStringLiteral("failure-count"), *v);
    if (const auto v = args.value(QStringLiteral("failback-holdoff")))
        pair.failbackHoldoffMs = parseInt(QStringLiteral("failback-holdoff"), *v);
    if (const auto v = args.value(QStringLiteral("failure-persistence")))
        pair.failurePersistence = parseInt(QStringLiteral("failure-persistence"), *v);
    if (const auto v = args.value(QStringLiteral("status-item")))
        pair.statusItem = *v;
    if (const auto v = args.value(QStringLiteral("write-replay")))
        pair.writeReplay = parseYesNo(QStringLiteral("write-replay"), *v);
    if (const auto v = args.value(QStringLiteral("server-connections"))) {
        const auto perClient = serverConnectionsFromKey(*v);
        if (!perClient)
            usageError(tr("--server-connections: '%1' is not shared or per-client").arg(*v));
        pair.connectionPerClient = *perClient;
    }
    // Client limits (issue 17).
    if (const auto v = args.value(QStringLiteral("client-limit")))
        pair.clientLimit = parseInt(QStringLiteral("client-limit"), *v);
    if (const auto v = args.value(QStringLiteral("requests-per-client")))
        pair.requestsPerClient = parseInt(QStringLiteral("requests-per-client"), *v);
    if (const auto v = args.value(QStringLiteral("output-per-client")))
        pair.outputPerClientBytes = parseInt(QStringLiteral("output-per-client"), *v);
    if (const auto v = args.value(QStringLiteral("user")))
        pair.user = *v;
    applyOpcUaLimitOptions(args, pair);
}

// The folder of the system service's password credentials when `paths` are the system
// service's files (it has no keychain: servicecredentials.h), else empty: the keychain.
QString serviceCredentialsDir(const TandemPaths &paths)
{
    // Tests cannot write /etc: this makes their files count as the system service's.
    const QString hook = TANDEM_TEST_HOOK_VARIABLE("TANDEM_TEST_SERVICE_CREDENTIALS_DIR");
    if (!hook.isEmpty())
        return hook;
    return QFileInfo(paths.configFile).absoluteFilePath() == ServiceUnit::systemConfigFile()
               ? ServiceUnit::systemCredentialsDir()
               : QString();
}

QString systemdCredsProgram()
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("systemd-creds"));
    return tool.isEmpty() ? QStringLiteral("systemd-creds") : tool;
}

// The password as an encrypted systemd credential of the system service, written by root
// into a folder only root may use. Returns the file written.
QString storeServiceCredential(const QString &folder, const QString &key, const QString &password,
                               const QString &what)
{
    if (::geteuid() != 0)
        throw CtlError{1, tr("the system service's %1 is a systemd credential in %2, which only "
                             "root may write: run this command with sudo; nothing was changed")
                              .arg(what, folder)};
    QString error;
    const std::optional<QByteArray> sealed =
        ServiceCredentials::encrypt(key, password, systemdCredsProgram(), &error);
    const QString file = QDir(folder).filePath(ServiceCredentials::fileName(key));
    if (!sealed || !SystemFile::makeFolder(folder, {0700, 0, 0}, &error) ||
        !SystemFile::write(file, *sealed, {0600, 0, 0}, &error))
        throw CtlError{1, tr("the %1 was not stored: %2; nothing was changed").arg(what, error)};
    return file;
}

// One line from standard input, so `pass show plc | tandemctl ...` works, stored in the
// keychain under key, or as a credential of the system service; the password never goes
// to tandem.xml. Throws when it cannot be read or stored, so the caller saves nothing.
// Returns where it went, for the operator.
QString storePasswordFromStdin(const TandemPaths &paths, const QString &key, const QString &what)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        throw CtlError{1, tr("--password-stdin: cannot read standard input")};
    QByteArray line = in.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty())
        throw CtlError{
            1, tr("--password-stdin: standard input held no password; nothing was changed")};
    const QString credentials = serviceCredentialsDir(paths);
    if (!credentials.isEmpty()) {
        const QString file =
            storeServiceCredential(credentials, key, QString::fromUtf8(line), what);
        return tr("as the system service's encrypted credential %1; it takes effect when the "
                  "service restarts (systemctl restart tandemd)")
            .arg(file);
    }
    const PasswordStore::Result stored = PasswordStore::writeBlocking(key, QString::fromUtf8(line));
    if (!stored.ok)
        throw CtlError{
            1, tr("the %1 was not stored: %2; nothing was changed").arg(what, stored.error)};
    return tr("in the system keychain");
}

QJsonObject pairToJson(const PairConfig &p, bool enabled)
{
    QJsonArray items;
    for (const MonitorItem &m : p.monitorItems)
        items.append(QJsonObject{{QStringLiteral("id"), m.itemId},
                                 {QStringLiteral("access-path"), m.accessPath},
                                 {QStringLiteral("type"), dataTypeName(m.dataType)},
                                 {QStringLiteral("rate"), m.updateRateMs},
                                 {QStringLiteral("trigger"), triggerKey(m.trigger)},
                                 {QStringLiteral("data"), m.triggerData}});
    QJsonObject o{
        {QStringLiteral("name"), p.name},
        {QStringLiteral("protocol"), protocolKey(p.protocol)},
        {QStringLiteral("listen"), p.endpoint},
        {QStringLiteral("primary"), p.primary},
        {QStringLiteral("secondary"), p.secondary},
        {QStringLiteral("mode"), connectionModeKey(p.mode)},
        {QStringLiteral("reconnect-primary"), p.reconnectPrimary},
        {QStringLiteral("status-interval"), p.statusIntervalMs},
        {QStringLiteral("status-timeout"), p.statusTimeoutMs},
        {QStringLiteral("failback-holdoff"), p.failbackHoldoffMs},
        {QStringLiteral("failure-count"), p.failureCount},
        {QStringLiteral("failure-persistence"), p.failurePersistence},
        {QStringLiteral("status-item"), p.statusItem},
        {QStringLiteral("write-replay"), p.writeReplay},
        {QStringLiteral("server-connections"), serverConnectionsKey(p.connectionPerClient)},
        {QStringLiteral("client-limit"), p.clientLimit},
        {QStringLiteral("requests-per-client"), p.requestsPerClient},
        {QStringLiteral("output-per-client"), p.outputPerClientBytes},
        {QStringLiteral("user"), p.user},
        {QStringLiteral("monitor"), items},
        {QStringLiteral("enabled"), enabled}};
    if (p.isAlias())
        o.insert(QStringLiteral("alias-of"), p.aliasOf);
    if (p.protocol == Protocol::OpcUa)
        o.insert(QStringLiteral("opcua-limits"), opcuaLimitsToJson(p.opcuaLimits));
    return o;
}

class Session
{
public:
    Session(QTextStream &out, QTextStream &err, const TandemPaths &paths)
        : m_out(out)
        , m_err(err)
        , m_doc(paths)
    {}

    void load()
    {
        const ConfigIssues issues = m_doc.load();
        if (!m_doc.canSave())
            throw CtlError{1, joinIssues(issues)};
        for (const ConfigIssue &issue : issues)
            m_err << tr("tandemctl: warning: %1").arg(issue.toString()) << Qt::endl;
    }

    void check(const ConfigIssues &issues)
    {
        if (!issues.isEmpty())
            refused(issues);
    }

    void save()
    {
        check(m_doc.save());
        tellEngine();
    }

    // A running engine applies changes at once (DESIGN: SIGHUP or the control socket).
    void tellEngine()
    {
        if (!EngineSocket::isRunning(m_doc.paths().stateDir))
            return;
        const auto answer = ControlClient::reload(m_doc.paths().stateDir);
        if (!answer) {
            // Saved, but not applied: the role this user has may not reload (controlrole.h).
            m_err << tr("tandemctl: warning: the running engine was not told: %1").arg(answer.error)
                  << Qt::endl;
            return;
        }
        for (const QString &problem : *answer)
            m_err << tr("tandemctl: warning: engine: %1").arg(problem) << Qt::endl;
    }

    int statusCommand(Arguments &args);
    int eventsCommand(const QString &verb, Arguments &args);

    const PairConfig &pair(const QString &name)
    {
        const PairConfig *p = m_doc.pair(name);
        if (!p)
            throw CtlError{1, tr("there is no pair named '%1' in %2").arg(name, m_doc.filePath())};
        return *p;
    }

    int pairCommand(const QString &verb, Arguments &args);
    int monitorCommand(const QString &verb, Arguments &args);
    int notifyCommand(const QString &verb, Arguments &args);
    int notifyTest(Arguments &args);
    int licenseCommand(const QString &verb, Arguments &args);
    int diagnosticsCommand(const QString &verb, Arguments &args);
    int configCommand(const QString &verb, Arguments &args);
    int backupCommand(const QString &verb, Arguments &args);

private:
    QStringList names(Arguments &args, const QString &command, int count)
    {
        const QStringList words = args.positional().mid(2);
        if (words.size() != count)
            usageError(tr("%1: expected %2 argument(s), got %3")
                           .arg(command)
                           .arg(count)
                           .arg(words.size()));
        args.rejectUnused(command);
        return words;
    }
    void note(const QString &text) { m_err << tr("tandemctl: note: %1").arg(text) << Qt::endl; }

    QTextStream &m_out;
    QTextStream &m_err;
    ConfigDocument m_doc;
};

// --password-stdin of `pair add|set`: only with the OPC UA user name it is for.
bool takePasswordFlag(Arguments &args, const PairConfig &pair)
{
    const bool setPassword = args.has(QStringLiteral("password-stdin"));
    args.take(QStringLiteral("password-stdin"));
    if (setPassword && (pair.user.isEmpty() || pair.protocol != Protocol::OpcUa))
        usageError(tr("--password-stdin: it is the password of an OPC UA pair's user; give "
                      "the user name with --user"));
    return setPassword;
}

int Session::pairCommand(const QString &verb, Arguments &args)
{
    const QString command = QLatin1String("pair ") + verb;
    if (verb == QLatin1String("add")) {
        PairConfig pair;
        for (const char *option : {"protocol", "primary", "secondary", "listen"})
            if (!args.has(QLatin1String(option)))
                usageError(tr("%1: --%2 is required").arg(command, QLatin1String(option)));
        applyPairOptions(args, pair);
        const bool setPassword = takePasswordFlag(args, pair);
        pair.name = names(args, command, 1).at(0);
        load();
        check(m_doc.addPair(pair));
        QString stored;
        if (setPassword)
            stored = storePasswordFromStdin(m_doc.paths(), PasswordStore::opcUaKey(pair.user),
                                            tr("OPC UA password"));
        save();
        m_out << tr("added pair '%1' (disabled; enable it with: tandemctl pair enable %1)")
                     .arg(pair.name)
              << Qt::endl;
        if (setPassword)
            m_out << tr("OPC UA password for '%1' stored %2").arg(pair.user, stored) << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("set")) {
        PairConfig changes;
        const QStringList words = args.positional().mid(2);
        load();
        if (words.size() == 1)
            changes = pair(words.at(0));
        applyPairOptions(args, changes);
        const bool setPassword = takePasswordFlag(args, changes);
        const QString name = names(args, command, 1).at(0);
        check(m_doc.updatePair(name, changes));
        QString stored;
        if (setPassword)
            stored = storePasswordFromStdin(m_doc.paths(), PasswordStore::opcUaKey(changes.user),
                                            tr("OPC UA password"));
        save();
        m_out << tr("updated pair '%1'").arg(name) << Qt::endl;
        if (setPassword)
            m_out << tr("OPC UA password for '%1' stored %2").arg(changes.user, stored) << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("alias")) {
        const QString listen = args.required(QStringLiteral("listen"), command);
        const QStringList words = names(args, command, 2);
        load();
        check(m_doc.aliasPair(words[0], words[1], listen));
        save();
        m_out << tr("'%1' is now the alias '%2' on %3").arg(words[0], words[1], listen) << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("unalias")) {
        const QString name = names(args, command, 1).at(0);
        load();
        const QString original = pair(name).aliasOf;
        check(m_doc.unaliasPair(name));
        save();
        m_out << tr("'%1' is '%2' again").arg(name, original) << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("remove")) {
        const QString name = names(args, command, 1).at(0);
        load();
        check(m_doc.removePair(name));
        save();
        m_out << tr("removed pair '%1'").arg(name) << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("enable") || verb == QLatin1String("disable")) {
        const QString name = names(args, command, 1).at(0);
        load();
        check(m_doc.setEnabled(name, verb == QLatin1String("enable")));
        tellEngine();
        m_out << (verb == QLatin1String("enable") ? tr("enabled pair '%1'")
                                                  : tr("disabled pair '%1'"))
                     .arg(name)
              << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("switch")) {
        // The operator's pin (docs/failover-decision.md): held until auto or a loss.
        const QStringList words = names(args, command, 2);
        const QString &side = words.at(1);
        if (side != QLatin1String("primary") && side != QLatin1String("secondary") &&
            side != QLatin1String("auto"))
            usageError(tr("pair switch: '%1' is not primary, secondary or auto").arg(side));
        load();
        pair(words.at(0));
        const QString stateDir = m_doc.paths().stateDir;
        const auto answer =
            side == QLatin1String("auto")
                ? ControlClient::returnToAutomatic(stateDir, words.at(0))
                : ControlClient::switchTo(stateDir, words.at(0), *sideFromKey(side));
        if (!answer.reached)
            throw CtlError{1, tr("no engine runs '%1': %2").arg(words.at(0), answer.error)};
        if (!answer)
            throw CtlError{1, answer.error};
        m_out << (side == QLatin1String("auto")
                      ? tr("'%1' returned to automatic fail-over").arg(words.at(0))
                      : tr("'%1': the %2 machine is active, held by the operator until "
                           "'tandemctl pair switch %1 auto' or until it loses communication")
                            .arg(words.at(0), side))
              << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("list")) {
        const bool json = args.value(QStringLiteral("json")).has_value();
        names(args, command, 0);
        load();
        const Configuration &config = m_doc.configuration();
        if (json) {
            QJsonArray pairs;
            for (const PairConfig &p : config.pairs)
                pairs.append(pairToJson(p, m_doc.isEnabled(p.name)));
            m_out << QJsonDocument(pairs).toJson(QJsonDocument::Indented);
            return 0;
        }
        for (const PairConfig &p : config.pairs) {
            // A disabled pair still serves its clients, through its primary only.
            m_out << p.name << '\t'
                  << (m_doc.isEnabled(p.name) ? QStringLiteral("enabled")
                                              : tr("pass-through (redundancy disabled)"))
                  << '\t' << protocolKey(p.protocol) << '\t' << p.endpoint << '\t' << p.primary
                  << '\t' << p.secondary << '\t' << connectionModeKey(p.mode);
            if (p.isAlias())
                m_out << '\t' << tr("alias of %1").arg(p.aliasOf);
            m_out << Qt::endl;
        }
        return 0;
    }
    usageError(tr("unknown command: pair %1").arg(verb));
}

int Session::monitorCommand(const QString &verb, Arguments &args)
{
    const QString command = QLatin1String("monitor ") + verb;
    if (verb == QLatin1String("add")) {
        MonitorItem item;
        item.itemId = args.required(QStringLiteral("item"), command);
        if (const auto v = args.value(QStringLiteral("access-path")))
            item.accessPath = *v;
        if (const auto v = args.value(QStringLiteral("type"))) {
            const auto type = dataTypeFromName(*v);
            if (!type)
                usageError(tr("--type: '%1' is not one of Default, Boolean, Word, Short, DWord, "
                              "Long, Float, Double")
                               .arg(*v));
            item.dataType = *type;
        }
        if (const auto v = args.value(QStringLiteral("rate")))
            item.updateRateMs = parseInt(QStringLiteral("rate"), *v);
        const QString trigger = args.required(QStringLiteral("trigger"), command);
        const auto t = triggerFromKey(trigger);
        if (!t)
            usageError(tr("--trigger: '%1' is not bad-quality, value or no-change").arg(trigger));
        item.trigger = *t;
        const auto data = args.value(QStringLiteral("data"));
        item.triggerData = data.value_or(QString());
        if (item.trigger == Trigger::NoChange && data)
            parseInt(QStringLiteral("data"), *data);
        const QString name = names(args, command, 1).at(0);
        load();
        PairConfig p = pair(name);
        if (item.raiseNoChangePeriod())
            note(tr("the no-change period must be at least twice the update rate; it was set to %1 "
                    "ms")
                     .arg(item.triggerData));
        p.monitorItems.append(item);
        check(ConfigValidator::validateMonitorItem(
            p, item,
            ConfigValidator::pairField(name,
                                       QStringLiteral("monitor[%1]").arg(p.monitorItems.size()))));
        check(m_doc.updatePair(name, p));
        save();
        m_out << tr("added monitor item %1 to '%2' (%3 item(s), failure count %4)")
                     .arg(item.itemId, name)
                     .arg(p.monitorItems.size())
                     .arg(p.failureCount)
              << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("list")) {
        const QString name = names(args, command, 1).at(0);
        load();
        const PairConfig &p = pair(name);
        int index = 0;
        for (const MonitorItem &m : p.monitorItems)
            m_out << ++index << '\t' << m.itemId << '\t' << dataTypeName(m.dataType) << '\t'
                  << m.updateRateMs << '\t' << triggerKey(m.trigger) << '\t' << m.triggerData
                  << '\t' << m.accessPath << Qt::endl;
        m_out << tr("failure count: %1").arg(p.failureCount) << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("remove")) {
        const QStringList words = names(args, command, 2);
        const int index = parseInt(QStringLiteral("INDEX"), words[1]);
        load();
        PairConfig p = pair(words[0]);
        if (index < 1 || index > p.monitorItems.size())
            throw CtlError{1, tr("'%1' has %2 monitor item(s); there is no item %3")
                                  .arg(words[0])
                                  .arg(p.monitorItems.size())
                                  .arg(index)};
        p.monitorItems.removeAt(index - 1);
        if (p.failureCount > p.maxFailureCount()) {
            p.failureCount = p.maxFailureCount();
            note(tr("the failure count was lowered to %1, the number of items left")
                     .arg(p.failureCount));
        }
        check(m_doc.updatePair(words[0], p));
        save();
        m_out << tr("removed monitor item %1 from '%2'").arg(index).arg(words[0]) << Qt::endl;
        return 0;
    }
    usageError(tr("unknown command: monitor %1").arg(verb));
}

int Session::notifyCommand(const QString &verb, Arguments &args)
{
    const QString command = QLatin1String("notify ") + verb;
    if (verb == QLatin1String("test"))
        return notifyTest(args);
    if (verb == QLatin1String("retry")) {
        names(args, command, 0);
        const auto answer = ControlClient::retryMail(m_doc.paths().stateDir);
        if (!answer)
            throw CtlError{1, answer.error};
        m_out << tr("retrying the e-mail outbox now (%1 waiting)").arg(*answer) << Qt::endl;
        return 0;
    }
    if (verb != QLatin1String("set"))
        usageError(tr("unknown command: notify %1").arg(verb));
    load();
    NotificationSettings n = m_doc.configuration().notifications;
    if (const auto v = args.value(QStringLiteral("enable")))
        n.enabled = parseYesNo(QStringLiteral("enable"), *v);
    if (const auto v = args.value(QStringLiteral("primary-smtp")))
        n.primarySmtp = *v;
    if (const auto v = args.value(QStringLiteral("secondary-smtp")))
        n.secondarySmtp = *v;
    if (const auto v = args.value(QStringLiteral("from")))
        n.from = *v;
    if (args.has(QStringLiteral("to")))
        n.to = args.values(QStringLiteral("to"));
    if (const auto v = args.value(QStringLiteral("subject")))
        n.subject = *v;
    if (const auto v = args.value(QStringLiteral("header")))
        n.header = *v;
    if (const auto v = args.value(QStringLiteral("footer")))
        n.footer = *v;
    if (const auto v = args.value(QStringLiteral("allow-plaintext")))
        n.allowPlaintext = parseYesNo(QStringLiteral("allow-plaintext"), *v);
    if (const auto v = args.value(QStringLiteral("ca-file")))
        n.caFile = *v;
    if (const auto v = args.value(QStringLiteral("user")))
        n.user = *v;
    if (const auto v = args.value(QStringLiteral("retry-hours")))
        n.retryHours = parseInt(QStringLiteral("retry-hours"), *v);
    if (const auto v = args.value(QStringLiteral("batch-window")))
        n.batchWindowS = parseInt(QStringLiteral("batch-window"), *v);
    if (const auto v = args.value(QStringLiteral("timeout")))
        n.timeoutS = parseInt(QStringLiteral("timeout"), *v);
    if (const auto v = args.value(QStringLiteral("events"))) {
        n.allEvents = *v == QLatin1String("all");
        n.events.clear();
        if (!n.allEvents)
            for (const QString &id : v->split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                if (!EventCatalog::find(id.trimmed()))
                    usageError(tr("--events: '%1' is not a known event id").arg(id.trimmed()));
                n.events << id.trimmed();
            }
    }
    const bool setPassword = args.has(QStringLiteral("password-stdin"));
    args.take(QStringLiteral("password-stdin"));
    names(args, command, 0);
    if (setPassword && n.user.isEmpty())
        usageError(tr("--password-stdin: give the user name with --user first"));
    Configuration proposed = m_doc.configuration();
    proposed.notifications = n;
    check(ConfigValidator::validate(proposed)); // before the keychain is touched
    m_doc.setNotifications(n);
    QString stored;
    if (setPassword)
        stored = storePasswordFromStdin(m_doc.paths(), PasswordStore::smtpKey(n.user),
                                        tr("SMTP password"));
    save();
    m_out << tr("notification settings saved") << Qt::endl;
    if (setPassword)
        m_out << tr("SMTP password for '%1' stored %2").arg(n.user, stored) << Qt::endl;
    return 0;
}

int Session::notifyTest(Arguments &args)
{
    load();
    const std::optional<QString> connection = args.value(QStringLiteral("connection"));
    names(args, QStringLiteral("notify test"), 0);
    const NotificationSettings &n = m_doc.configuration().notifications;
    if (n.primarySmtp.isEmpty())
        throw CtlError{1, tr("no primary SMTP server is set (notify set --primary-smtp URL)")};
    QString password;
    const QString credentials = serviceCredentialsDir(m_doc.paths());
    if (!n.user.isEmpty() && !credentials.isEmpty()) {
        // The system service's password: what systemd will give it, decrypted as root.
        const QString key = PasswordStore::smtpKey(n.user);
        const QString file = QDir(credentials).filePath(ServiceCredentials::fileName(key));
        QString error;
        if (::geteuid() != 0)
            throw CtlError{1, tr("the system service's SMTP password is a systemd credential "
                                 "in %1, which only root may read: run this command with sudo")
                                  .arg(credentials)};
        if (!QFileInfo::exists(file))
            throw CtlError{1, tr("the system service has no SMTP password for '%1' (%2): set "
                                 "it with notify set --password-stdin")
                                  .arg(n.user, file)};
        const std::optional<QString> decrypted =
            ServiceCredentials::decrypt(key, file, systemdCredsProgram(), &error);
        if (!decrypted)
            throw CtlError{1,
                           tr("the SMTP password of '%1' cannot be read: %2").arg(n.user, error)};
        password = *decrypted;
    } else if (!n.user.isEmpty()) {
        const PasswordStore::Result r = PasswordStore::readBlocking(PasswordStore::smtpKey(n.user));
        if (!r.ok)
            throw CtlError{1,
                           tr("the SMTP password of '%1' cannot be read: %2").arg(n.user, r.error)};
        password = r.password;
    }
    QList<SmtpServer> servers = Mailer::servers(n, password);
    if (connection) {
        // Only the dialogue up to the point of sending: the console's "Test connection".
        const int index = *connection == QLatin1String("primary")     ? 0
                          : *connection == QLatin1String("secondary") ? 1
                                                                      : -1;
        if (index < 0)
            usageError(tr("--connection: '%1' is not primary or secondary").arg(*connection));
        if (index >= servers.size())
            throw CtlError{1, tr("no secondary SMTP server is set")};
        const SmtpResult r = SmtpClient().probe(servers.at(index));
        if (!r.ok)
            throw CtlError{1, tr("%1: %2").arg(servers.at(index).url, r.error)};
        m_out << tr("%1: connection, security and login work").arg(servers.at(index).url)
              << Qt::endl;
        return 0;
    }
    if (n.from.isEmpty() || n.to.isEmpty())
        throw CtlError{1, tr("a test mail needs a sender and at least one recipient "
                             "(notify set --from ADDR --to ADDR)")};
    const DeliveryReport report = Mailer::deliver(servers, n.from, n.to, Mailer::testMessage(n));
    for (const DeliveryReport::Try &t : report.tries) {
        if (t.result.ok)
            m_out << tr("%1: test mail accepted for %2").arg(t.url, n.to.join(QLatin1String(", ")))
                  << Qt::endl;
        else
            m_err << tr("tandemctl: %1: %2").arg(t.url, t.result.error) << Qt::endl;
        for (const QString &refused : t.result.refused)
            m_err << tr("tandemctl: %1: recipient refused: %2").arg(t.url, refused) << Qt::endl;
    }
    if (!report.ok())
        throw CtlError{1, tr("the test mail could not be sent")};
    return 0;
}

int Session::licenseCommand(const QString &verb, Arguments &args)
{
    const TandemPaths &paths = m_doc.paths();
    LicenseFile license({paths.stateDir, paths.machineIdFile});
    LicenseTransfer transfer(&license);
    QString report, error;
    // A transfer a crash interrupted is finished or undone before anything else (the
    // transfer steps do it themselves and report it).
    if (verb != QLatin1String("transfer")) {
        if (!transfer.recover(&report, &error))
            throw CtlError{1, error};
        if (!report.isEmpty())
            note(report);
    }
    const auto tellEngineLicense = [&] {
        if (!EngineSocket::isRunning(paths.stateDir))
            return;
        const auto answer = ControlClient::refreshLicense(paths.stateDir);
        if (answer.reached && !answer)
            m_err << tr("tandemctl: warning: the running engine was not told: %1").arg(answer.error)
                  << Qt::endl;
    };
    const QStringList words = args.positional().mid(2);
    if (verb == QLatin1String("status")) {
        const bool json = args.value(QStringLiteral("json")).has_value();
        names(args, QStringLiteral("license status"), 0);
        LicenseStatus s = license.status();
        s.pendingTransfer = transfer.pending();
        if (json) {
            m_out << QJsonDocument(s.toJson()).toJson(QJsonDocument::Indented);
            return 0;
        }
        m_out << s.summary() << Qt::endl;
        m_out << tr("Computer ID: %1").arg(s.computerId) << Qt::endl;
        if (s.serial)
            m_out << tr("Serial: %1").arg(s.serialText) << Qt::endl;
        if (!s.problem.isEmpty())
            m_err << tr("tandemctl: %1").arg(s.problem) << Qt::endl;
        if (!s.pendingTransfer.isEmpty())
            m_err << tr("tandemctl: %1").arg(s.pendingTransfer) << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("serial") || verb == QLatin1String("unlock")) {
        const QString value = names(args, QLatin1String("license ") + verb, 1).constFirst();
        const bool ok = verb == QLatin1String("serial") ? license.enterSerial(value, &error)
                                                        : license.unlock(value, &error);
        if (!ok)
            throw CtlError{1, error};
        tellEngineLicense();
        m_out << license.status().summary() << Qt::endl;
        return 0;
    }
    if (verb != QLatin1String("transfer"))
        usageError(tr("unknown command: license %1").arg(verb));
    if (words.isEmpty())
        usageError(tr("license transfer needs prepare, out or in"));
    const QString step = words.constFirst();
    const QString command = QLatin1String("license transfer ") + step;
    if (step == QLatin1String("out") && args.has(QStringLiteral("abort"))) {
        args.take(QStringLiteral("abort"));
        names(args, command, 1);
        if (!transfer.abortOut(&error))
            throw CtlError{1, error};
        tellEngineLicense();
        m_out << tr("transfer cancelled; the license stays on this computer") << Qt::endl;
        return 0;
    }
    const std::optional<QString> media = args.value(QStringLiteral("media"));
    names(args, command, 1);
    if (!media)
        usageError(tr("%1: --media DIR is required").arg(command));
    bool ok = false;
    QString done;
    const auto noteRecovery = [&] {
        if (!transfer.lastReport().isEmpty())
            note(transfer.lastReport());
    };
    if (step == QLatin1String("prepare")) {
        ok = transfer.prepare(*media, &error);
        done = tr("media prepared for this computer (%1); take it to the source computer")
                   .arg(license.status().computerId);
    } else if (step == QLatin1String("out")) {
        ok = transfer.out(*media, &error);
        done = tr("the license is on the media and no longer on this computer; take the media "
                  "to the target computer");
    } else if (step == QLatin1String("in")) {
        ok = transfer.in(*media, &error);
        done = tr("license installed: %1").arg(license.status().summary());
    } else {
        usageError(tr("unknown command: %1").arg(command));
    }
    noteRecovery();
    if (!ok)
        throw CtlError{1, error};
    tellEngineLicense();
    m_out << done << Qt::endl;
    return 0;
}

int Session::diagnosticsCommand(const QString &verb, Arguments &args)
{
    const QString command = QLatin1String("diagnostics ") + verb;
    if (verb != QLatin1String("set"))
        usageError(tr("unknown command: diagnostics %1").arg(verb));
    load();
    DiagnosticsSettings d = m_doc.configuration().diagnostics;
    if (const auto v = args.value(QStringLiteral("preserve")))
        d.preserveEvents = parseYesNo(QStringLiteral("preserve"), *v);
    if (const auto v = args.value(QStringLiteral("max-events")))
        d.maxEvents = parseInt(QStringLiteral("max-events"), *v);
    names(args, command, 0);
    m_doc.setDiagnostics(d);
    save();
    m_out << tr("diagnostics settings saved") << Qt::endl;
    return 0;
}

int Session::statusCommand(Arguments &args)
{
    const bool json = args.value(QStringLiteral("json")).has_value();
    const QStringList words = args.positional().mid(1);
    if (!words.isEmpty())
        usageError(tr("status takes no arguments"));
    args.rejectUnused(QStringLiteral("status"));
    const auto answer = ControlClient::status(m_doc.paths().stateDir);
    if (!answer)
        throw CtlError{1, answer.error};
    if (json) {
        m_out << QJsonDocument(answer->json).toJson(QJsonDocument::Indented);
        return 0;
    }
    const EngineStatus &engine = answer->engine;
    m_out << tr("engine: %1 (pid %2)").arg(engine.process).arg(engine.pid) << Qt::endl;
    if (engine.pairs.isEmpty())
        m_out << tr("no pair is running (enable one with: tandemctl pair enable NAME)") << Qt::endl;
    for (const PairStatus &p : engine.pairs) {
        m_out << p.name << '\t' << tr("active: %1").arg(describeActive(p)) << '\t'
              << tr("fail-overs: %1").arg(p.failovers) << '\t' << tr("clients: %1").arg(p.clients)
              << '\t' << p.listen << Qt::endl;
        if (!p.lastSwitchReason.isEmpty())
            m_out << "  " << tr("last switch: %1").arg(p.lastSwitchReason) << Qt::endl;
        for (Side side : {Side::Primary, Side::Secondary})
            m_out << "  " << sideKey(side) << '\t' << p.side(side).machine << '\t'
                  << describeHealth(p.side(side)) << Qt::endl;
    }
    const QJsonObject &mail = answer->notifications;
    if (!mail.isEmpty())
        m_out << tr("e-mail outbox: %1 waiting; next through the %2 SMTP server%3")
                     .arg(mail[QLatin1String("outbox")].toInt())
                     .arg(mail[QLatin1String("preferred")].toString(),
                          mail[QLatin1String("failing")].toBool() ? tr(" (both failed last time)")
                                                                  : QString())
              << Qt::endl;
    return 0;
}

int Session::eventsCommand(const QString &verb, Arguments &args)
{
    const QString command = QLatin1String("events ") + verb;
    const QString stateDir = m_doc.paths().stateDir;
    const bool engineRunning = EngineSocket::isRunning(stateDir);
    QString error;
    if (verb == QLatin1String("reset")) {
        names(args, command, 0);
        // The running engine owns its queue of uncommitted events: it must reset them too.
        if (engineRunning) {
            const auto answer = ControlClient::resetEvents(stateDir);
            if (!answer)
                throw CtlError{1, answer.error};
        } else {
            EventStore store(stateDir);
            QString notice;
            if (!store.open(&notice, &error) || !store.reset(&error))
                throw CtlError{1, error};
        }
        m_out << tr("event history cleared") << Qt::endl;
        return 0;
    }
    if (verb != QLatin1String("export"))
        usageError(tr("unknown command: events %1").arg(verb));
    const QString file = names(args, command, 1).at(0);
    ControlClient::flushEvents(stateDir); // what an engine has queued belongs in the export
    EventStore store(stateDir);
    QString notice;
    if (!store.open(&notice, &error))
        throw CtlError{1, error};
    if (!notice.isEmpty())
        m_err << tr("tandemctl: warning: %1: %2").arg(store.filePath(), notice) << Qt::endl;
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        throw CtlError{1, tr("cannot write %1: %2").arg(file, out.errorString())};
    const QList<Event> events = store.read();
    for (const Event &e : events)
        out.write(e.toLine().toUtf8() + '\n');
    if (!out.commit())
        throw CtlError{1, tr("cannot write %1: %2").arg(file, out.errorString())};
    m_out << tr("%1 event(s) written to %2").arg(events.size()).arg(file) << Qt::endl;
    return 0;
}

int Session::configCommand(const QString &verb, Arguments &args)
{
    if (verb != QLatin1String("check"))
        usageError(tr("unknown command: config %1").arg(verb));
    names(args, QStringLiteral("config check"), 0);
    load();
    m_out << tr("%1: OK, %2 pair(s)").arg(m_doc.filePath()).arg(m_doc.configuration().pairs.size())
          << Qt::endl;
    return 0;
}

int Session::backupCommand(const QString &verb, Arguments &args)
{
    const QString command = QLatin1String("backup ") + verb;
    const TandemPaths &paths = m_doc.paths();
    QString error;
    if (verb == QLatin1String("set")) {
        load();
        BackupSettings b = m_doc.configuration().backup;
        if (const auto v = args.value(QStringLiteral("enable")))
            b.enabled = parseYesNo(QStringLiteral("enable"), *v);
        if (const auto v = args.value(QStringLiteral("interval-hours")))
            b.intervalHours = parseInt(QStringLiteral("interval-hours"), *v);
        if (const auto v = args.value(QStringLiteral("retention-days")))
            b.retentionDays = parseInt(QStringLiteral("retention-days"), *v);
        if (const auto v = args.value(QStringLiteral("to")))
            b.directory = v->isEmpty() ? QString() : QFileInfo(*v).absoluteFilePath();
        names(args, command, 0);
        m_doc.setBackup(b);
        save();
        m_out << (b.enabled ? QCoreApplication::translate(
                                  "tandemctl", "scheduled backups every %n hour(s) into %1",
                                  nullptr, b.intervalHours)
                                  .arg(b.directory.isEmpty() ? BackupArchive::defaultDir(paths)
                                                             : b.directory)
                            : tr("scheduled backups are off"))
              << Qt::endl;
        return 0;
    }
    // --to, else the folder of the scheduled backups (even of a configuration that has
    // problems: a backup is what one wants then), else STATE-DIR/backups.
    const auto backupDir = [&] {
        if (const auto to = args.value(QStringLiteral("to")))
            return *to;
        m_doc.load();
        const QString configured = m_doc.configuration().backup.directory;
        return configured.isEmpty() ? BackupArchive::defaultDir(paths) : configured;
    };
    if (verb == QLatin1String("create")) {
        const QString dir = backupDir();
        names(args, command, 0);
        ControlClient::flushEvents(paths.stateDir);
        const std::optional<QString> archive = BackupArchive::create(paths, dir, &error);
        if (!archive)
            throw CtlError{1, error};
        m_out << tr("backup written to %1").arg(*archive) << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("list")) {
        const QString dir = backupDir();
        const bool json = args.value(QStringLiteral("json")).has_value();
        names(args, command, 0);
        const QList<BackupInfo> backups = BackupArchive::list(dir);
        if (json) {
            QJsonArray list;
            for (const BackupInfo &b : backups) {
                QJsonArray files;
                for (const BackupFile &f : b.files)
                    files.append(QJsonObject{{QStringLiteral("name"), f.name},
                                             {QStringLiteral("size"), f.size},
                                             {QStringLiteral("sha256"), f.sha256}});
                QJsonObject o{{QStringLiteral("file"), b.path}, {QStringLiteral("size"), b.size}};
                if (b.isBroken()) {
                    o.insert(QStringLiteral("broken"), true);
                    o.insert(QStringLiteral("problem"), b.problem);
                } else {
                    o.insert(QStringLiteral("broken"), false);
                    o.insert(QStringLiteral("created"), b.created.toString(Qt::ISODate));
                    o.insert(QStringLiteral("host"), b.host);
                    o.insert(QStringLiteral("files"), files);
                }
                list.append(o);
            }
            m_out << QJsonDocument(list).toJson(QJsonDocument::Indented);
            return 0;
        }
        if (backups.isEmpty())
            m_out << tr("no backups in %1 (make one with: tandemctl backup create)").arg(dir)
                  << Qt::endl;
        for (const BackupInfo &b : backups) {
            if (b.isBroken()) {
                m_out << b.path << '\t' << tr("BROKEN: %1").arg(b.problem) << Qt::endl;
                continue;
            }
            QStringList files;
            for (const BackupFile &f : b.files)
                files << f.name;
            m_out << b.path << '\t' << b.created.toString(Qt::ISODate) << '\t'
                  << tr("%1 bytes").arg(b.size) << '\t' << b.host << '\t'
                  << files.join(QLatin1Char(',')) << Qt::endl;
        }
        return 0;
    }
    if (verb != QLatin1String("restore"))
        usageError(tr("unknown command: backup %1").arg(verb));
    const QString file = names(args, command, 1).at(0);
    QStringList report;
    const bool ok = BackupArchive::restore(file, paths, &report, &error);
    for (const QString &line : std::as_const(report))
        m_out << line << Qt::endl;
    if (!ok)
        throw CtlError{1, error};
    m_out << tr("restored from %1").arg(file) << Qt::endl;
    return 0;
}

// `service install|uninstall|status`: the engine as a systemd service. System scope needs
// root: tandemctl runs itself again through pkexec (the polkit prompt) unless --root puts
// the files elsewhere.
int serviceCommand(QTextStream &out, QTextStream &err, const TandemPaths &paths,
                   const QString &verb, Arguments &args)
{
    const QString command = QLatin1String("service ") + verb;
    const ServiceInstaller installer(paths);
    if (verb == QLatin1String("status")) {
        const bool json = args.value(QStringLiteral("json")).has_value();
        const QString root = args.value(QStringLiteral("root")).value_or(QString());
        if (args.positional().size() != 2)
            usageError(tr("%1 takes no arguments").arg(command));
        args.rejectUnused(command);
        const bool systemd = installer.tools().systemdRunning();
        const ServiceState scopes[] = {installer.state(ServiceScope::System, root),
                                       installer.state(ServiceScope::User, root)};
        if (json) {
            QJsonObject o{{QStringLiteral("systemd"), systemd}};
            for (const ServiceState &s : scopes)
                o.insert(serviceScopeKey(s.scope), s.toJson());
            out << QJsonDocument(o).toJson(QJsonDocument::Indented);
            return 0;
        }
        out << (systemd ? tr("systemd: running") : tr("systemd: not running on this machine"))
            << Qt::endl;
        for (const ServiceState &s : scopes) {
            const QString scope =
                s.scope == ServiceScope::System ? tr("system service") : tr("user service");
            if (!s.installed) {
                out << tr("%1: not installed (%2)").arg(scope, s.unitPath) << Qt::endl;
                continue;
            }
            QString line = tr("%1: installed (%2)").arg(scope, s.unitPath);
            if (!s.enabled.isEmpty())
                line += QStringLiteral(", ") + s.enabled;
            if (!s.active.isEmpty())
                line += QStringLiteral(", ") + s.active;
            if (s.mainPid > 0)
                line += QStringLiteral(", ") + tr("pid %1").arg(s.mainPid);
            out << line << Qt::endl;
        }
        return 0;
    }
    if (verb != QLatin1String("install") && verb != QLatin1String("uninstall"))
        usageError(tr("unknown command: service %1").arg(verb));
    const bool user = args.value(QStringLiteral("user")).has_value();
    const bool system = args.value(QStringLiteral("system")).has_value();
    if (user && system)
        usageError(tr("%1: --system or --user, not both").arg(command));
    const ServiceScope scope = user ? ServiceScope::User : ServiceScope::System;
    ServiceInstaller::Options options;
    options.root = args.value(QStringLiteral("root")).value_or(QString());
    if (!options.root.isEmpty())
        options.root = QFileInfo(options.root).absoluteFilePath();
    if (verb == QLatin1String("install")) {
        options.unitOnly = args.value(QStringLiteral("unit-only")).has_value();
        options.force = args.value(QStringLiteral("force")).has_value();
    }
    if (args.positional().size() != 2)
        usageError(tr("%1 takes no arguments").arg(command));
    args.rejectUnused(command);

    // PKEXEC_UID: this is the run pkexec made; never ask twice.
    if (scope == ServiceScope::System && options.root.isEmpty() &&
        !ServiceInstaller::runningAsRoot() && qEnvironmentVariableIsEmpty("PKEXEC_UID")) {
        if (installer.tools().pkexec.isEmpty())
            throw CtlError{1, tr("a system service needs administrator rights and pkexec is not "
                                 "installed: run 'sudo tandemctl service %1 --system', or use "
                                 "--user for a service of your own")
                                  .arg(verb)};
        QStringList again{QCoreApplication::applicationFilePath(),
                          QStringLiteral("--config"),
                          paths.configFile,
                          QStringLiteral("--state-dir"),
                          paths.stateDir,
                          QStringLiteral("service"),
                          verb,
                          QStringLiteral("--system")};
        if (options.unitOnly)
            again << QStringLiteral("--unit-only");
        if (options.force)
            again << QStringLiteral("--force");
        err << tr("tandemctl: note: a system service needs administrator rights; asking through "
                  "pkexec")
            << Qt::endl;
        out.flush();
        err.flush();
        QProcess pkexec;
        pkexec.setProcessChannelMode(QProcess::ForwardedChannels);
        pkexec.setInputChannelMode(QProcess::ForwardedInputChannel);
        pkexec.start(installer.tools().pkexec, again);
        if (!pkexec.waitForStarted() || !pkexec.waitForFinished(-1))
            throw CtlError{
                1, tr("cannot run %1: %2").arg(installer.tools().pkexec, pkexec.errorString())};
        // pkexec: 126 the prompt was dismissed, 127 not authorized.
        if (pkexec.exitCode() == 126 || pkexec.exitCode() == 127)
            throw CtlError{1, tr("not authorized (the administrator prompt was dismissed or "
                                 "refused); nothing was changed")};
        return pkexec.exitCode();
    }

    QStringList report;
    QString error;
    bool ok;
    if (verb == QLatin1String("install"))
        ok = installer.install(scope, options, &report, &error) == ServiceInstaller::Result::Done;
    else
        ok = installer.uninstall(scope, options.root, &report, &error);
    for (const QString &line : std::as_const(report))
        out << line << Qt::endl;
    if (!ok)
        throw CtlError{1, error};
    return 0;
}

// The command word, found before the options are parsed: `service` reads --user as a
// flag where `pair set` and `notify set` read it as a user name.
QString commandWord(const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (!a.startsWith(QLatin1String("--")))
            return a;
        if (!a.contains(QLatin1Char('=')) &&
            (a == QLatin1String("--config") || a == QLatin1String("--state-dir")
#if TANDEM_HAS_TEST_HOOKS
             || a == QLatin1String("--machine-id-file")
#endif
                 ))
            ++i;
    }
    return {};
}

} // namespace

QString CtlCommand::usage()
{
    return tr("Usage: tandemctl [--config FILE] [--state-dir DIR] COMMAND\n"
              "\n"
              "  pair add NAME --protocol modbus-tcp|opcua --primary HOST[:PORT] --secondary "
              "HOST[:PORT]\n"
              "           --listen ADDR:PORT|URL [--mode cold|warm|hot] [--reconnect-primary "
              "yes|no]\n"
              "           [--status-interval MS] [--status-timeout MS] [--failure-count N]\n"
              "           [--failback-holdoff MS] [--failure-persistence N] [--status-item REF]\n"
              "           [--write-replay yes|no]\n"
              "           [--server-connections shared|per-client]  (Modbus TCP)\n"
              "           [--client-limit N] [--requests-per-client N] [--output-per-client "
              "BYTES]\n"
              "           [--user NAME [--password-stdin]]  (OPC UA; the password to the "
              "keychain)\n"
              "           [--max-sessions N] [--max-sessions-per-address N] [--handshake-timeout "
              "MS]\n"
              "           [--idle-timeout MS] [--activation-timeout MS] [--login-attempts N]\n"
              "           [--login-lockout MS] [--max-subscriptions N] [--max-monitored-items N]\n"
              "           [--max-message-size BYTES]  (OPC UA client limits)\n"
              "  pair set NAME [any option of pair add]\n"
              "  pair alias NAME NEW_NAME --listen ADDR:PORT|URL    pair unalias NAME\n"
              "  pair remove NAME    pair enable NAME    pair disable NAME    pair list [--json]\n"
              "  pair switch NAME primary|secondary|auto   (the operator's hold; auto ends it)\n"
              "  monitor add NAME --item ID [--access-path P] [--type T] [--rate MS]\n"
              "              --trigger bad-quality|value|no-change [--data VALUE]\n"
              "  monitor list NAME    monitor remove NAME INDEX\n"
              "  notify set [--enable yes|no] [--primary-smtp URL] [--secondary-smtp URL] [--from "
              "ADDR]\n"
              "             [--to ADDR]... [--subject S] [--header H] [--footer F] [--events "
              "all|ID,...]\n"
              "             [--allow-plaintext yes|no] [--ca-file FILE] [--user NAME] "
              "[--password-stdin]\n"
              "             [--retry-hours H] [--batch-window S] [--timeout S]\n"
              "  notify test [--connection primary|secondary]    notify retry  (the outbox, now)\n"
              "  diagnostics set [--preserve yes|no] [--max-events N]\n"
              "  license status [--json] | serial S | unlock PASSWORD\n"
              "  license transfer prepare|out|in --media DIR    license transfer out --abort\n"
              "  config check\n"
              "  status [--json]      (live state from the running engine)\n"
              "  events export FILE    events reset\n"
              "  backup create [--to DIR]   (tandem.xml, events and outbox; default DIR: the\n"
              "                scheduled backups' folder, else STATE-DIR/backups)\n"
              "  backup list [--to DIR] [--json]\n"
              "  backup set [--enable yes|no] [--interval-hours N] [--retention-days N] [--to "
              "DIR]\n"
              "  backup restore FILE   (engine stopped; every pair starts disabled)\n"
              "  service install [--system|--user] [--unit-only] [--root DIR] [--force]\n"
              "                 tandemd as a systemd service: --system (default; all users, at "
              "boot,\n"
              "                 /etc/tandem and /var/lib/tandem, asks for administrator rights) "
              "or\n"
              "                 --user (at your login, your own files); --unit-only writes the "
              "unit\n"
              "                 file only; --force replaces a different unit (kept as .bak)\n"
              "  service uninstall [--system|--user] [--root DIR]   (configuration and state "
              "stay)\n"
              "  service status [--json]\n"
              "\n"
              "Environment: TANDEM_CONFIG and TANDEM_STATE_DIR stand in for --config and "
              "--state-dir.\n")
#if TANDEM_HAS_TEST_HOOKS
           + tr("Test hooks (this build has them; a release build does not):\n"
                "--machine-id-file FILE stands in for /etc/machine-id (tests: two computers on "
                "one), as does TANDEM_MACHINE_ID_FILE; TANDEM_SYSTEMCTL, TANDEM_PKEXEC, "
                "TANDEM_GROUPADD, TANDEM_SYSTEMD_RUNTIME_DIR (/run/systemd/system) and "
                "TANDEM_TANDEMD stand in for the programs and paths of service install.\n")
#endif
        ;
}

int CtlCommand::run(const QStringList &arguments)
{
    try {
        QStringList flags{QStringLiteral("json"), QStringLiteral("password-stdin"),
                          QStringLiteral("help"), QStringLiteral("abort")};
        if (commandWord(arguments) == QLatin1String("service"))
            flags << QStringLiteral("system") << QStringLiteral("user")
                  << QStringLiteral("unit-only") << QStringLiteral("force");
        Arguments args(arguments, flags);
        if (args.has(QStringLiteral("help")) || args.positional().isEmpty()) {
            (args.has(QStringLiteral("help")) ? m_out : m_err) << usage();
            return args.has(QStringLiteral("help")) ? 0 : 2;
        }
#if TANDEM_HAS_TEST_HOOKS
        const QString machineIdFile =
            args.value(QStringLiteral("machine-id-file")).value_or(QString());
#else
        const QString machineIdFile;
#endif
        const TandemPaths paths = TandemPaths::resolve(
            args.value(QStringLiteral("config")).value_or(QString()),
            args.value(QStringLiteral("state-dir")).value_or(QString()), machineIdFile);
        const QStringList words = args.positional();
        const QString group = words.at(0);
        if (group == QLatin1String("status"))
            return Session(m_out, m_err, paths).statusCommand(args);
        if (words.size() < 2)
            usageError(tr("'%1' needs a subcommand; see tandemctl --help").arg(group));
        const QString verb = words.at(1);
        Session session(m_out, m_err, paths);
        if (group == QLatin1String("pair"))
            return session.pairCommand(verb, args);
        if (group == QLatin1String("monitor"))
            return session.monitorCommand(verb, args);
        if (group == QLatin1String("notify"))
            return session.notifyCommand(verb, args);
        if (group == QLatin1String("diagnostics"))
            return session.diagnosticsCommand(verb, args);
        if (group == QLatin1String("config"))
            return session.configCommand(verb, args);
        if (group == QLatin1String("events"))
            return session.eventsCommand(verb, args);
        if (group == QLatin1String("license"))
            return session.licenseCommand(verb, args);
        if (group == QLatin1String("backup"))
            return session.backupCommand(verb, args);
        if (group == QLatin1String("service"))
            return serviceCommand(m_out, m_err, paths, verb, args);
        usageError(tr("unknown command '%1'; see tandemctl --help").arg(group));
    } catch (const CtlError &error) {
        m_err << QStringLiteral("tandemctl: ") << error.message << Qt::endl;
        if (error.exitCode == 2)
            m_err << tr("Run 'tandemctl --help' for the commands and options.") << Qt::endl;
        return error.exitCode;
    }
}

} // namespace tandem
