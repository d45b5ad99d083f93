#pragma once

// What a pair's OPC UA proxy tells clients about itself (OPC 10000-4, 5.4), with or
// without a session: its application and its endpoints, one per offered security setting,
// each with the user token policies of the identities the pair accepts
// (userTokenPolicies()).

#include "config/opcuaidentity.h"
#include "securitypolicy.h"
#include "services.h"

namespace tandem::opcua {

struct ProxyDiscovery
{
    QString pair;           // the pair's name, in the application's URI and name
    QString url;            // the URL clients are given, with the listening port
    QString path;           // the endpoint's path
    OpcUaIdentity identity; // what the pair accepts (PairConfig::identity())
    // The settings the endpoint offers, one EndpointDescription each, and the own
    // certificate (DER) and its ApplicationUri: the secured endpoints present it, and every
    // endpoint gives it to encrypt passwords with; may be empty.
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
