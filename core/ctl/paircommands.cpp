// `pair add|set|alias|unalias|remove|enable|disable|switch|list`: the pairs in tandem.xml.
#include "arguments.h"
#include "commanderror.h"
#include "commands.h"
#include "passwordinput.h"
#include "session.h"

#include "host/controlclient.h"
#include "secrets/passwordstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tandem::ctl {

namespace {

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

// --security, --primary-security, --secondary-security, --listen-security,
// --primary-certificate, --secondary-certificate, --allow-deprecated, --waive-host-name.
void applyOpcUaSecurityOptions(Arguments &args, PairConfig &pair)
{
    OpcUaSecurity &s = pair.opcuaSecurity;
    bool given = false;
    auto setting = [&](const char *option) -> std::optional<UaSecuritySetting> {
        const auto v = args.value(QLatin1String(option));
        if (!v)
            return std::nullopt;
        given = true;
        QString error;
        const auto parsed = UaSecuritySetting::parse(*v, &error);
        if (!parsed)
            usageError(QStringLiteral("--%1: %2").arg(QLatin1String(option), error));
        return parsed;
    };
    if (const auto both = setting("security"))
        s.primary.setting = s.secondary.setting = *both;
    if (const auto primary = setting("primary-security"))
        s.primary.setting = *primary;
    if (const auto secondary = setting("secondary-security"))
        s.secondary.setting = *secondary;
    for (const bool secondary : {false, true}) {
        const QString option = secondary ? QStringLiteral("secondary-certificate")
                                         : QStringLiteral("primary-certificate");
        if (const auto v = args.value(option)) {
            given = true;
            OpcUaSecurity::Link &link = secondary ? s.secondary : s.primary;
            link.serverCertificate = *v == QLatin1String("none") ? QString() : v->toUpper();
        }
    }
    if (const auto v = args.value(QStringLiteral("listen-security"))) {
        given = true;
        QString error;
        const auto parsed = parseUaSecuritySettings(*v, &error);
        if (!parsed)
            usageError(QStringLiteral("--listen-security: %1").arg(error));
        s.listen = *parsed;
    }
    if (const auto v = args.value(QStringLiteral("allow-deprecated"))) {
        given = true;
        s.allowDeprecated = parseYesNo(QStringLiteral("allow-deprecated"), *v);
    }
    if (const auto v = args.value(QStringLiteral("waive-host-name"))) {
        given = true;
        s.waiveHostName = parseYesNo(QStringLiteral("waive-host-name"), *v);
    }
    if (given && pair.protocol != Protocol::OpcUa)
        usageError(tr("security policies are for OPC UA pairs; this pair is Modbus TCP"));
}

QJsonObject opcuaSecurityToJson(const OpcUaSecurity &s)
{
    auto link = [](const OpcUaSecurity::Link &l) {
        return QJsonObject{{QStringLiteral("security"), l.setting.toString()},
                           {QStringLiteral("certificate"), l.serverCertificate}};
    };
    QJsonArray listen;
    for (const UaSecuritySetting &offered : s.listen)
        listen.append(offered.toString());
    return {{QStringLiteral("primary"), link(s.primary)},
            {QStringLiteral("secondary"), link(s.secondary)},
            {QStringLiteral("listen"), listen},
            {QStringLiteral("allow-deprecated"), s.allowDeprecated},
            {QStringLiteral("waive-host-name"), s.waiveHostName}};
}

// The identity options (OPC UA): who may log on to the endpoint, and the engine's user on
// each server. A pair without identity settings gets them written once one is changed.
struct IdentityFlag
{
    const char *option;
    bool OpcUaIdentity::*field;
};
constexpr IdentityFlag IdentityFlags[] = {
    {"anonymous", &OpcUaIdentity::anonymous},
    {"opcua-users", &OpcUaIdentity::storeUsers},
    {"pair-user", &OpcUaIdentity::pairUser},
    {"user-certificates", &OpcUaIdentity::certificates},
    {"clear-text-passwords", &OpcUaIdentity::clearTextFromClients},
    {"clear-text-to-servers", &OpcUaIdentity::clearTextToServers},
};

void applyIdentityOptions(Arguments &args, PairConfig &pair)
{
    OpcUaIdentity identity = pair.identity();
    bool changed = false;
    const auto onlyOpcUa = [&](const QString &option) {
        if (pair.protocol != Protocol::OpcUa)
            usageError(tr("--%1: a setting of OPC UA pairs; this pair is Modbus TCP").arg(option));
        changed = true;
    };
    for (const IdentityFlag &f : IdentityFlags) {
        const QString option = QLatin1String(f.option);
        if (const auto v = args.value(option)) {
            onlyOpcUa(option);
            identity.*(f.field) = parseYesNo(option, *v);
        }
    }
    if (const auto v = args.value(QStringLiteral("primary-user"))) {
        onlyOpcUa(QStringLiteral("primary-user"));
        identity.primaryUser = *v;
    }
    if (const auto v = args.value(QStringLiteral("secondary-user"))) {
        onlyOpcUa(QStringLiteral("secondary-user"));
        identity.secondaryUser = *v;
    }
    if (changed)
        pair.opcuaIdentity = identity;
}

QJsonObject identityToJson(const PairConfig &pair)
{
    const OpcUaIdentity identity = pair.identity();
    QJsonObject o;
    for (const IdentityFlag &f : IdentityFlags)
        o.insert(QLatin1String(f.option), identity.*(f.field));
    o.insert(QStringLiteral("primary-user"), identity.serverUser(0, pair.user));
    o.insert(QStringLiteral("secondary-user"), identity.serverUser(1, pair.user));
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
    // Client limits.
    if (const auto v = args.value(QStringLiteral("client-limit")))
        pair.clientLimit = parseInt(QStringLiteral("client-limit"), *v);
    if (const auto v = args.value(QStringLiteral("requests-per-client")))
        pair.requestsPerClient = parseInt(QStringLiteral("requests-per-client"), *v);
    if (const auto v = args.value(QStringLiteral("output-per-client")))
        pair.outputPerClientBytes = parseInt(QStringLiteral("output-per-client"), *v);
    if (const auto v = args.value(QStringLiteral("user")))
        pair.user = *v;
    applyOpcUaLimitOptions(args, pair);
    applyOpcUaSecurityOptions(args, pair);
    applyIdentityOptions(args, pair);
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
    if (p.protocol == Protocol::OpcUa) {
        o.insert(QStringLiteral("opcua-limits"), opcuaLimitsToJson(p.opcuaLimits));
        o.insert(QStringLiteral("opcua-identity"), identityToJson(p));
        o.insert(QStringLiteral("opcua-security"), opcuaSecurityToJson(p.opcuaSecurity));
    }
    return o;
}

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

// --primary-password-stdin or --secondary-password-stdin: the password the engine logs in
// with on that server only (one line of standard input, so one of them per command).
std::optional<Side> takeSidePasswordFlag(Arguments &args, const PairConfig &pair, bool pairPassword)
{
    std::optional<Side> side;
    for (const Side s : {Side::Primary, Side::Secondary}) {
        const QString flag = sideKey(s) + QStringLiteral("-password-stdin");
        if (!args.has(flag))
            continue;
        args.take(flag);
        if (side || pairPassword)
            usageError(tr("--%1: standard input holds one password; set the others with another "
                          "command")
                           .arg(flag));
        if (pair.protocol != Protocol::OpcUa ||
            pair.identity().serverUser(s == Side::Primary ? 0 : 1, pair.user).isEmpty())
            usageError(tr("--%1: it is the password of the OPC UA user the engine logs in with "
                          "on the %2 server; give the user with --%2-user or --user")
                           .arg(flag, sideKey(s)));
        side = s;
    }
    return side;
}

// Stores the password of takeSidePasswordFlag(); returns where it went.
QString storeSidePassword(Session &session, const PairConfig &pair, Side side)
{
    return storePasswordFromStdin(session.paths(),
                                  PasswordStore::opcUaServerKey(pair.name, sideKey(side)),
                                  tr("OPC UA password for the %1 server").arg(sideKey(side)));
}

} // namespace

int pairCommand(Session &session, const QString &verb, Arguments &args)
{
    QTextStream &out = session.out();
    ConfigDocument &doc = session.doc();
    const QString command = QLatin1String("pair ") + verb;
    if (verb == QLatin1String("add")) {
        PairConfig pair;
        for (const char *option : {"protocol", "primary", "secondary", "listen"})
            if (!args.has(QLatin1String(option)))
                usageError(tr("%1: --%2 is required").arg(command, QLatin1String(option)));
        if (const auto v = args.value(QStringLiteral("protocol"));
            v && protocolFromKey(*v) == Protocol::OpcUa)
            pair.opcuaIdentity = OpcUaIdentity(); // a new pair: no anonymous clients
        applyPairOptions(args, pair);
        const bool setPassword = takePasswordFlag(args, pair);
        const auto sidePassword = takeSidePasswordFlag(args, pair, setPassword);
        pair.name = session.names(args, command, 1).at(0);
        session.load();
        session.check(doc.addPair(pair));
        QString stored;
        if (setPassword)
            stored = storePasswordFromStdin(doc.paths(), PasswordStore::opcUaKey(pair.user),
                                            tr("OPC UA password"));
        if (sidePassword)
            stored = storeSidePassword(session, pair, *sidePassword);
        session.save();
        out << tr("added pair '%1' (disabled; enable it with: tandemctl pair enable %1)")
                   .arg(pair.name)
            << Qt::endl;
        if (setPassword)
            out << tr("OPC UA password for '%1' stored %2").arg(pair.user, stored) << Qt::endl;
        if (sidePassword)
            out << tr("OPC UA password for the %1 server stored %2")
                       .arg(sideKey(*sidePassword), stored)
                << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("set")) {
        PairConfig changes;
        const QStringList words = args.positional().mid(2);
        session.load();
        if (words.size() == 1)
            changes = session.pair(words.at(0));
        applyPairOptions(args, changes);
        const bool setPassword = takePasswordFlag(args, changes);
        const auto sidePassword = takeSidePasswordFlag(args, changes, setPassword);
        const QString name = session.names(args, command, 1).at(0);
        session.check(doc.updatePair(name, changes));
        QString stored;
        if (setPassword)
            stored = storePasswordFromStdin(doc.paths(), PasswordStore::opcUaKey(changes.user),
                                            tr("OPC UA password"));
        if (sidePassword) {
            changes.name = name;
            stored = storeSidePassword(session, changes, *sidePassword);
        }
        session.save();
        out << tr("updated pair '%1'").arg(name) << Qt::endl;
        if (setPassword)
            out << tr("OPC UA password for '%1' stored %2").arg(changes.user, stored) << Qt::endl;
        if (sidePassword)
            out << tr("OPC UA password for the %1 server stored %2")
                       .arg(sideKey(*sidePassword), stored)
                << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("alias")) {
        const QString listen = args.required(QStringLiteral("listen"), command);
        const QStringList words = session.names(args, command, 2);
        session.load();
        session.check(doc.aliasPair(words[0], words[1], listen));
        session.save();
        out << tr("'%1' is now the alias '%2' on %3").arg(words[0], words[1], listen) << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("unalias")) {
        const QString name = session.names(args, command, 1).at(0);
        session.load();
        const QString original = session.pair(name).aliasOf;
        session.check(doc.unaliasPair(name));
        session.save();
        out << tr("'%1' is '%2' again").arg(name, original) << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("remove")) {
        const QString name = session.names(args, command, 1).at(0);
        session.load();
        session.check(doc.removePair(name));
        session.save();
        out << tr("removed pair '%1'").arg(name) << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("enable") || verb == QLatin1String("disable")) {
        const QString name = session.names(args, command, 1).at(0);
        session.load();
        session.check(doc.setEnabled(name, verb == QLatin1String("enable")));
        session.tellEngine();
        out << (verb == QLatin1String("enable") ? tr("enabled pair '%1'")
                                                : tr("disabled pair '%1'"))
                   .arg(name)
            << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("switch")) {
        // The operator's pin (docs/failover-decision.md): held until auto or a loss.
        const QStringList words = session.names(args, command, 2);
        const QString &side = words.at(1);
        if (side != QLatin1String("primary") && side != QLatin1String("secondary") &&
            side != QLatin1String("auto"))
            usageError(tr("pair switch: '%1' is not primary, secondary or auto").arg(side));
        session.load();
        session.pair(words.at(0));
        const QString stateDir = doc.paths().stateDir;
        const auto answer =
            side == QLatin1String("auto")
                ? ControlClient::returnToAutomatic(stateDir, words.at(0))
                : ControlClient::switchTo(stateDir, words.at(0), *sideFromKey(side));
        if (!answer.reached)
            throw CommandError{1, tr("no engine runs '%1': %2").arg(words.at(0), answer.error)};
        if (!answer)
            throw CommandError{1, answer.error};
        out << (side == QLatin1String("auto")
                    ? tr("'%1' returned to automatic fail-over").arg(words.at(0))
                    : tr("'%1': the %2 machine is active, held by the operator until "
                         "'tandemctl pair switch %1 auto' or until it loses communication")
                          .arg(words.at(0), side))
            << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("list")) {
        const bool json = args.value(QStringLiteral("json")).has_value();
        session.names(args, command, 0);
        session.load();
        const Configuration &config = doc.configuration();
        if (json) {
            QJsonArray pairs;
            for (const PairConfig &p : config.pairs)
                pairs.append(pairToJson(p, doc.isEnabled(p.name)));
            out << QJsonDocument(pairs).toJson(QJsonDocument::Indented);
            return 0;
        }
        for (const PairConfig &p : config.pairs) {
            // A disabled pair still serves its clients, through its primary only.
            out << p.name << '\t'
                << (doc.isEnabled(p.name) ? QStringLiteral("enabled")
                                          : tr("pass-through (redundancy disabled)"))
                << '\t' << protocolKey(p.protocol) << '\t' << p.endpoint << '\t' << p.primary
                << '\t' << p.secondary << '\t' << connectionModeKey(p.mode);
            if (p.isAlias())
                out << '\t' << tr("alias of %1").arg(p.aliasOf);
            out << Qt::endl;
        }
        return 0;
    }
    usageError(tr("unknown command: pair %1").arg(verb));
}

} // namespace tandem::ctl
