// libFuzzer target: arbitrary bytes as a service message body from a peer, decoded the
// way the client (and the proxy of part 2) does it: the encoding id first, then the one
// structure it names, within the default Limits. A failure must come with an error
// message; a success must re-encode to bytes that decode again, completely, and re-encode
// to the very same bytes.
#include "opcua/services.h"

#include <cstdlib>

using namespace tandem::opcua;

namespace {

template <typename... Messages> struct MessageList
{
};

using AllMessages = MessageList<
    ServiceFault, OpenSecureChannelRequest, OpenSecureChannelResponse, CloseSecureChannelRequest,
    CloseSecureChannelResponse, FindServersRequest, FindServersResponse, GetEndpointsRequest,
    GetEndpointsResponse, CreateSessionRequest, CreateSessionResponse, ActivateSessionRequest,
    ActivateSessionResponse, CloseSessionRequest, CloseSessionResponse, ReadRequest, ReadResponse,
    WriteRequest, WriteResponse, BrowseRequest, BrowseResponse, BrowseNextRequest,
    BrowseNextResponse, TranslateBrowsePathsToNodeIdsRequest, TranslateBrowsePathsToNodeIdsResponse,
    CreateMonitoredItemsRequest, CreateMonitoredItemsResponse, ModifyMonitoredItemsRequest,
    ModifyMonitoredItemsResponse, SetMonitoringModeRequest, SetMonitoringModeResponse,
    DeleteMonitoredItemsRequest, DeleteMonitoredItemsResponse, CreateSubscriptionRequest,
    CreateSubscriptionResponse, ModifySubscriptionRequest, ModifySubscriptionResponse,
    SetPublishingModeRequest, SetPublishingModeResponse, PublishRequest, PublishResponse,
    RepublishRequest, RepublishResponse, DeleteSubscriptionsRequest, DeleteSubscriptionsResponse,
    HistoryReadRequest, HistoryReadResponse, HistoryUpdateRequest, HistoryUpdateResponse,
    CallRequest, CallResponse, RegisterNodesRequest, RegisterNodesResponse, UnregisterNodesRequest,
    UnregisterNodesResponse>;

template <typename T> void check(QByteArrayView body, Reader &reader)
{
    T message;
    QString error;
    if (!decodeMessageBody(reader, &message, &error)) {
        if (error.isEmpty() || !error.contains(QLatin1String(" at offset ")))
            abort();
        return;
    }
    // The known ExtensionObjects inside must decode without harm too.
    if constexpr (std::is_same_v<T, PublishResponse> || std::is_same_v<T, RepublishResponse>)
        for (const ExtensionObject &data : message.notificationMessage.notificationData) {
            (void)fromExtensionObject<DataChangeNotification>(data);
            (void)fromExtensionObject<StatusChangeNotification>(data);
            (void)fromExtensionObject<EventNotificationList>(data);
        }
    if constexpr (std::is_same_v<T, CreateMonitoredItemsRequest>)
        for (const MonitoredItemCreateRequest &item : message.itemsToCreate)
            (void)fromExtensionObject<EventFilter>(item.requestedParameters.filter);
    if constexpr (std::is_same_v<T, CreateMonitoredItemsResponse>)
        for (const MonitoredItemCreateResult &result : message.results)
            (void)fromExtensionObject<EventFilterResult>(result.filterResult);
    if constexpr (std::is_same_v<T, ActivateSessionRequest>) {
        (void)fromExtensionObject<UserNameIdentityToken>(message.userIdentityToken);
        (void)fromExtensionObject<AnonymousIdentityToken>(message.userIdentityToken);
    }
    if constexpr (std::is_same_v<T, HistoryReadRequest>) {
        (void)fromExtensionObject<ReadRawModifiedDetails>(message.historyReadDetails);
        (void)fromExtensionObject<ReadProcessedDetails>(message.historyReadDetails);
        (void)fromExtensionObject<ReadAtTimeDetails>(message.historyReadDetails);
        (void)fromExtensionObject<ReadEventDetails>(message.historyReadDetails);
    }
    if constexpr (std::is_same_v<T, HistoryReadResponse>)
        for (const HistoryReadResult &result : message.results) {
            (void)fromExtensionObject<HistoryData>(result.historyData);
            (void)fromExtensionObject<HistoryModifiedData>(result.historyData);
            (void)fromExtensionObject<HistoryEvent>(result.historyData);
        }
    if constexpr (std::is_same_v<T, HistoryUpdateRequest>)
        for (const ExtensionObject &details : message.historyUpdateDetails)
            (void)fromExtensionObject<UpdateDataDetails>(details);
    const QByteArray encoded = encodeMessage(message);
    Reader again(encoded);
    if (readMessageTypeId(again) != T::BinaryEncodingId)
        abort();
    T second;
    if (!decodeMessageBody(again, &second, &error))
        abort();
    if (encodeMessage(second) != encoded)
        abort();
    (void)body;
}

template <typename... Messages>
bool dispatch(quint32 typeId, QByteArrayView body, Reader &reader, MessageList<Messages...>)
{
    return (
        (typeId == Messages::BinaryEncodingId ? (check<Messages>(body, reader), true) : false) ||
        ...);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView body(reinterpret_cast<const char *>(data), qsizetype(size));
    Reader reader(body);
    const quint32 typeId = readMessageTypeId(reader);
    if (!reader.ok() || typeId == 0)
        return 0;
    dispatch(typeId, body, reader, AllMessages());
    return 0;
}
