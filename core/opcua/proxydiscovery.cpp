#include "proxydiscovery.h"

#include "proxyidentity.h"
#include "transport.h"

#include <QUrl>

namespace tandem::opcua {

namespace {

const QString TransportProfile =
    QStringLiteral("http://opcfoundation.org/UA-Profile/Transport/uatcp-uasc-uabinary");

} // namespace

ApplicationDescription ProxyDiscovery::application() const
{
    ApplicationDescription app;
    // A secured endpoint's application is the one its certificate names (OPC 10000-4 §6.1.3).
    app.applicationUri =
        certificateUri.isEmpty() ? QStringLiteral("urn:tandem:%1").arg(pair) : certificateUri;
    app.productUri = QStringLiteral("urn:tandem");
    app.applicationName = LocalizedText{QString(), QStringLiteral("Tandem %1").arg(pair)};
    app.applicationType = ApplicationType::Server;
    app.discoveryUrls = {url};
    return app;
}

QList<EndpointDescription> ProxyDiscovery::endpoints(const QString &requestedUrl) const
{
    EndpointDescription e;
    // The URL the client used when it names this endpoint (a host name or address the
    // proxy cannot know), else the proxy's own.
    const QUrl asked(requestedUrl);
    e.endpointUrl =
        asked.isValid() && asked.scheme() == QLatin1String("opc.tcp") && asked.path() == path
            ? requestedUrl
            : url;
    e.server = application();
    e.securityMode = MessageSecurityMode::None;
    e.securityPolicyUri = SecurityPolicyNone;
    e.serverCertificate = certificate;
    e.userIdentityTokens = userTokenPolicies(identity, e.securityPolicyUri);
    e.transportProfileUri = TransportProfile;
    e.securityLevel = 0;
    return withSecurity(e);
}

QList<EndpointDescription> ProxyDiscovery::withSecurity(const EndpointDescription &plain) const
{
    QList<EndpointDescription> endpoints;
    for (const SecuritySetting &setting : offered) {
        EndpointDescription e = plain;
        e.securityMode = setting.mode;
        e.securityPolicyUri = setting.securityPolicy().uriString();
        e.userIdentityTokens = userTokenPolicies(identity, e.securityPolicyUri);
        if (setting.policy != SecurityPolicyId::None) {
            // The stronger the higher: the mode first, then the policy (the table's order).
            e.securityLevel = quint8(int(setting.mode) * 10 + int(setting.policy));
        }
        endpoints << e;
    }
    return endpoints;
}

} // namespace tandem::opcua
