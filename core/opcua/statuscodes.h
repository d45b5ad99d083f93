#pragma once

// The OPC UA status codes Tandem uses (OPC 10000-4, 7.39; values from StatusCode.csv),
// named once: Status::BadNodeIdUnknown and its text in statusCodeText() come from the same
// list.

#include "types.h"

#include <QString>

namespace tandem::opcua {

#define TANDEM_OPCUA_STATUS_CODES(X)                                                               \
    X(GoodNoData, 0x00A50000)                                                                      \
    X(UncertainLastUsableValue, 0x40900000)                                                        \
    X(BadUnexpectedError, 0x80010000)                                                              \
    X(BadInternalError, 0x80020000)                                                                \
    X(BadOutOfMemory, 0x80030000)                                                                  \
    X(BadResourceUnavailable, 0x80040000)                                                          \
    X(BadCommunicationError, 0x80050000)                                                           \
    X(BadEncodingError, 0x80060000)                                                                \
    X(BadDecodingError, 0x80070000)                                                                \
    X(BadTimeout, 0x800A0000)                                                                      \
    X(BadServiceUnsupported, 0x800B0000)                                                           \
    X(BadShutdown, 0x800C0000)                                                                     \
    X(BadServerNotConnected, 0x800D0000)                                                           \
    X(BadServerHalted, 0x800E0000)                                                                 \
    X(BadNothingToDo, 0x800F0000)                                                                  \
    X(BadTooManyOperations, 0x80100000)                                                            \
    X(BadCertificateInvalid, 0x80120000)                                                           \
    X(BadSecurityChecksFailed, 0x80130000)                                                         \
    X(BadCertificateTimeInvalid, 0x80140000)                                                       \
    X(BadCertificateHostNameInvalid, 0x80160000)                                                   \
    X(BadCertificateUriInvalid, 0x80170000)                                                        \
    X(BadCertificateUntrusted, 0x801A0000)                                                         \
    X(BadUserAccessDenied, 0x801F0000)                                                             \
    X(BadIdentityTokenInvalid, 0x80200000)                                                         \
    X(BadIdentityTokenRejected, 0x80210000)                                                        \
    X(BadSecureChannelIdInvalid, 0x80220000)                                                       \
    X(BadNonceInvalid, 0x80240000)                                                                 \
    X(BadSessionIdInvalid, 0x80250000)                                                             \
    X(BadSessionClosed, 0x80260000)                                                                \
    X(BadSessionNotActivated, 0x80270000)                                                          \
    X(BadSubscriptionIdInvalid, 0x80280000)                                                        \
    X(BadRequestHeaderInvalid, 0x802A0000)                                                         \
    X(BadNoCommunication, 0x80310000)                                                              \
    X(BadWaitingForInitialData, 0x80320000)                                                        \
    X(BadNodeIdInvalid, 0x80330000)                                                                \
    X(BadNodeIdUnknown, 0x80340000)                                                                \
    X(BadAttributeIdInvalid, 0x80350000)                                                           \
    X(BadIndexRangeInvalid, 0x80360000)                                                            \
    X(BadNotReadable, 0x803A0000)                                                                  \
    X(BadNotWritable, 0x803B0000)                                                                  \
    X(BadOutOfRange, 0x803C0000)                                                                   \
    X(BadMonitoredItemIdInvalid, 0x80420000)                                                       \
    X(BadContinuationPointInvalid, 0x804A0000)                                                     \
    X(BadNoContinuationPoints, 0x804B0000)                                                         \
    X(BadHistoryOperationInvalid, 0x80710000)                                                      \
    X(BadHistoryOperationUnsupported, 0x80720000)                                                  \
    X(BadRequestTypeInvalid, 0x80530000)                                                           \
    X(BadSecurityModeRejected, 0x80540000)                                                         \
    X(BadSecurityPolicyRejected, 0x80550000)                                                       \
    X(BadApplicationSignatureInvalid, 0x80580000)                                                  \
    X(BadTooManySessions, 0x80560000)                                                              \
    X(BadUserSignatureInvalid, 0x80570000)                                                         \
    X(BadTypeMismatch, 0x80740000)                                                                 \
    X(BadMethodInvalid, 0x80750000)                                                                \
    X(BadArgumentsMissing, 0x80760000)                                                             \
    X(BadTooManySubscriptions, 0x80770000)                                                         \
    X(BadTooManyPublishRequests, 0x80780000)                                                       \
    X(BadNoSubscription, 0x80790000)                                                               \
    X(BadSequenceNumberUnknown, 0x807A0000)                                                        \
    X(BadMessageNotAvailable, 0x807B0000)                                                          \
    X(BadTcpMessageTypeInvalid, 0x807E0000)                                                        \
    X(BadTcpMessageTooLarge, 0x80800000)                                                           \
    X(BadTcpNotEnoughResources, 0x80810000)                                                        \
    X(BadTcpInternalError, 0x80820000)                                                             \
    X(BadTcpEndpointUrlInvalid, 0x80830000)                                                        \
    X(BadSecureChannelClosed, 0x80860000)                                                          \
    X(BadSecureChannelTokenUnknown, 0x80870000)                                                    \
    X(BadSequenceNumberInvalid, 0x80880000)                                                        \
    X(BadNotConnected, 0x808A0000)                                                                 \
    X(BadOutOfService, 0x808D0000)                                                                 \
    X(BadInvalidArgument, 0x80AB0000)                                                              \
    X(BadConnectionRejected, 0x80AC0000)                                                           \
    X(BadConnectionClosed, 0x80AE0000)                                                             \
    X(BadInvalidState, 0x80AF0000)                                                                 \
    X(BadRequestTooLarge, 0x80B80000)                                                              \
    X(BadResponseTooLarge, 0x80B90000)                                                             \
    X(BadProtocolVersionUnsupported, 0x80BE0000)                                                   \
    X(BadBoundNotFound, 0x80D70000)                                                                \
    X(BadTooManyMonitoredItems, 0x80DB0000)                                                        \
    X(BadTooManyArguments, 0x80E50000)                                                             \
    X(BadCertificatePolicyCheckFailed, 0x81140000)

namespace Status {
constexpr quint32 Good = 0;
#define TANDEM_OPCUA_STATUS_CONSTANT(name, value) constexpr quint32 name = value;
TANDEM_OPCUA_STATUS_CODES(TANDEM_OPCUA_STATUS_CONSTANT)
#undef TANDEM_OPCUA_STATUS_CONSTANT
} // namespace Status

// "BadNodeIdUnknown (0x80340000)" for the codes above, "0x80AB0000" for others, "Good".
QString statusCodeText(StatusCode status);

} // namespace tandem::opcua
