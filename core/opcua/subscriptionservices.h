#pragma once

// The subscription service set (OPC 10000-4, 5.13) and the notifications Publish
// delivers (7.22).

#include "servicecommon.h"

namespace tandem::opcua {

struct CreateSubscriptionRequest
{
    static constexpr quint32 BinaryEncodingId = 787;
    RequestHeader requestHeader;
    double requestedPublishingInterval = 1000; // ms
    quint32 requestedLifetimeCount = 60;
    quint32 requestedMaxKeepAliveCount = 10;
    quint32 maxNotificationsPerPublish = 0; // 0: no limit
    bool publishingEnabled = true;
    quint8 priority = 0;
    TANDEM_OPCUA_FIELDS(requestHeader, requestedPublishingInterval, requestedLifetimeCount,
                        requestedMaxKeepAliveCount, maxNotificationsPerPublish, publishingEnabled,
                        priority)
};

struct CreateSubscriptionResponse
{
    static constexpr quint32 BinaryEncodingId = 790;
    ResponseHeader responseHeader;
    quint32 subscriptionId = 0;
    double revisedPublishingInterval = 0;
    quint32 revisedLifetimeCount = 0;
    quint32 revisedMaxKeepAliveCount = 0;
    TANDEM_OPCUA_FIELDS(responseHeader, subscriptionId, revisedPublishingInterval,
                        revisedLifetimeCount, revisedMaxKeepAliveCount)
};

struct ModifySubscriptionRequest
{
    static constexpr quint32 BinaryEncodingId = 793;
    RequestHeader requestHeader;
    quint32 subscriptionId = 0;
    double requestedPublishingInterval = 1000;
    quint32 requestedLifetimeCount = 60;
    quint32 requestedMaxKeepAliveCount = 10;
    quint32 maxNotificationsPerPublish = 0;
    quint8 priority = 0;
    TANDEM_OPCUA_FIELDS(requestHeader, subscriptionId, requestedPublishingInterval,
                        requestedLifetimeCount, requestedMaxKeepAliveCount,
                        maxNotificationsPerPublish, priority)
};

struct ModifySubscriptionResponse
{
    static constexpr quint32 BinaryEncodingId = 796;
    ResponseHeader responseHeader;
    double revisedPublishingInterval = 0;
    quint32 revisedLifetimeCount = 0;
    quint32 revisedMaxKeepAliveCount = 0;
    TANDEM_OPCUA_FIELDS(responseHeader, revisedPublishingInterval, revisedLifetimeCount,
                        revisedMaxKeepAliveCount)
};

struct SetPublishingModeRequest
{
    static constexpr quint32 BinaryEncodingId = 799;
    RequestHeader requestHeader;
    bool publishingEnabled = true;
    QList<quint32> subscriptionIds;
    TANDEM_OPCUA_FIELDS(requestHeader, publishingEnabled, subscriptionIds)
};

struct SetPublishingModeResponse
{
    static constexpr quint32 BinaryEncodingId = 802;
    ResponseHeader responseHeader;
    QList<StatusCode> results;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(responseHeader, results, diagnosticInfos)
};

struct MonitoredItemNotification
{
    quint32 clientHandle = 0;
    DataValue value;
    TANDEM_OPCUA_FIELDS(clientHandle, value)
};

struct DataChangeNotification
{
    static constexpr quint32 BinaryEncodingId = 811;
    QList<MonitoredItemNotification> monitoredItems;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(monitoredItems, diagnosticInfos)
};

struct StatusChangeNotification
{
    static constexpr quint32 BinaryEncodingId = 820;
    StatusCode status;
    DiagnosticInfo diagnosticInfo;
    TANDEM_OPCUA_FIELDS(status, diagnosticInfo)
};

struct NotificationMessage
{
    quint32 sequenceNumber = 0;
    DateTime publishTime;
    QList<ExtensionObject> notificationData; // DataChange, StatusChange or EventNotificationList
    TANDEM_OPCUA_FIELDS(sequenceNumber, publishTime, notificationData)
};

struct SubscriptionAcknowledgement
{
    quint32 subscriptionId = 0;
    quint32 sequenceNumber = 0;
    TANDEM_OPCUA_FIELDS(subscriptionId, sequenceNumber)
};

struct PublishRequest
{
    static constexpr quint32 BinaryEncodingId = 826;
    RequestHeader requestHeader;
    QList<SubscriptionAcknowledgement> subscriptionAcknowledgements;
    TANDEM_OPCUA_FIELDS(requestHeader, subscriptionAcknowledgements)
};

struct PublishResponse
{
    static constexpr quint32 BinaryEncodingId = 829;
    ResponseHeader responseHeader;
    quint32 subscriptionId = 0;
    QList<quint32> availableSequenceNumbers;
    bool moreNotifications = false;
    NotificationMessage notificationMessage;
    QList<StatusCode> results; // one per acknowledgement
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(responseHeader, subscriptionId, availableSequenceNumbers, moreNotifications,
                        notificationMessage, results, diagnosticInfos)
};

struct RepublishRequest
{
    static constexpr quint32 BinaryEncodingId = 832;
    RequestHeader requestHeader;
    quint32 subscriptionId = 0;
    quint32 retransmitSequenceNumber = 0;
    TANDEM_OPCUA_FIELDS(requestHeader, subscriptionId, retransmitSequenceNumber)
};

struct RepublishResponse
{
    static constexpr quint32 BinaryEncodingId = 835;
    ResponseHeader responseHeader;
    NotificationMessage notificationMessage;
    TANDEM_OPCUA_FIELDS(responseHeader, notificationMessage)
};

// TransferSubscriptions (OPC 10000-4 §5.13.7): a session takes over subscriptions of another
// session of the same user; each result carries the sequence numbers left for Republish.
struct TransferResult
{
    StatusCode statusCode;
    QList<quint32> availableSequenceNumbers;
    TANDEM_OPCUA_FIELDS(statusCode, availableSequenceNumbers)
};

struct TransferSubscriptionsRequest
{
    static constexpr quint32 BinaryEncodingId = 841;
    RequestHeader requestHeader;
    QList<quint32> subscriptionIds;
    bool sendInitialValues = false;
    TANDEM_OPCUA_FIELDS(requestHeader, subscriptionIds, sendInitialValues)
};

struct TransferSubscriptionsResponse
{
    static constexpr quint32 BinaryEncodingId = 844;
    ResponseHeader responseHeader;
    QList<TransferResult> results;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(responseHeader, results, diagnosticInfos)
};

struct DeleteSubscriptionsRequest
{
    static constexpr quint32 BinaryEncodingId = 847;
    RequestHeader requestHeader;
    QList<quint32> subscriptionIds;
    TANDEM_OPCUA_FIELDS(requestHeader, subscriptionIds)
};

struct DeleteSubscriptionsResponse
{
    static constexpr quint32 BinaryEncodingId = 850;
    ResponseHeader responseHeader;
    QList<StatusCode> results;
    QList<DiagnosticInfo> diagnosticInfos;
    TANDEM_OPCUA_FIELDS(responseHeader, results, diagnosticInfos)
};

} // namespace tandem::opcua
