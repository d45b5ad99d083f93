#include "services.h"

namespace tandem::opcua {

QString serverStateName(ServerState state)
{
    static const char *const names[] = {"Running",  "Failed", "NoConfiguration",    "Suspended",
                                        "Shutdown", "Test",   "CommunicationFault", "Unknown"};
    const auto index = qint32(state);
    if (index >= 0 && index < qint32(std::size(names)))
        return QLatin1String(names[index]);
    return QStringLiteral("state %1").arg(index);
}

QString statusCodeText(StatusCode status)
{
    // Only the code's top 16 bits name it; the low bits are flags (info type, overflow...).
    static const std::pair<quint32, const char *> names[] = {
        {Status::BadUnexpectedError, "BadUnexpectedError"},
        {Status::BadInternalError, "BadInternalError"},
        {Status::BadOutOfMemory, "BadOutOfMemory"},
        {Status::BadResourceUnavailable, "BadResourceUnavailable"},
        {Status::BadCommunicationError, "BadCommunicationError"},
        {Status::BadEncodingError, "BadEncodingError"},
        {0x80070000, "BadDecodingError"},
        {Status::BadTimeout, "BadTimeout"},
        {Status::BadServiceUnsupported, "BadServiceUnsupported"},
        {Status::BadShutdown, "BadShutdown"},
        {Status::BadServerNotConnected, "BadServerNotConnected"},
        {Status::BadServerHalted, "BadServerHalted"},
        {Status::BadNothingToDo, "BadNothingToDo"},
        {Status::BadTooManyOperations, "BadTooManyOperations"},
        {0x80130000, "BadSecurityChecksFailed"},
        {Status::BadUserAccessDenied, "BadUserAccessDenied"},
        {Status::BadIdentityTokenInvalid, "BadIdentityTokenInvalid"},
        {Status::BadIdentityTokenRejected, "BadIdentityTokenRejected"},
        {Status::BadSecureChannelIdInvalid, "BadSecureChannelIdInvalid"},
        {Status::BadSessionIdInvalid, "BadSessionIdInvalid"},
        {Status::BadSessionClosed, "BadSessionClosed"},
        {Status::BadSessionNotActivated, "BadSessionNotActivated"},
        {Status::BadSubscriptionIdInvalid, "BadSubscriptionIdInvalid"},
        {Status::BadRequestHeaderInvalid, "BadRequestHeaderInvalid"},
        {Status::BadNoCommunication, "BadNoCommunication"},
        {Status::BadWaitingForInitialData, "BadWaitingForInitialData"},
        {Status::BadNodeIdInvalid, "BadNodeIdInvalid"},
        {Status::BadNodeIdUnknown, "BadNodeIdUnknown"},
        {Status::BadAttributeIdInvalid, "BadAttributeIdInvalid"},
        {Status::BadNotReadable, "BadNotReadable"},
        {Status::BadNotWritable, "BadNotWritable"},
        {Status::BadTypeMismatch, "BadTypeMismatch"},
        {Status::BadTooManySubscriptions, "BadTooManySubscriptions"},
        {Status::BadTooManyPublishRequests, "BadTooManyPublishRequests"},
        {Status::BadNoSubscription, "BadNoSubscription"},
        {Status::BadSequenceNumberUnknown, "BadSequenceNumberUnknown"},
        {Status::BadMessageNotAvailable, "BadMessageNotAvailable"},
        {0x807E0000, "BadTcpMessageTypeInvalid"},
        {0x80800000, "BadTcpMessageTooLarge"},
        {0x80830000, "BadTcpEndpointUrlInvalid"},
        {Status::BadSecureChannelClosed, "BadSecureChannelClosed"},
        {0x80880000, "BadSequenceNumberInvalid"},
        {Status::BadNotConnected, "BadNotConnected"},
        {Status::BadOutOfService, "BadOutOfService"},
        {Status::BadConnectionClosed, "BadConnectionClosed"},
        {0x80B80000, "BadRequestTooLarge"},
        {0x80B90000, "BadResponseTooLarge"},
        {Status::UncertainLastUsableValue, "UncertainLastUsableValue"},
    };
    if (status.code == Status::Good)
        return QStringLiteral("Good");
    const quint32 key = status.code & 0xFFFF0000;
    for (const auto &[code, name] : names)
        if (code == key)
            return QStringLiteral("%1 (%2)").arg(QLatin1String(name), status.toString());
    return status.toString();
}

quint32 readMessageTypeId(Reader &r)
{
    const NodeId id = readNodeId(r);
    if (!r.ok() || id.namespaceIndex != 0 || id.idType() != NodeId::IdType::Numeric)
        return 0;
    return std::get<quint32>(id.identifier);
}

} // namespace tandem::opcua
