#pragma once

// What a pair's OPC UA proxy tells clients about itself (OPC 10000-4, 5.4), with or
// without a session: its application and its endpoints, one per offered security setting,
// with anonymous sessions, or user name sessions when the pair has a user.

#include "securitypolicy.h"
#include "services.h"

namespace tandem::opcua {

struct ProxyDiscovery
{
    QString pair;          // the pair's name, in the application's URI and name
    QString url;           // the URL clients are given, with the listening port
    QString path;          // the endpoint's path
    bool withUser = false; // the pair has a user (PairConfig::user)
    // The settings the endpoint offers, one EndpointDescription each, and the own
    // certificate (DER) and its ApplicationUri the secured ones present.
    QList<SecuritySetting> offered = {SecuritySetting{}};
    QByteArray certificate{};
    QString certificateUri{};

    ApplicationDescription application() const;
    // requestedUrl: what the client asked for (GetEndpoints, CreateSession).
    QList<EndpointDescription> endpoints(const QString &requestedUrl) const;

private:
    // The endpoint as plain describes it, once per offered setting.
    QList<EndpointDescription> withSecurity(const EndpointDescription &plain) const;
};

} // namespace tandem::opcua
