#pragma once

// What a pair's OPC UA proxy tells clients about itself (OPC 10000-4, 5.4), with or
// without a session: its application and its one endpoint, SecurityPolicy None, with the
// user token policies of the identities the pair accepts (userTokenPolicies()).

#include "config/opcuaidentity.h"
#include "services.h"

namespace tandem::opcua {

struct ProxyDiscovery
{
    QString pair;           // the pair's name, in the application's URI and name
    QString url;            // the URL clients are given, with the listening port
    QString path;           // the endpoint's path
    OpcUaIdentity identity; // what the pair accepts (PairConfig::identity())
    QByteArray certificate; // Tandem's own (DER), to encrypt passwords with; may be empty

    ApplicationDescription application() const;
    // requestedUrl: what the client asked for (GetEndpoints, CreateSession).
    QList<EndpointDescription> endpoints(const QString &requestedUrl) const;
};

} // namespace tandem::opcua
