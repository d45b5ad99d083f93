#pragma once

// What a pair's OPC UA proxy tells clients about itself (OPC 10000-4, 5.4), with or
// without a session: its application and its one endpoint, SecurityPolicy None with
// anonymous sessions, or user name sessions when the pair has a user.

#include "services.h"

namespace tandem::opcua {

struct ProxyDiscovery
{
    QString pair;          // the pair's name, in the application's URI and name
    QString url;           // the URL clients are given, with the listening port
    QString path;          // the endpoint's path
    bool withUser = false; // the pair has a user (PairConfig::user)

    ApplicationDescription application() const;
    // requestedUrl: what the client asked for (GetEndpoints, CreateSession).
    QList<EndpointDescription> endpoints(const QString &requestedUrl) const;
};

} // namespace tandem::opcua
