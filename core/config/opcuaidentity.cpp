#include "opcuaidentity.h"

#include <QCoreApplication>
#include <QXmlStreamWriter>

namespace tandem {

namespace {

// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(OpcUaIdentity)
};

struct Flag
{
    const char *key;
    bool OpcUaIdentity::*field;
};

constexpr Flag Flags[] = {
    {"anonymous", &OpcUaIdentity::anonymous},
    {"users", &OpcUaIdentity::storeUsers},
    {"pair-user", &OpcUaIdentity::pairUser},
    {"certificates", &OpcUaIdentity::certificates},
    {"clear-text-passwords", &OpcUaIdentity::clearTextFromClients},
    {"clear-text-to-servers", &OpcUaIdentity::clearTextToServers},
};

struct Name
{
    const char *key;
    QString OpcUaIdentity::*field;
};

const Name Names[] = {
    {"primary-user", &OpcUaIdentity::primaryUser},
    {"secondary-user", &OpcUaIdentity::secondaryUser},
};

} // namespace

OpcUaIdentity OpcUaIdentity::beforeIdentities(const QString &pairUserName)
{
    OpcUaIdentity identity;
    identity.anonymous = pairUserName.isEmpty();
    identity.storeUsers = false;
    identity.pairUser = !pairUserName.isEmpty();
    identity.clearTextFromClients = !pairUserName.isEmpty();
    identity.clearTextToServers = true;
    return identity;
}

QString OpcUaIdentity::serverUser(int side, const QString &pairUserName) const
{
    const QString &user = side == 0 ? primaryUser : secondaryUser;
    return user.isEmpty() ? pairUserName : user;
}

QList<std::pair<QString, QString>> OpcUaIdentity::read(const QXmlStreamAttributes &attributes)
{
    QList<std::pair<QString, QString>> problems;
    for (const QXmlStreamAttribute &a : attributes) {
        const QString key = a.name().toString();
        const QString value = a.value().toString().trimmed();
        bool known = false;
        for (const Flag &f : Flags) {
            if (key != QLatin1String(f.key))
                continue;
            known = true;
            if (value == QLatin1String("yes") || value == QLatin1String("true"))
                this->*(f.field) = true;
            else if (value == QLatin1String("no") || value == QLatin1String("false"))
                this->*(f.field) = false;
            else
                problems.append({key, Tr::tr("'%1' is not yes or no").arg(value)});
        }
        for (const Name &n : Names) {
            if (key == QLatin1String(n.key)) {
                known = true;
                this->*(n.field) = a.value().toString();
            }
        }
        if (!known)
            problems.append({key, Tr::tr("unknown attribute '%1'").arg(key)});
    }
    return problems;
}

void OpcUaIdentity::write(QXmlStreamWriter &writer) const
{
    writer.writeEmptyElement(QStringLiteral("opcua-identity"));
    for (const Flag &f : Flags)
        writer.writeAttribute(QLatin1String(f.key),
                              this->*(f.field) ? QStringLiteral("yes") : QStringLiteral("no"));
    for (const Name &n : Names)
        if (!(this->*(n.field)).isEmpty())
            writer.writeAttribute(QLatin1String(n.key), this->*(n.field));
}

ConfigIssues OpcUaIdentity::validate(const QString &pathPrefix, bool isOpcUa) const
{
    ConfigIssues issues;
    const auto field = [&](const char *key) {
        return pathPrefix + QLatin1Char('/') + QLatin1String(key);
    };
    for (const Name &n : Names) {
        const QString &user = this->*(n.field);
        if (user.isEmpty())
            continue;
        if (!isOpcUa)
            issues.append({field(n.key), Tr::tr("a user name is for OPC UA pairs only; Modbus "
                                                "TCP has no log-in")});
        else if (user.trimmed() != user || user.contains(QLatin1Char('\n')))
            issues.append({field(n.key), Tr::tr("the user name '%1' starts or ends with blanks "
                                                "or holds a line break")
                                             .arg(user)});
    }
    if (isOpcUa && !anonymous && !storeUsers && !pairUser && !certificates)
        issues.append({field("anonymous"),
                       Tr::tr("the endpoint accepts no identity at all: allow anonymous clients, "
                              "the OPC UA users, the pair's user or user certificates")});
    return issues;
}

} // namespace tandem
