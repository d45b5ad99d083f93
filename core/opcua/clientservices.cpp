#include "client.h"

// Client's requests: the header and the wire, the answer or why there is none, and the
// typed calls of the services Tandem uses outside subscriptions (clientsubscriptions.cpp).

namespace tandem::opcua {

void Client::fillHeader(RequestHeader &header, int timeoutMs)
{
    header.authenticationToken = m_authenticationToken;
    header.timestamp = DateTime::fromQDateTime(QDateTime::currentDateTimeUtc());
    header.requestHandle = m_nextHandle++;
    if (m_nextHandle == 0)
        m_nextHandle = 1;
    header.timeoutHint = quint32(std::max(0, timeoutMs));
}

void Client::send(const QByteArray &body, int timeoutMs, MessageType type, RawHandler handler)
{
    const quint32 requestId = m_nextRequestId++;
    if (m_nextRequestId == 0)
        m_nextRequestId = 1;
    if (!m_socket || m_state == State::Disconnected || m_state == State::Closing) {
        const CallStatus status{StatusCode{Status::BadNotConnected}, tr("not connected")};
        QMetaObject::invokeMethod(
            this, [handler = std::move(handler), status] { handler(nullptr, status); },
            Qt::QueuedConnection);
        return;
    }
    if (m_limits.maxMessageSize != 0 && quint32(body.size()) > m_limits.maxMessageSize) {
        const CallStatus status{StatusCode{Status::BadRequestTooLarge},
                                tr("the request of %1 bytes exceeds the server's limit of %2")
                                    .arg(body.size())
                                    .arg(m_limits.maxMessageSize)};
        QMetaObject::invokeMethod(
            this, [handler = std::move(handler), status] { handler(nullptr, status); },
            Qt::QueuedConnection);
        return;
    }
    SecureMessage message;
    message.type = type;
    message.secureChannelId = m_token.channelId;
    message.tokenId = m_token.tokenId;
    message.requestId = requestId;
    message.body = body;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, requestId, timeoutMs] {
        finish(requestId, nullptr,
               {StatusCode{Status::BadTimeout}, tr("no answer within %1 ms").arg(timeoutMs)});
    });
    timer->start(std::max(1, timeoutMs));
    m_pending.insert(requestId, Pending{std::move(handler), timer});
    CallStatus failed;
    if (!encodeAndWrite(message, &failed)) {
        QMetaObject::invokeMethod(
            this, [this, requestId, failed] { finish(requestId, nullptr, failed); },
            Qt::QueuedConnection);
    }
}

bool Client::encodeAndWrite(const SecureMessage &message, CallStatus *status)
{
    if (m_chunks)
        m_chunks->setNow(m_monotonic.elapsed());
    CryptoError error;
    const auto chunks =
        m_chunks ? m_chunks->encode(message, m_limits.sendBufferSize, &m_nextSequenceNumber, &error)
                 : std::optional(encodeSecureMessage(message, m_limits, &m_nextSequenceNumber));
    if (!chunks) {
        *status = {StatusCode{error.status},
                   tr("the request cannot be secured: %1").arg(error.toString())};
        return false;
    }
    for (const QByteArray &chunk : *chunks)
        m_socket->write(chunk);
    return true;
}

void Client::finish(quint32 requestId, const QByteArray *body, const CallStatus &status)
{
    const auto it = m_pending.find(requestId);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(*it);
    m_pending.erase(it);
    pending.timer->deleteLater();
    pending.timer->stop();
    pending.handler(body, status);
}

CallStatus Client::resultCountMismatch(qsizetype got, qsizetype expected)
{
    return {StatusCode{Status::BadUnexpectedError},
            tr("the server returned %1 results for %2 requested").arg(got).arg(expected)};
}

CallStatus Client::serviceResult(const ResponseHeader &header)
{
    if (header.serviceResult.isBad())
        return {header.serviceResult,
                tr("the server answered %1").arg(statusCodeText(header.serviceResult))};
    return {};
}

CallStatus Client::decodeResponse(const QByteArray &body, quint32 expectedTypeId,
                                  const std::function<bool(Reader &, QString *)> &decode)
{
    Reader r(body);
    const quint32 typeId = readMessageTypeId(r);
    QString error;
    if (typeId == ServiceFault::BinaryEncodingId) {
        ServiceFault fault;
        if (!decodeMessageBody(r, &fault, &error))
            return {StatusCode{Status::BadDecodingError},
                    tr("the server sent an undecodable ServiceFault: %1").arg(error)};
        const CallStatus status = serviceResult(fault.responseHeader);
        return status.isGood() ? CallStatus{StatusCode{Status::BadUnexpectedError},
                                            tr("the server sent a ServiceFault without a code")}
                               : status;
    }
    if (typeId != expectedTypeId)
        return {StatusCode{Status::BadDecodingError},
                tr("the server answered with message type i=%1 instead of i=%2")
                    .arg(typeId)
                    .arg(expectedTypeId)};
    if (!decode(r, &error))
        return {StatusCode{Status::BadDecodingError},
                tr("the server sent an undecodable answer: %1").arg(error)};
    return {};
}

// Typed services.

void Client::getEndpoints(const QString &endpointUrl, Callback<GetEndpointsResponse> done,
                          int timeoutMs)
{
    GetEndpointsRequest request;
    request.endpointUrl = endpointUrl;
    call<GetEndpointsResponse>(request, std::move(done), timeoutMs);
}

void Client::findServers(const QString &endpointUrl, Callback<FindServersResponse> done,
                         int timeoutMs)
{
    FindServersRequest request;
    request.endpointUrl = endpointUrl;
    call<FindServersResponse>(request, std::move(done), timeoutMs);
}

void Client::read(const QList<ReadValueId> &nodes, Callback<ReadResponse> done, int timeoutMs,
                  double maxAge)
{
    ReadRequest request;
    request.maxAge = maxAge;
    request.timestampsToReturn = TimestampsToReturn::Both;
    request.nodesToRead = nodes;
    call<ReadResponse>(request, checkCount<ReadResponse>(std::move(done), nodes.size()), timeoutMs);
}

void Client::write(const QList<WriteValue> &nodes, Callback<WriteResponse> done, int timeoutMs)
{
    WriteRequest request;
    request.nodesToWrite = nodes;
    call<WriteResponse>(request, std::move(done), timeoutMs);
}

void Client::browse(const QList<BrowseDescription> &nodes, Callback<BrowseResponse> done,
                    int timeoutMs, quint32 maxReferencesPerNode)
{
    BrowseRequest request;
    request.requestedMaxReferencesPerNode = maxReferencesPerNode;
    request.nodesToBrowse = nodes;
    call<BrowseResponse>(request, checkCount<BrowseResponse>(std::move(done), nodes.size()),
                         timeoutMs);
}

void Client::browseNext(const QList<QByteArray> &continuationPoints, bool release,
                        Callback<BrowseNextResponse> done, int timeoutMs)
{
    BrowseNextRequest request;
    request.releaseContinuationPoints = release;
    request.continuationPoints = continuationPoints;
    call<BrowseNextResponse>(
        request, checkCount<BrowseNextResponse>(std::move(done), continuationPoints.size()),
        timeoutMs);
}

void Client::createMonitoredItems(quint32 subscriptionId,
                                  const QList<MonitoredItemCreateRequest> &items,
                                  Callback<CreateMonitoredItemsResponse> done, int timeoutMs)
{
    CreateMonitoredItemsRequest request;
    request.subscriptionId = subscriptionId;
    request.timestampsToReturn = TimestampsToReturn::Both;
    request.itemsToCreate = items;
    call<CreateMonitoredItemsResponse>(
        request, checkCount<CreateMonitoredItemsResponse>(std::move(done), items.size()),
        timeoutMs);
}

void Client::deleteMonitoredItems(quint32 subscriptionId, const QList<quint32> &ids,
                                  Callback<DeleteMonitoredItemsResponse> done, int timeoutMs)
{
    DeleteMonitoredItemsRequest request;
    request.subscriptionId = subscriptionId;
    request.monitoredItemIds = ids;
    call<DeleteMonitoredItemsResponse>(request, std::move(done), timeoutMs);
}

} // namespace tandem::opcua
