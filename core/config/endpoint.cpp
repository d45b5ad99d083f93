#include "endpoint.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

namespace tandem {

namespace {
// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Endpoint)
};

// Splits `host:port`, `[v6]:port`, `host` or `[v6]`; port 0 when absent.
bool splitHostPort(const QString &text, QString *host, int *port, QString *error)
{
    QString rest;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0) {
            *error = Tr::tr("'%1' has an opening '[' without a closing ']'").arg(text);
            return false;
        }
        *host = text.mid(1, close - 1);
        rest = text.mid(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(QLatin1Char(':'))) {
            *error = Tr::tr("'%1': expected ':PORT' after ']'").arg(text);
            return false;
        }
    } else {
        const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
        if (colon >= 0 && text.indexOf(QLatin1Char(':')) != colon) {
            *error = Tr::tr("'%1': write IPv6 addresses in brackets, like [::1]:502").arg(text);
            return false;
        }
        *host = colon < 0 ? text : text.left(colon);
        rest = colon < 0 ? QString() : text.mid(colon);
    }
    *port = 0;
    if (!rest.isEmpty()) {
        bool ok = false;
        const int value = rest.mid(1).toInt(&ok);
        if (!ok || value < 1 || value > 65535) {
            *error = Tr::tr("'%1': port must be a number from 1 to 65535").arg(text);
            return false;
        }
        *port = value;
    }
    if (host->isEmpty()) {
        *error = Tr::tr("'%1' has no host name or address").arg(text);
        return false;
    }
    if (!isValidHost(*host)) {
        *error = Tr::tr("'%1' is not a valid host name or IP address").arg(*host);
        return false;
    }
    return true;
}

bool isWildcardHost(const QString &host)
{
    return host == QLatin1String("0.0.0.0") || host == QLatin1String("::") ||
           host == QLatin1String("*");
}
} // namespace

QString protocolKey(Protocol protocol)
{
    return protocol == Protocol::OpcUa ? QStringLiteral("opcua") : QStringLiteral("modbus-tcp");
}

std::optional<Protocol> protocolFromKey(const QString &key)
{
    if (key == QLatin1String("modbus-tcp"))
        return Protocol::ModbusTcp;
    if (key == QLatin1String("opcua"))
        return Protocol::OpcUa;
    return std::nullopt;
}

quint16 defaultServerPort(Protocol protocol)
{
    return protocol == Protocol::OpcUa ? 4840 : 502;
}

bool isValidHost(const QString &host)
{
    if (host.isEmpty() || host.size() > 253)
        return false;
    // QHostAddress skips white space ("[\v0]" would be 0.0.0.0), but the host is kept as
    // written: a host must not hold any.
    static const QRegularExpression blank(QStringLiteral("[\\s\\x00-\\x1f\\x7f]"));
    if (host.contains(blank))
        return false;
    if (QHostAddress address; address.setAddress(host))
        return true;
    // RFC 1123 labels; a name made only of digits and dots would be a mistyped IPv4 address.
    static const QRegularExpression label(
        QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    static const QRegularExpression numeric(QStringLiteral("^[0-9.]+$"));
    if (numeric.match(host).hasMatch())
        return false;
    QString name = host;
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    const QStringList labels = name.split(QLatin1Char('.'));
    for (const QString &l : labels)
        if (!label.match(l).hasMatch())
            return false;
    return true;
}

std::optional<MachineAddress> MachineAddress::parse(const QString &text, Protocol protocol,
                                                    QString *error)
{
    QString host;
    int port = 0;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        *error = Tr::tr("no machine given: enter a host name or IP address");
        return std::nullopt;
    }
    QString rest = trimmed;
    QString path;
    if (protocol == Protocol::OpcUa) {
        const QLatin1String scheme("opc.tcp://");
        // Another scheme is "xyz://" before the path; a path may hold "://" itself (it is
        // written back without the scheme, as host:port/path).
        const qsizetype otherScheme = rest.indexOf(QLatin1String("://"));
        if (rest.startsWith(scheme, Qt::CaseInsensitive))
            rest = rest.mid(scheme.size());
        else if (otherScheme >= 0 && otherScheme < rest.indexOf(QLatin1Char('/'))) {
            *error = Tr::tr("'%1' is not an OPC UA machine: write host[:port][/path] or "
                            "opc.tcp://host[:port][/path]")
                         .arg(trimmed);
            return std::nullopt;
        }
        const qsizetype slash = rest.indexOf(QLatin1Char('/'));
        if (slash >= 0) {
            path = rest.mid(slash);
            rest = rest.left(slash);
            if (path == QLatin1String("/"))
                path.clear();
            else if (path.contains(QRegularExpression(QStringLiteral("[\\s?#\\x00-\\x1f\\x7f]")))) {
                *error = Tr::tr("'%1': the path must not contain spaces, control characters, "
                                "'?' or '#'")
                             .arg(path);
                return std::nullopt;
            }
        }
    }
    if (!splitHostPort(rest, &host, &port, error))
        return std::nullopt;
    return MachineAddress{host, port ? quint16(port) : defaultServerPort(protocol), path};
}

QString MachineAddress::toString() const
{
    const QString h =
        host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return h + QLatin1Char(':') + QString::number(port) + path;
}

QString MachineAddress::opcUaUrl() const
{
    return QLatin1String("opc.tcp://") + toString();
}

std::optional<Endpoint> Endpoint::parse(const QString &text, Protocol protocol, QString *error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        *error = Tr::tr("no endpoint given: clients need an address and port to connect to");
        return std::nullopt;
    }
    Endpoint endpoint;
    int port = 0;
    if (protocol == Protocol::ModbusTcp) {
        if (!splitHostPort(trimmed, &endpoint.host, &port, error))
            return std::nullopt;
        if (port == 0) {
            *error =
                Tr::tr("'%1' has no port: write ADDRESS:PORT, like 127.0.0.1:1502").arg(trimmed);
            return std::nullopt;
        }
    } else {
        const QUrl url(trimmed, QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != QLatin1String("opc.tcp")) {
            *error = Tr::tr("'%1' is not an OPC UA URL like opc.tcp://localhost:4841/line1")
                         .arg(trimmed);
            return std::nullopt;
        }
        endpoint.host = url.host();
        if (!isValidHost(endpoint.host)) {
            *error = Tr::tr("'%1' is not a valid host name or IP address").arg(endpoint.host);
            return std::nullopt;
        }
        port = url.port(defaultServerPort(protocol));
        if (port < 1 || port > 65535) {
            *error = Tr::tr("'%1': port must be a number from 1 to 65535").arg(trimmed);
            return std::nullopt;
        }
        endpoint.path = url.path();
    }
    endpoint.port = quint16(port);
    return endpoint;
}

QHostAddress Endpoint::listenAddress() const
{
    if (host == QLatin1String("localhost"))
        return QHostAddress(QHostAddress::LocalHost);
    return isWildcard() ? QHostAddress(QHostAddress::Any) : QHostAddress(host);
}

bool Endpoint::isWildcard() const
{
    return isWildcardHost(host);
}

bool Endpoint::overlaps(const Endpoint &other) const
{
    if (port != other.port)
        return false;
    return isWildcard() || other.isWildcard() ||
           host.compare(other.host, Qt::CaseInsensitive) == 0 ||
           (QHostAddress(host).isLoopback() && QHostAddress(other.host).isLoopback()) ||
           (host == QLatin1String("localhost") && QHostAddress(other.host).isLoopback()) ||
           (other.host == QLatin1String("localhost") && QHostAddress(host).isLoopback());
}

} // namespace tandem
