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
    app.applicationUri = QStringLiteral("urn:tandem:%1").arg(pair);
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
    return {e};
}

} // namespace tandem::opcua
