#include "configfile.h"

#include "base/logging.h"
#include "configvalidator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <memory>
#include <vector>

namespace tandem {

namespace {
// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ConfigFile)
};

// A parsed XML element with the line it started on, so every error can name it.
struct Element
{
    QString name;
    QXmlStreamAttributes attributes;
    QString text;
    int line = 0;
    std::vector<std::unique_ptr<Element>> children;

    QString attribute(const char *key) const
    {
        return attributes.value(QLatin1String(key)).toString();
    }
    bool hasAttribute(const char *key) const { return attributes.hasAttribute(QLatin1String(key)); }
};

constexpr qint64 MaxFileSize = 16 * 1024 * 1024;

// Reads one document into Elements; returns null and an issue on malformed XML.
std::unique_ptr<Element> readTree(const QByteArray &xml, const QString &fileName,
                                  ConfigIssues &issues)
{
    if (xml.trimmed().isEmpty()) {
        issues.append({QString(), Tr::tr("the file is empty"), fileName, 1});
        return nullptr;
    }
    QXmlStreamReader reader(xml);
    std::unique_ptr<Element> root;
    std::vector<Element *> stack;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            auto element = std::make_unique<Element>();
            element->name = reader.name().toString();
            element->attributes = reader.attributes();
            element->line = int(reader.lineNumber());
            Element *raw = element.get();
            if (stack.empty())
                root = std::move(element);
            else
                stack.back()->children.push_back(std::move(element));
            stack.push_back(raw);
            if (stack.size() > 16) {
                issues.append({QString(), Tr::tr("elements are nested too deeply"), fileName,
                               int(reader.lineNumber())});
                return nullptr;
            }
            break;
        }
        case QXmlStreamReader::EndElement:
            stack.pop_back();
            break;
        case QXmlStreamReader::Characters:
            if (!stack.empty())
                stack.back()->text += reader.text();
            break;
        case QXmlStreamReader::DTD:
            issues.append({QString(), Tr::tr("document type declarations are not allowed"),
                           fileName, int(reader.lineNumber())});
            return nullptr;
        default:
            break;
        }
    }
    if (reader.hasError()) {
        issues.append({QString(), Tr::tr("not well-formed XML: %1").arg(reader.errorString()),
                       fileName, int(reader.lineNumber())});
        return nullptr;
    }
    if (!root)
        issues.append({QString(), Tr::tr("the file is empty"), fileName, 1});
    return root;
}

// Turns the Element tree into a Configuration, recording the line of every field.
class Reader
{
public:
    Reader(const QString &fileName, ConfigIssues &issues)
        : m_file(fileName)
        , m_issues(issues)
    {}

    QHash<QString, int> lines;

    void error(const Element &e, const QString &field, const QString &message)
    {
        m_issues.append({field, message, m_file, e.line});
    }

    QString text(const Element &e, const QString &field)
    {
        lines.insert(field, e.line);
        return e.text.trimmed();
    }

    int integer(const Element &e, const QString &field, const QString &value)
    {
        lines.insert(field, e.line);
        bool ok = false;
        const int v = value.trimmed().toInt(&ok);
        if (!ok)
            error(e, field, Tr::tr("'%1' is not a whole number").arg(value.trimmed()));
        return v;
    }

    bool boolean(const Element &e, const QString &field, const QString &value)
    {
        lines.insert(field, e.line);
        const QString v = value.trimmed().toLower();
        if (v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("1"))
            return true;
        if (v != QLatin1String("false") && v != QLatin1String("no") && v != QLatin1String("0"))
            error(e, field, Tr::tr("'%1' is not true or false").arg(value.trimmed()));
        return false;
    }

    void unknown(const Element &e, const QString &parentField)
    {
        error(e, parentField, Tr::tr("unknown element <%1>").arg(e.name));
    }

    MonitorItem monitorItem(const Element &e, const QString &field)
    {
        MonitorItem item;
        for (const char *key : {"id", "access-path", "type", "rate", "trigger", "data"})
            lines.insert(field + QLatin1Char('/') + QLatin1String(key), e.line);
        lines.insert(field, e.line);
        for (const QXmlStreamAttribute &a : e.attributes) {
            const QString key = a.name().toString();
            if (key != QLatin1String("id") && key != QLatin1String("access-path") &&
                key != QLatin1String("type") && key != QLatin1String("rate") &&
                key != QLatin1String("trigger") && key != QLatin1String("data"))
                error(e, field, Tr::tr("unknown attribute '%1'").arg(key));
        }
        item.itemId = e.attribute("id");
        item.accessPath = e.attribute("access-path");
        if (e.hasAttribute("type")) {
            if (const auto type = dataTypeFromName(e.attribute("type")))
                item.dataType = *type;
            else
                error(e, field + QLatin1String("/type"),
                      Tr::tr("'%1' is not a data type (Default, Boolean, Word, Short, DWord, Long, "
                             "Float, Double)")
                          .arg(e.attribute("type")));
        }
        if (e.hasAttribute("rate"))
            item.updateRateMs = integer(e, field + QLatin1String("/rate"), e.attribute("rate"));
        if (const auto trigger = triggerFromKey(e.attribute("trigger")))
            item.trigger = *trigger;
        else
            error(e, field + QLatin1String("/trigger"),
                  Tr::tr("'%1' is not a trigger (bad-quality, value, no-change)")
                      .arg(e.attribute("trigger")));
        item.triggerData = e.attribute("data");
        return item;
    }

    // <opcua-limits> of a pair: one element per OpcUaLimits setting, each optional.
    void opcuaLimits(const Element &e, const QString &field, OpcUaLimits &limits)
    {
        lines.insert(field, e.line);
        for (const auto &child : e.children) {
            const QString f = field + QLatin1Char('/') + child->name;
            if (const OpcUaLimits::Setting *s = OpcUaLimits::setting(child->name))
                limits.*(s->field) = integer(*child, f, child->text);
            else
                unknown(*child, field);
        }
    }

    // <opcua-security> of a pair.
    void opcuaSecurity(const Element &e, const QString &field, OpcUaSecurity &security)
    {
        lines.insert(field, e.line);
        for (const auto &child : e.children) {
            const Element &c = *child;
            const QString f = field + QLatin1Char('/') + c.name;
            QString problem;
            if (c.name == QLatin1String("primary") || c.name == QLatin1String("secondary")) {
                OpcUaSecurity::Link &link =
                    c.name == QLatin1String("primary") ? security.primary : security.secondary;
                if (const auto setting = UaSecuritySetting::parse(text(c, f), &problem))
                    link.setting = *setting;
                else
                    error(c, f, problem);
                link.serverCertificate = c.attribute("certificate");
                for (const QXmlStreamAttribute &a : c.attributes)
                    if (a.name() != QLatin1String("certificate"))
                        error(c, f, Tr::tr("unknown attribute '%1'").arg(a.name()));
            } else if (c.name == QLatin1String("endpoint")) {
                if (const auto settings = parseUaSecuritySettings(text(c, f), &problem))
                    security.listen = *settings;
                else
                    error(c, f, problem);
            } else if (c.name == QLatin1String("allow-deprecated")) {
                security.allowDeprecated = boolean(c, f, c.text);
            } else if (c.name == QLatin1String("waive-host-name")) {
                security.waiveHostName = boolean(c, f, c.text);
            } else {
                unknown(c, field);
            }
        }
    }

    PairConfig pair(const Element &e)
    {
        PairConfig p;
        p.name = e.attribute("name");
        const QString base = QStringLiteral("pair[%1]").arg(p.name);
        auto field = [&](const QString &name) { return base + QLatin1Char('/') + name; };
        lines.insert(base, e.line);
        lines.insert(field(QStringLiteral("name")), e.line);
        if (!e.hasAttribute("name"))
            error(e, base, Tr::tr("a <pair> needs a name attribute"));
        if (const auto protocol = protocolFromKey(e.attribute("protocol")))
            p.protocol = *protocol;
        else
            error(
                e, field(QStringLiteral("protocol")),
                Tr::tr("'%1' is not a protocol (modbus-tcp, opcua)").arg(e.attribute("protocol")));
        bool haveListen = false, havePrimary = false, haveSecondary = false;
        // An OPC UA pair saved before security existed ran unsecured, and still does.
        if (p.protocol == Protocol::OpcUa)
            p.opcuaSecurity = OpcUaSecurity::unsecured();
        for (const auto &child : e.children) {
            const Element &c = *child;
            const QString f = field(c.name);
            if (c.name == QLatin1String("listen")) {
                p.endpoint = text(c, f);
                haveListen = true;
            } else if (c.name == QLatin1String("primary")) {
                p.primary = text(c, f);
                havePrimary = true;
            } else if (c.name == QLatin1String("secondary")) {
                p.secondary = text(c, f);
                haveSecondary = true;
            } else if (c.name == QLatin1String("mode")) {
                if (const auto mode = connectionModeFromKey(text(c, f)))
                    p.mode = *mode;
                else
                    error(c, f,
                          Tr::tr("'%1' is not a connection mode (cold, warm, hot)")
                              .arg(c.text.trimmed()));
            } else if (c.name == QLatin1String("reconnect-primary")) {
                p.reconnectPrimary = boolean(c, f, c.text);
            } else if (c.name == QLatin1String("status-interval")) {
                p.statusIntervalMs = integer(c, f, c.text);
            } else if (c.name == QLatin1String("status-timeout")) {
                p.statusTimeoutMs = integer(c, f, c.text);
            } else if (c.name == QLatin1String("failback-holdoff")) {
                p.failbackHoldoffMs = integer(c, f, c.text);
            } else if (c.name == QLatin1String("failure-persistence")) {
                p.failurePersistence = integer(c, f, c.text);
            } else if (c.name == QLatin1String("failure-count")) {
                p.failureCount = integer(c, f, c.text);
            } else if (c.name == QLatin1String("status-item")) {
                p.statusItem = text(c, f);
            } else if (c.name == QLatin1String("user")) {
                p.user = text(c, f);
            } else if (c.name == QLatin1String("write-replay")) {
                p.writeReplay = boolean(c, f, c.text);
            } else if (c.name == QLatin1String("server-connections")) {
                if (const auto perClient = serverConnectionsFromKey(text(c, f)))
                    p.connectionPerClient = *perClient;
                else
                    error(c, f,
                          Tr::tr("'%1' is not a way of connecting to the servers (shared, "
                                 "per-client)")
                              .arg(c.text.trimmed()));
            } else if (c.name == QLatin1String("opcua-limits")) {
                opcuaLimits(c, f, p.opcuaLimits);
            } else if (c.name == QLatin1String("opcua-security")) {
                p.opcuaSecurity = OpcUaSecurity();
                opcuaSecurity(c, f, p.opcuaSecurity);
            } else if (c.name == QLatin1String("opcua-identity")) {
                lines.insert(f, c.line);
                OpcUaIdentity identity;
                for (const auto &[key, message] : identity.read(c.attributes)) {
                    lines.insert(f + QLatin1Char('/') + key, c.line);
                    error(c, f + QLatin1Char('/') + key, message);
                }
                for (const auto &grandchild : c.children)
                    unknown(*grandchild, f);
                p.opcuaIdentity = identity;
            } else if (c.name == QLatin1String("client-limit")) {
                p.clientLimit = integer(c, f, c.text);
            } else if (c.name == QLatin1String("requests-per-client")) {
                p.requestsPerClient = integer(c, f, c.text);
            } else if (c.name == QLatin1String("output-per-client")) {
                p.outputPerClientBytes = integer(c, f, c.text);
            } else if (c.name == QLatin1String("alias-of")) {
                lines.insert(f, c.line);
                p.aliasOf = c.attribute("name");
                p.originalEndpoint = c.attribute("listen");
                if (p.aliasOf.isEmpty())
                    error(c, f, Tr::tr("<alias-of> needs the original name"));
            } else if (c.name == QLatin1String("monitor")) {
                lines.insert(f, c.line);
                for (const auto &item : c.children) {
                    const QString itemField =
                        field(QStringLiteral("monitor[%1]").arg(p.monitorItems.size() + 1));
                    if (item->name == QLatin1String("item"))
                        p.monitorItems.append(monitorItem(*item, itemField));
                    else
                        unknown(*item, f);
                }
            } else {
                unknown(c, base);
            }
        }
        if (!haveListen)
            error(e, field(QStringLiteral("listen")), Tr::tr("the pair has no <listen> endpoint"));
        if (!havePrimary)
            error(e, field(QStringLiteral("primary")), Tr::tr("the pair has no <primary> machine"));
        if (!haveSecondary)
            error(e, field(QStringLiteral("secondary")),
                  Tr::tr("the pair has no <secondary> machine"));
        return p;
    }

    DiagnosticsSettings diagnostics(const Element &e)
    {
        DiagnosticsSettings d;
        for (const auto &child : e.children) {
            const QString f = QLatin1String("diagnostics/") + child->name;
            if (child->name == QLatin1String("preserve"))
                d.preserveEvents = boolean(*child, f, child->text);
            else if (child->name == QLatin1String("max-events"))
                d.maxEvents = integer(*child, f, child->text);
            else
                unknown(*child, QStringLiteral("diagnostics"));
        }
        return d;
    }

    BackupSettings backup(const Element &e)
    {
        BackupSettings b;
        for (const auto &child : e.children) {
            const QString f = QLatin1String("backup/") + child->name;
            if (child->name == QLatin1String("enabled"))
                b.enabled = boolean(*child, f, child->text);
            else if (child->name == QLatin1String("interval-hours"))
                b.intervalHours = integer(*child, f, child->text);
            else if (child->name == QLatin1String("retention-days"))
                b.retentionDays = integer(*child, f, child->text);
            else if (child->name == QLatin1String("directory"))
                b.directory = text(*child, f);
            else
                unknown(*child, QStringLiteral("backup"));
        }
        return b;
    }

    NotificationSettings notifications(const Element &e)
    {
        NotificationSettings n;
        for (const auto &child : e.children) {
            const Element &c = *child;
            const QString f = QLatin1String("notifications/") + c.name;
            // Header and footer keep their inner line breaks; only the outer ends are trimmed.
            if (c.name == QLatin1String("enabled"))
                n.enabled = boolean(c, f, c.text);
            else if (c.name == QLatin1String("primary-smtp"))
                n.primarySmtp = text(c, f);
            else if (c.name == QLatin1String("secondary-smtp"))
                n.secondarySmtp = text(c, f);
            else if (c.name == QLatin1String("from"))
                n.from = text(c, f);
            else if (c.name == QLatin1String("to"))
                n.to.append(text(c, f));
            else if (c.name == QLatin1String("subject"))
                n.subject = text(c, f);
            else if (c.name == QLatin1String("header"))
                n.header = text(c, f);
            else if (c.name == QLatin1String("footer"))
                n.footer = text(c, f);
            else if (c.name == QLatin1String("allow-plaintext"))
                n.allowPlaintext = boolean(c, f, c.text);
            else if (c.name == QLatin1String("ca-file"))
                n.caFile = text(c, f);
            else if (c.name == QLatin1String("user"))
                n.user = text(c, f);
            else if (c.name == QLatin1String("retry-hours"))
                n.retryHours = integer(c, f, c.text);
            else if (c.name == QLatin1String("batch-window"))
                n.batchWindowS = integer(c, f, c.text);
            else if (c.name == QLatin1String("timeout"))
                n.timeoutS = integer(c, f, c.text);
            else if (c.name == QLatin1String("events")) {
                lines.insert(f, c.line);
                n.allEvents = c.hasAttribute("all") ? boolean(c, f, c.attribute("all")) : false;
                for (const auto &event : c.children) {
                    if (event->name == QLatin1String("event"))
                        n.events.append(event->attribute("id"));
                    else
                        unknown(*event, f);
                }
            } else
                unknown(c, QStringLiteral("notifications"));
        }
        return n;
    }

    int lineOf(QString field) const
    {
        // Fall back to the nearest enclosing element that has a line.
        while (!field.isEmpty()) {
            if (const auto it = lines.constFind(field); it != lines.cend())
                return *it;
            const qsizetype slash = field.lastIndexOf(QLatin1Char('/'));
            field = slash < 0 ? QString() : field.left(slash);
        }
        return 0;
    }

private:
    QString m_file;
    ConfigIssues &m_issues;
};

void writeText(QXmlStreamWriter &w, const char *name, const QString &value)
{
    w.writeTextElement(QLatin1String(name), value);
}

QString boolText(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}
} // namespace

ConfigFile::LoadResult ConfigFile::load(const QString &path)
{
    LoadResult result;
    QFile file(path);
    if (!file.exists()) {
        result.config = Configuration::createNew();
        return result;
    }
    result.existed = true;
    if (!file.open(QIODevice::ReadOnly)) {
        result.issues.append(
            {QString(), Tr::tr("cannot be read: %1").arg(file.errorString()), path});
        return result;
    }
    if (file.size() > MaxFileSize) {
        result.issues.append(
            {QString(),
             Tr::tr("is %1 bytes, larger than any configuration could be").arg(file.size()), path});
        return result;
    }
    LoadResult parsed = parse(file.readAll(), path);
    parsed.existed = true;
    return parsed;
}

ConfigFile::LoadResult ConfigFile::parse(const QByteArray &xml, const QString &fileName)
{
    LoadResult result;
    result.existed = true;
    const auto root = readTree(xml, fileName, result.issues);
    if (!root)
        return result;
    if (root->name != QLatin1String("tandem")) {
        result.issues.append(
            {QString(),
             Tr::tr("<%1> is not a Tandem configuration (expected <tandem>)").arg(root->name),
             fileName, root->line});
        return result;
    }
    bool ok = false;
    const int version = root->attribute("version").toInt(&ok);
    if (!ok) {
        result.issues.append({QStringLiteral("version"),
                              Tr::tr("<tandem> has no valid version attribute"), fileName,
                              root->line});
        return result;
    }
    if (version > Configuration::SchemaVersion) {
        result.issues.append(
            {QStringLiteral("version"),
             Tr::tr("written by a newer Tandem (schema version %1; this version reads up to %2). "
                    "Update Tandem; the file was left unchanged.")
                 .arg(version)
                 .arg(Configuration::SchemaVersion),
             fileName, root->line});
        return result;
    }
    if (version < 1) {
        result.issues.append(
            {QStringLiteral("version"),
             Tr::tr("schema version %1 is older than any this version can read; the "
                    "file was left unchanged")
                 .arg(version),
             fileName, root->line});
        return result;
    }

    Reader reader(fileName, result.issues);
    Configuration config;
    config.id = root->attribute("id");
    for (const auto &child : root->children) {
        if (child->name == QLatin1String("pair"))
            config.pairs.append(reader.pair(*child));
        else if (child->name == QLatin1String("diagnostics"))
            config.diagnostics = reader.diagnostics(*child);
        else if (child->name == QLatin1String("notifications"))
            config.notifications = reader.notifications(*child);
        else if (child->name == QLatin1String("backup"))
            config.backup = reader.backup(*child);
        else
            reader.unknown(*child, QString());
    }
    if (!result.issues.isEmpty())
        return result;
    for (ConfigIssue issue : ConfigValidator::validate(config)) {
        issue.file = fileName;
        issue.line = reader.lineOf(issue.field);
        result.issues.append(issue);
    }
    if (!result.issues.isEmpty())
        return result;
    if (config.id.isEmpty())
        config.id = Configuration::createNew().id;
    result.config = config;
    return result;
}

QByteArray ConfigFile::serialize(const Configuration &config)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(2);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("tandem"));
    w.writeAttribute(QStringLiteral("version"), QString::number(Configuration::SchemaVersion));
    w.writeAttribute(QStringLiteral("id"), config.id);
    for (const PairConfig &p : config.pairs) {
        w.writeStartElement(QStringLiteral("pair"));
        w.writeAttribute(QStringLiteral("name"), p.name);
        w.writeAttribute(QStringLiteral("protocol"), protocolKey(p.protocol));
        writeText(w, "listen", p.endpoint);
        writeText(w, "primary", p.primary);
        writeText(w, "secondary", p.secondary);
        writeText(w, "mode", connectionModeKey(p.mode));
        writeText(w, "reconnect-primary", boolText(p.reconnectPrimary));
        writeText(w, "status-interval", QString::number(p.statusIntervalMs));
        writeText(w, "status-timeout", QString::number(p.statusTimeoutMs));
        writeText(w, "failback-holdoff", QString::number(p.failbackHoldoffMs));
        writeText(w, "failure-count", QString::number(p.failureCount));
        if (p.failurePersistence != 1)
            writeText(w, "failure-persistence", QString::number(p.failurePersistence));
        if (!p.statusItem.isEmpty())
            writeText(w, "status-item", p.statusItem);
        if (!p.user.isEmpty())
            writeText(w, "user", p.user);
        if (p.writeReplay)
            writeText(w, "write-replay", boolText(p.writeReplay));
        if (p.connectionPerClient != PairConfig().connectionPerClient)
            writeText(w, "server-connections", serverConnectionsKey(p.connectionPerClient));
        if (p.opcuaLimits != OpcUaLimits()) {
            // Only what differs from the defaults, so a default can change in a release.
            w.writeStartElement(QStringLiteral("opcua-limits"));
            for (const OpcUaLimits::Setting &s : OpcUaLimits::settings())
                if (p.opcuaLimits.*(s.field) != OpcUaLimits().*(s.field))
                    writeText(w, s.key, QString::number(p.opcuaLimits.*(s.field)));
            w.writeEndElement();
        }
        if (p.protocol == Protocol::OpcUa) {
            // Always written: a pair without it is one saved before security existed.
            const OpcUaSecurity &s = p.opcuaSecurity;
            w.writeStartElement(QStringLiteral("opcua-security"));
            for (const bool secondary : {false, true}) {
                const OpcUaSecurity::Link &link = s.link(secondary);
                w.writeStartElement(secondary ? QStringLiteral("secondary")
                                              : QStringLiteral("primary"));
                if (!link.serverCertificate.isEmpty())
                    w.writeAttribute(QStringLiteral("certificate"), link.serverCertificate);
                w.writeCharacters(link.setting.toString());
                w.writeEndElement();
            }
            writeText(w, "endpoint", uaSecuritySettingsToString(s.listen));
            if (s.allowDeprecated)
                writeText(w, "allow-deprecated", boolText(true));
            if (s.waiveHostName)
                writeText(w, "waive-host-name", boolText(true));
            w.writeEndElement();
        }
        if (p.opcuaIdentity)
            p.opcuaIdentity->write(w);
        // Client limits, written when not the default.
        if (p.clientLimit != PairConfig::DefaultClientLimit)
            writeText(w, "client-limit", QString::number(p.clientLimit));
        if (p.requestsPerClient != PairConfig::DefaultRequestsPerClient)
            writeText(w, "requests-per-client", QString::number(p.requestsPerClient));
        if (p.outputPerClientBytes != PairConfig::DefaultOutputPerClient)
            writeText(w, "output-per-client", QString::number(p.outputPerClientBytes));
        if (p.isAlias()) {
            w.writeEmptyElement(QStringLiteral("alias-of"));
            w.writeAttribute(QStringLiteral("name"), p.aliasOf);
            w.writeAttribute(QStringLiteral("listen"), p.originalEndpoint);
        }
        w.writeStartElement(QStringLiteral("monitor"));
        for (const MonitorItem &item : p.monitorItems) {
            w.writeEmptyElement(QStringLiteral("item"));
            w.writeAttribute(QStringLiteral("id"), item.itemId);
            if (!item.accessPath.isEmpty())
                w.writeAttribute(QStringLiteral("access-path"), item.accessPath);
            w.writeAttribute(QStringLiteral("type"), dataTypeName(item.dataType));
            w.writeAttribute(QStringLiteral("rate"), QString::number(item.updateRateMs));
            w.writeAttribute(QStringLiteral("trigger"), triggerKey(item.trigger));
            if (!item.triggerData.isEmpty())
                w.writeAttribute(QStringLiteral("data"), item.triggerData);
        }
        w.writeEndElement();
        w.writeEndElement();
    }
    w.writeStartElement(QStringLiteral("diagnostics"));
    writeText(w, "preserve", boolText(config.diagnostics.preserveEvents));
    writeText(w, "max-events", QString::number(config.diagnostics.maxEvents));
    w.writeEndElement();
    const NotificationSettings &n = config.notifications;
    w.writeStartElement(QStringLiteral("notifications"));
    writeText(w, "enabled", boolText(n.enabled));
    writeText(w, "primary-smtp", n.primarySmtp);
    writeText(w, "secondary-smtp", n.secondarySmtp);
    writeText(w, "from", n.from);
    for (const QString &to : n.to)
        writeText(w, "to", to);
    writeText(w, "subject", n.subject);
    writeText(w, "header", n.header);
    writeText(w, "footer", n.footer);
    writeText(w, "allow-plaintext", boolText(n.allowPlaintext));
    writeText(w, "ca-file", n.caFile);
    writeText(w, "user", n.user);
    writeText(w, "retry-hours", QString::number(n.retryHours));
    writeText(w, "batch-window", QString::number(n.batchWindowS));
    writeText(w, "timeout", QString::number(n.timeoutS));
    w.writeStartElement(QStringLiteral("events"));
    w.writeAttribute(QStringLiteral("all"), boolText(n.allEvents));
    for (const QString &id : n.events) {
        w.writeEmptyElement(QStringLiteral("event"));
        w.writeAttribute(QStringLiteral("id"), id);
    }
    w.writeEndElement();
    w.writeEndElement();
    // Written only once set, so files of older versions keep their exact form.
    if (config.backup != BackupSettings{}) {
        const BackupSettings &b = config.backup;
        w.writeStartElement(QStringLiteral("backup"));
        writeText(w, "enabled", boolText(b.enabled));
        writeText(w, "interval-hours", QString::number(b.intervalHours));
        writeText(w, "retention-days", QString::number(b.retentionDays));
        writeText(w, "directory", b.directory);
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

ConfigIssues ConfigFile::save(const Configuration &config, const QString &path)
{
    ConfigIssues issues = ConfigValidator::validate(config);
    if (!issues.isEmpty())
        return issues;
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        issues.append(
            {QString(), Tr::tr("cannot create the folder %1").arg(info.absolutePath()), path});
        return issues;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        issues.append({QString(), Tr::tr("cannot be written: %1").arg(file.errorString()), path});
        return issues;
    }
    const QByteArray data = serialize(config);
    if (file.write(data) != data.size() || !file.commit()) {
        issues.append({QString(), Tr::tr("cannot be written: %1").arg(file.errorString()), path});
        return issues;
    }
    qCDebug(lcConfig) << "saved" << path;
    return issues;
}

} // namespace tandem
