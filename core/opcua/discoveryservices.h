#pragma once

// The discovery service set (OPC 10000-4, 5.4): FindServers, GetEndpoints and what they
// describe.

#include "securechannelservices.h"

namespace tandem::opcua {

enum class ApplicationType : qint32
{
    Server = 0,
    Client = 1,
    ClientAndServer = 2,
    DiscoveryServer = 3,
};

enum class UserTokenType : qint32
{
    Anonymous = 0,
    UserName = 1,
    Certificate = 2,
    IssuedToken = 3,
};

struct ApplicationDescription
{
    static constexpr quint32 BinaryEncodingId = 310;
    QString applicationUri;
    QString productUri;
    LocalizedText applicationName;
    ApplicationType applicationType = ApplicationType::Client;
    QString gatewayServerUri;
    QString discoveryProfileUri;
    QList<QString> discoveryUrls;
    TANDEM_OPCUA_FIELDS(applicationUri, productUri, applicationName, applicationType,
                        gatewayServerUri, discoveryProfileUri, discoveryUrls)
};

struct UserTokenPolicy
{
    static constexpr quint32 BinaryEncodingId = 306;
    QString policyId;
    UserTokenType tokenType = UserTokenType::Anonymous;
    QString issuedTokenType;
    QString issuerEndpointUrl;
    QString securityPolicyUri; // empty: the endpoint's policy
    TANDEM_OPCUA_FIELDS(policyId, tokenType, issuedTokenType, issuerEndpointUrl, securityPolicyUri)
};

struct EndpointDescription
{
    static constexpr quint32 BinaryEncodingId = 314;
    QString endpointUrl;
    ApplicationDescription server;
    QByteArray serverCertificate;
    MessageSecurityMode securityMode = MessageSecurityMode::None;
    QString securityPolicyUri;
    QList<UserTokenPolicy> userIdentityTokens;
    QString transportProfileUri;
    quint8 securityLevel = 0;
    TANDEM_OPCUA_FIELDS(endpointUrl, server, serverCertificate, securityMode, securityPolicyUri,
                        userIdentityTokens, transportProfileUri, securityLevel)
};

struct FindServersRequest
{
    static constexpr quint32 BinaryEncodingId = 422;
    RequestHeader requestHeader;
    QString endpointUrl;
    QList<QString> localeIds;
    QList<QString> serverUris;
    TANDEM_OPCUA_FIELDS(requestHeader, endpointUrl, localeIds, serverUris)
};

struct FindServersResponse
{
    static constexpr quint32 BinaryEncodingId = 425;
    ResponseHeader responseHeader;
    QList<ApplicationDescription> servers;
    TANDEM_OPCUA_FIELDS(responseHeader, servers)
};

struct GetEndpointsRequest
{
    static constexpr quint32 BinaryEncodingId = 428;
    RequestHeader requestHeader;
    QString endpointUrl;
    QList<QString> localeIds;
    QList<QString> profileUris;
    TANDEM_OPCUA_FIELDS(requestHeader, endpointUrl, localeIds, profileUris)
};

struct GetEndpointsResponse
{
    static constexpr quint32 BinaryEncodingId = 431;
    ResponseHeader responseHeader;
    QList<EndpointDescription> endpoints;
    TANDEM_OPCUA_FIELDS(responseHeader, endpoints)
};

} // namespace tandem::opcua
