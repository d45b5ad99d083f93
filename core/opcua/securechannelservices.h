#pragma once

// The secure channel service set (OPC 10000-4, 5.5).

#include "servicecommon.h"

namespace tandem::opcua {

enum class MessageSecurityMode : qint32
{
    Invalid = 0,
    None = 1,
    Sign = 2,
    SignAndEncrypt = 3,
};

enum class SecurityTokenRequestType : qint32
{
    Issue = 0,
    Renew = 1,
};

struct ChannelSecurityToken
{
    quint32 channelId = 0;
    quint32 tokenId = 0;
    DateTime createdAt;
    quint32 revisedLifetime = 0; // ms
    TANDEM_OPCUA_FIELDS(channelId, tokenId, createdAt, revisedLifetime)
};

struct OpenSecureChannelRequest
{
    static constexpr quint32 BinaryEncodingId = 446;
    RequestHeader requestHeader;
    quint32 clientProtocolVersion = 0;
    SecurityTokenRequestType requestType = SecurityTokenRequestType::Issue;
    MessageSecurityMode securityMode = MessageSecurityMode::None;
    QByteArray clientNonce;
    quint32 requestedLifetime = 0; // ms
    TANDEM_OPCUA_FIELDS(requestHeader, clientProtocolVersion, requestType, securityMode,
                        clientNonce, requestedLifetime)
};

struct OpenSecureChannelResponse
{
    static constexpr quint32 BinaryEncodingId = 449;
    ResponseHeader responseHeader;
    quint32 serverProtocolVersion = 0;
    ChannelSecurityToken securityToken;
    QByteArray serverNonce;
    TANDEM_OPCUA_FIELDS(responseHeader, serverProtocolVersion, securityToken, serverNonce)
};

struct CloseSecureChannelRequest
{
    static constexpr quint32 BinaryEncodingId = 452;
    RequestHeader requestHeader;
    TANDEM_OPCUA_FIELDS(requestHeader)
};

struct CloseSecureChannelResponse
{
    static constexpr quint32 BinaryEncodingId = 455;
    ResponseHeader responseHeader;
    TANDEM_OPCUA_FIELDS(responseHeader)
};

} // namespace tandem::opcua
