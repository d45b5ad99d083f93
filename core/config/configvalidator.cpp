#include "configvalidator.h"

#include "events/eventcatalog.h"
#include "itemaddress.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace tandem {

namespace {
// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ConfigValidator)
};

void checkRange(ConfigIssues &issues, const QString &field, qint64 value, qint64 min, qint64 max,
                const QString &unit)
{
    if (value < min || value > max)
        issues.append(
            {field,
             Tr::tr("must be from %1 to %2%3 (is %4)").arg(min).arg(max).arg(unit).arg(value)});
}

bool isNumber(const QString &text)
{
    bool ok = false;
    text.trimmed().toDouble(&ok);
    return ok;
}
} // namespace

QString ConfigValidator::pairField(const QString &pairName, const QString &field)
{
    return QStringLiteral("pair[%1]/%2").arg(pairName, field);
}

QString ConfigValidator::checkPairName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return Tr::tr("a name is required");
    if (name != name.trimmed())
        return Tr::tr("'%1' starts or ends with a space").arg(name);
    if (name.size() > 128)
        return Tr::tr("a name can have at most 128 characters");
    for (QChar c : {QLatin1Char('<'), QLatin1Char('>'), QLatin1Char('&')})
        if (name.contains(c))
            return Tr::tr("'%1' contains '%2': names cannot include the characters <, > and &")
                .arg(name, QString(c));
    for (QChar c : name)
        if (c.category() == QChar::Other_Control)
            return Tr::tr("'%1' contains a control character").arg(name);
    return {};
}

QString ConfigValidator::checkEmailAddress(const QString &address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    static const QRegularExpression local(QStringLiteral("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$"));
    if (at <= 0 || at == address.size() - 1 || !local.match(address.left(at)).hasMatch() ||
        !isValidHost(address.mid(at + 1)) || address.mid(at + 1).contains(QLatin1Char(':')))
        return Tr::tr("'%1' is not an e-mail address like operator@plant.example").arg(address);
    return {};
}

QString ConfigValidator::checkSmtpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("smtp") && url.scheme() != QLatin1String("smtps")) ||
        url.host().isEmpty())
        return Tr::tr("'%1' is not an SMTP server URL like smtp://mail.plant.example:587 or "
                      "smtps://mail.plant.example")
            .arg(text);
    if (!isValidHost(url.host()))
        return Tr::tr("'%1' is not a valid host name or IP address").arg(url.host());
    if (url.port() == 0)
        return Tr::tr("'%1': port must be a number from 1 to 65535").arg(text);
    if (!url.userInfo().isEmpty())
        return Tr::tr("'%1': give the user name separately; the password belongs in the keychain")
            .arg(text);
    if (!url.path().isEmpty() && url.path() != QLatin1String("/"))
        return Tr::tr("'%1': an SMTP URL has no path").arg(text);
    return {};
}

ConfigIssues ConfigValidator::validateMonitorItem(const PairConfig &pair, const MonitorItem &item,
                                                  const QString &field)
{
    ConfigIssues issues;
    if (item.itemId.trimmed().isEmpty()) {
        issues.append({field + QLatin1String("/id"), Tr::tr("an item ID is required")});
    } else if (pair.protocol == Protocol::ModbusTcp) {
        QString error;
        if (const auto address = modbus::ItemAddress::parse(item.itemId, &error)) {
            if (const QString typeError = address->checkType(item.dataType); !typeError.isEmpty())
                issues.append({field + QLatin1String("/type"), typeError});
        } else {
            issues.append({field + QLatin1String("/id"), error});
        }
    }
    checkRange(issues, field + QLatin1String("/rate"), item.updateRateMs,
               MonitorItem::MinUpdateRateMs, MonitorItem::MaxUpdateRateMs, QStringLiteral(" ms"));
    const QString dataField = field + QLatin1String("/data");
    switch (item.trigger) {
    case Trigger::BadQuality:
        break;
    case Trigger::SpecificValue: {
        const QString value = item.triggerData.trimmed();
        if (value.isEmpty())
            issues.append(
                {dataField, Tr::tr("the 'specific value' trigger needs the value to watch for")});
        else if (item.dataType == DataType::Boolean)
            ; // any text: 0/1/true/false are compared by the engine
        else if (pair.protocol == Protocol::ModbusTcp && !isNumber(value) &&
                 value.compare(QLatin1String("true"), Qt::CaseInsensitive) != 0 &&
                 value.compare(QLatin1String("false"), Qt::CaseInsensitive) != 0)
            issues.append(
                {dataField, Tr::tr("'%1' is not a number; Modbus items hold numbers").arg(value)});
        break;
    }
    case Trigger::NoChange: {
        bool ok = false;
        const qint64 period = item.triggerData.trimmed().toLongLong(&ok);
        if (!ok)
            issues.append(
                {dataField, Tr::tr("the 'no change' trigger needs a time in milliseconds (is '%1')")
                                .arg(item.triggerData)});
        else if (period < item.minimumNoChangeMs())
            issues.append(
                {dataField, Tr::tr("must be at least twice the update rate, %1 ms (is %2)")
                                .arg(item.minimumNoChangeMs())
                                .arg(period)});
        else if (period > MonitorItem::MaxNoChangeMs)
            issues.append({dataField, Tr::tr("must be at most %1 ms (is %2)")
                                          .arg(MonitorItem::MaxNoChangeMs)
                                          .arg(period)});
        break;
    }
    }
    return issues;
}

ConfigIssues ConfigValidator::validateOpcUaSecurity(const PairConfig &pair)
{
    ConfigIssues issues;
    const OpcUaSecurity &s = pair.opcuaSecurity;
    auto field = [&](const QString &name) {
        return pairField(pair.name, QStringLiteral("opcua-security/") + name);
    };
    if (pair.protocol != Protocol::OpcUa) {
        if (s != OpcUaSecurity() && s != OpcUaSecurity::unsecured())
            issues.append({field(QStringLiteral("endpoint")),
                           Tr::tr("security policies are for OPC UA pairs only")});
        return issues;
    }
    for (const bool secondary : {false, true}) {
        const OpcUaSecurity::Link &link = s.link(secondary);
        const QString f =
            field(secondary ? QStringLiteral("secondary") : QStringLiteral("primary"));
        if (isDeprecated(link.setting.policy) && !s.allowDeprecated)
            issues.append({f, Tr::tr("the security policy %1 is deprecated: allow deprecated "
                                     "policies for this pair to use it")
                                  .arg(uaSecurityPolicyName(link.setting.policy))});
        if (!link.serverCertificate.isEmpty() &&
            !OpcUaSecurity::isThumbprint(link.serverCertificate))
            issues.append({f, Tr::tr("'%1' is not a certificate thumbprint (40 hexadecimal "
                                     "digits, SHA-1)")
                                  .arg(link.serverCertificate)});
        if (!link.serverCertificate.isEmpty() && link.setting.isNone())
            issues.append({f, Tr::tr("an expected server certificate needs a security policy "
                                     "other than None")});
    }
    if (s.listen.isEmpty())
        issues.append({field(QStringLiteral("endpoint")),
                       Tr::tr("the endpoint must offer at least one security policy")});
    for (const UaSecuritySetting &offered : s.listen)
        if (isDeprecated(offered.policy))
            issues.append({field(QStringLiteral("endpoint")),
                           Tr::tr("the deprecated security policy %1 is not offered to clients; "
                                  "choose Basic256Sha256 or newer")
                               .arg(uaSecurityPolicyName(offered.policy))});
    return issues;
}

ConfigIssues ConfigValidator::validatePair(const PairConfig &pair)
{
    ConfigIssues issues;
    auto field = [&](const char *name) { return pairField(pair.name, QLatin1String(name)); };
    if (const QString error = checkPairName(pair.name); !error.isEmpty())
        issues.append({field("name"), error});
    QString error;
    if (!Endpoint::parse(pair.endpoint, pair.protocol, &error))
        issues.append({field("listen"), error});
    if (!MachineAddress::parse(pair.primary, pair.protocol, &error))
        issues.append({field("primary"), error});
    if (!MachineAddress::parse(pair.secondary, pair.protocol, &error))
        issues.append({field("secondary"), error});
    if (pair.mode == ConnectionMode::Cold && pair.reconnectPrimary)
        issues.append({field("reconnect-primary"),
                       Tr::tr("Cold mode does not support \"Always reconnect to primary machine\"; "
                              "choose Warm or Hot, or turn the option off")});
    checkRange(issues, field("status-interval"), pair.statusIntervalMs,
               PairConfig::MinStatusIntervalMs, PairConfig::MaxStatusIntervalMs,
               QStringLiteral(" ms"));
    checkRange(issues, field("status-timeout"), pair.statusTimeoutMs,
               PairConfig::MinStatusTimeoutMs, PairConfig::MaxStatusTimeoutMs,
               QStringLiteral(" ms"));
    if (pair.statusTimeoutMs > pair.statusIntervalMs)
        issues.append(
            {field("status-timeout"),
             Tr::tr(
                 "the status timeout (%1 ms) must not be longer than the status interval (%2 ms)")
                 .arg(pair.statusTimeoutMs)
                 .arg(pair.statusIntervalMs)});
    checkRange(issues, field("failback-holdoff"), pair.failbackHoldoffMs, 0,
               PairConfig::MaxFailbackHoldoffMs, QStringLiteral(" ms"));
    checkRange(issues, field("failure-persistence"), pair.failurePersistence, 1,
               PairConfig::MaxFailurePersistence, QString());
    for (const OpcUaLimits::Setting &s : OpcUaLimits::settings())
        checkRange(
            issues,
            pairField(pair.name, QStringLiteral("opcua-limits/%1").arg(QLatin1String(s.key))),
            pair.opcuaLimits.*(s.field), s.min, s.max, QLatin1String(s.unit));
    // Client limits.
    checkRange(issues, field("client-limit"), pair.clientLimit, 1, PairConfig::MaxClientLimit,
               QString());
    checkRange(issues, field("requests-per-client"), pair.requestsPerClient, 1,
               PairConfig::MaxRequestsPerClient, QString());
    checkRange(issues, field("output-per-client"), pair.outputPerClientBytes,
               PairConfig::MinOutputPerClient, PairConfig::MaxOutputPerClient,
               QStringLiteral(" bytes"));
    if (pair.monitorItems.size() > PairConfig::MaxMonitorItems)
        issues.append(
            {field("monitor"),
             Tr::tr("at most %1 monitor items per pair").arg(PairConfig::MaxMonitorItems)});
    for (qsizetype i = 0; i < pair.monitorItems.size(); ++i)
        issues +=
            validateMonitorItem(pair, pair.monitorItems[i],
                                pairField(pair.name, QStringLiteral("monitor[%1]").arg(i + 1)));
    if (pair.failureCount < 1 || pair.failureCount > pair.maxFailureCount())
        issues.append({field("failure-count"),
                       Tr::tr("must be from 1 to the number of monitor items, %1 (is %2)")
                           .arg(pair.maxFailureCount())
                           .arg(pair.failureCount)});
    if (!pair.statusItem.isEmpty() && pair.protocol == Protocol::ModbusTcp) {
        QString itemError;
        if (!modbus::ItemAddress::parse(pair.statusItem, &itemError))
            issues.append({field("status-item"), itemError});
    }
    if (!pair.user.isEmpty() && pair.protocol != Protocol::OpcUa)
        issues.append({field("user"), Tr::tr("a user name is for OPC UA pairs only; Modbus TCP has "
                                             "no log-in")});
    else if (pair.user.trimmed() != pair.user || pair.user.contains(QLatin1Char('\n')))
        issues.append(
            {field("user"), Tr::tr("the user name '%1' starts or ends with blanks or holds "
                                   "a line break")
                                .arg(pair.user)});
    issues += validateOpcUaSecurity(pair);
    if (pair.opcuaIdentity) {
        const QString identityField = pairField(pair.name, QStringLiteral("opcua-identity"));
        issues += pair.opcuaIdentity->validate(identityField, pair.protocol == Protocol::OpcUa);
        if (pair.opcuaIdentity->pairUser && pair.user.isEmpty() && pair.protocol == Protocol::OpcUa)
            issues.append({identityField + QStringLiteral("/pair-user"),
                           Tr::tr("the pair has no user to accept: give it one, or accept the "
                                  "OPC UA users instead")});
    }
    if (pair.isAlias()) {
        if (const QString aliasError = checkPairName(pair.aliasOf); !aliasError.isEmpty())
            issues.append({field("alias-of"), aliasError});
        if (!Endpoint::parse(pair.originalEndpoint, pair.protocol, &error))
            issues.append({field("alias-of"), error});
    }
    return issues;
}

ConfigIssues ConfigValidator::validate(const Configuration &config)
{
    ConfigIssues issues;
    for (qsizetype i = 0; i < config.pairs.size(); ++i) {
        const PairConfig &pair = config.pairs[i];
        issues += validatePair(pair);
        QString ignored;
        const auto endpoint = Endpoint::parse(pair.endpoint, pair.protocol, &ignored);
        for (qsizetype j = 0; j < i; ++j) {
            const PairConfig &other = config.pairs[j];
            if (other.name == pair.name)
                issues.append({pairField(pair.name, QStringLiteral("name")),
                               Tr::tr("the name '%1' is used by two pairs").arg(pair.name)});
            const auto otherEndpoint = Endpoint::parse(other.endpoint, other.protocol, &ignored);
            if (endpoint && otherEndpoint && endpoint->overlaps(*otherEndpoint))
                issues.append({pairField(pair.name, QStringLiteral("listen")),
                               Tr::tr("endpoint %1 is already used by pair '%2'")
                                   .arg(pair.endpoint, other.name)});
        }
    }
    checkRange(issues, QStringLiteral("diagnostics/max-events"), config.diagnostics.maxEvents,
               DiagnosticsSettings::MinMaxEvents, DiagnosticsSettings::MaxMaxEvents, QString());
    checkRange(issues, QStringLiteral("backup/interval-hours"), config.backup.intervalHours,
               BackupSettings::MinIntervalHours, BackupSettings::MaxIntervalHours, QString());
    checkRange(issues, QStringLiteral("backup/retention-days"), config.backup.retentionDays,
               BackupSettings::MinRetentionDays, BackupSettings::MaxRetentionDays, QString());
    if (!config.backup.directory.isEmpty() && QDir::isRelativePath(config.backup.directory))
        issues.append({QStringLiteral("backup/directory"),
                       Tr::tr("the backup directory '%1' is not an absolute path")
                           .arg(config.backup.directory)});

    const NotificationSettings &n = config.notifications;
    if (n.enabled && n.primarySmtp.isEmpty())
        issues.append({QStringLiteral("notifications/primary-smtp"),
                       Tr::tr("e-mail is enabled but no primary SMTP server is set")});
    if (!n.primarySmtp.isEmpty())
        if (const QString e = checkSmtpUrl(n.primarySmtp); !e.isEmpty())
            issues.append({QStringLiteral("notifications/primary-smtp"), e});
    if (!n.secondarySmtp.isEmpty())
        if (const QString e = checkSmtpUrl(n.secondarySmtp); !e.isEmpty())
            issues.append({QStringLiteral("notifications/secondary-smtp"), e});
    if (n.enabled && n.from.isEmpty())
        issues.append({QStringLiteral("notifications/from"),
                       Tr::tr("e-mail is enabled but no sender (From) is set")});
    if (!n.from.isEmpty())
        if (const QString e = checkEmailAddress(n.from); !e.isEmpty())
            issues.append({QStringLiteral("notifications/from"), e});
    if (n.enabled && n.to.isEmpty())
        issues.append({QStringLiteral("notifications/to"),
                       Tr::tr("e-mail is enabled but there is no recipient (To)")});
    for (const QString &to : n.to)
        if (const QString e = checkEmailAddress(to); !e.isEmpty())
            issues.append({QStringLiteral("notifications/to"), e});
    checkRange(issues, QStringLiteral("notifications/retry-hours"), n.retryHours,
               NotificationSettings::MinRetryHours, NotificationSettings::MaxRetryHours,
               Tr::tr(" hours"));
    checkRange(issues, QStringLiteral("notifications/batch-window"), n.batchWindowS,
               NotificationSettings::MinBatchWindowS, NotificationSettings::MaxBatchWindowS,
               Tr::tr(" s"));
    checkRange(issues, QStringLiteral("notifications/timeout"), n.timeoutS,
               NotificationSettings::MinTimeoutS, NotificationSettings::MaxTimeoutS, Tr::tr(" s"));
    if (!n.caFile.isEmpty() && !QFileInfo(n.caFile).isAbsolute())
        issues.append({QStringLiteral("notifications/ca-file"),
                       Tr::tr("'%1': give the CA file as an absolute path").arg(n.caFile)});
    for (const QString &id : n.events)
        if (!EventCatalog::find(id))
            issues.append({QStringLiteral("notifications/events"),
                           Tr::tr("'%1' is not a known event id").arg(id)});
    return issues;
}

} // namespace tandem
