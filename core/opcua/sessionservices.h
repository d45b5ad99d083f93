#pragma once

// The session service set (OPC 10000-4, 5.6) and its identity tokens (7.36).

#include "discoveryservices.h"

namespace tandem::opcua {

struct SignedSoftwareCertificate
{
    QByteArray certificateData;
    QByteArray signature;
    TANDEM_OPCUA_FIELDS(certificateData, signature)
};

struct SignatureData
{
    QString algorithm;
    QByteArray signature;
    TANDEM_OPCUA_FIELDS(algorithm, signature)
};

struct CreateSessionRequest
{
    static constexpr quint32 BinaryEncodingId = 461;
    RequestHeader requestHeader;
    ApplicationDescription clientDescription;
    QString serverUri;
    QString endpointUrl;
    QString sessionName;
    QByteArray clientNonce;
    QByteArray clientCertificate;
    double requestedSessionTimeout = 0; // ms
    quint32 maxResponseMessageSize = 0;
    TANDEM_OPCUA_FIELDS(requestHeader, clientDescription, serverUri, endpointUrl, sessionName,
                        clientNonce, clientCertificate, requestedSessionTimeout,
                        maxResponseMessageSize)
};

struct CreateSessionResponse
{
    static constexpr quint32 BinaryEncodingId = 464;
    ResponseHeader responseHeader;
    NodeId sessionId;
    NodeId authenticationToken;
    double revisedSessionTimeout = 0;
    QByteArray serverNonce;
    QByteArray serverCertificate;
    QList<EndpointDescription> serverEndpoints;
    QList<SignedSoftwareCertificate> serverSoftwareCertificates;
    SignatureData serverSignature;
    quint32 maxRequestMessageSize = 0;
    TANDEM_OPCUA_FIELDS(responseHeader, sessionId, authenticationToken, revisedSessionTimeout,
                        serverNonce, serverCertificate, serverEndpoints, serverSoftwareCertificates,
                        serverSignature, maxRequestMessageSize)
};

struct AnonymousIdentityToken
{
    static constexpr quint32 BinaryEncodingId = 321;
    QString policyId;
    TANDEM_OPCUA_FIELDS(policyId)
};

struct UserNameIdentityToken
{
    static constexpr quint32 BinaryEncodingId = 324;
    QString policyId;
    QString userName;
    QByteArray password; // UTF-8, in clear text when encryptionAlgorithm is empty
    QString encryptionAlgorithm;
    TANDEM_OPCUA_FIELDS(policyId, userName, password, encryptionAlgorithm)
};

// A user's X.509 certificate (DER); the ActivateSession's userTokenSignature proves the
// client holds its key (OPC 10000-4 §7.41.2.5).
struct X509IdentityToken
{
    static constexpr quint32 BinaryEncodingId = 327;
    QString policyId;
    QByteArray certificateData;
    TANDEM_OPCUA_FIELDS(policyId, certificateData)
};

struct ActivateSessionRequest
{
    static constexpr quint32 BinaryEncodingId = 467;
    RequestHeader requestHeader;
    SignatureData clientSignature;
    QList<SignedSoftwareCertificate> clientSoftwareCertificates;
    QList<QString> localeIds;
    ExtensionObject userIdentityToken;
    SignatureData userTokenSignature;
    TANDEM_OPCUA_FIELDS(requestHeader, clientSignature, clientSoftwareCertificates, localeIds,
                        userIdentityToken, userTokenSignature)
};

struct ActivateSessionResponse
{
    static constexpr quint32 BinaryEncodingId = 470;
    ResponseHeader responseHeader;
    QByteArray serverNonce;
    QList<StatusCode> results;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(responseHeader, serverNonce, results, diagnosticInfos)
};

struct CloseSessionRequest
{
    static constexpr quint32 BinaryEncodingId = 473;
    RequestHeader requestHeader;
    bool deleteSubscriptions = true;
    TANDEM_OPCUA_FIELDS(requestHeader, deleteSubscriptions)
};

struct CloseSessionResponse
{
    static constexpr quint32 BinaryEncodingId = 476;
    ResponseHeader responseHeader;
    TANDEM_OPCUA_FIELDS(responseHeader)
};

} // namespace tandem::opcua
