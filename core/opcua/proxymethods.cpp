#include "proxymethods.h"

#include "base/logging.h"
#include "events/eventlog.h"
#include "proxycontext.h"
#include "proxynodes.h"

namespace tandem::opcua {

namespace {

CallMethodResult status(quint32 code, QList<StatusCode> argumentResults = {})
{
    CallMethodResult result;
    result.statusCode = StatusCode{code};
    result.inputArgumentResults = std::move(argumentResults);
    return result;
}

} // namespace

ProxyMethods::ProxyMethods(ProxyContext &context, const ProxyNodes &nodes, EventLog *events)
    : m_context(context)
    , m_nodes(nodes)
    , m_events(events)
{}

std::optional<CallMethodResult> ProxyMethods::call(const CallMethodRequest &request,
                                                   const Caller &caller)
{
    if (!m_nodes.isTandemNode(request.objectId) && !m_nodes.isTandemNode(request.methodId))
        return std::nullopt;
    // OPC 10000-4 §5.11.2.4: the method must be a component of the object.
    if (request.objectId != m_nodes.folder() || !m_nodes.isMethod(request.methodId))
        return status(Status::BadMethodInvalid);
    if (!caller.isOperator) {
        qCInfo(lcOpcUa) << "proxy" << m_context.logName() << "refused"
                        << std::get<QString>(request.methodId.identifier) << "to"
                        << (caller.user.isEmpty() ? QStringLiteral("an anonymous client")
                                                  : caller.user)
                        << "at" << caller.peer << ": not an operator";
        return status(Status::BadUserAccessDenied);
    }
    if (request.methodId == m_nodes.tandemNode(QStringLiteral("Tandem.SwitchTo")))
        return switchTo(request, caller);
    return returnToAutomatic(request, caller);
}

CallMethodResult ProxyMethods::switchTo(const CallMethodRequest &request, const Caller &caller)
{
    const QList<Variant> &arguments = request.inputArguments;
    if (arguments.isEmpty())
        return status(Status::BadArgumentsMissing);
    if (arguments.size() > 1)
        return status(Status::BadTooManyArguments);
    const Variant &side = arguments.first();
    if (!side.isScalar() || side.type() != BuiltInType::String)
        return status(Status::BadInvalidArgument, {StatusCode{Status::BadTypeMismatch}});
    const QString key = std::get<QString>(side.value());
    const std::optional<Side> wanted = sideFromKey(key);
    if (!wanted || *wanted == Side::None)
        return status(Status::BadInvalidArgument, {StatusCode{Status::BadOutOfRange}});
    PairRuntime *runtime = m_context.runtime();
    QString error = tr("no pair runs behind this endpoint");
    if (!runtime || !runtime->pin(*wanted, &error)) {
        qCWarning(lcOpcUa) << "proxy" << m_context.logName() << ": SwitchTo(" << key << ") of"
                           << caller.user << "failed:" << error;
        return status(Status::BadInvalidState);
    }
    posted(caller, QStringLiteral("SwitchTo(\"%1\")").arg(key));
    return status(Status::Good);
}

CallMethodResult ProxyMethods::returnToAutomatic(const CallMethodRequest &request,
                                                 const Caller &caller)
{
    if (!request.inputArguments.isEmpty())
        return status(Status::BadTooManyArguments);
    PairRuntime *runtime = m_context.runtime();
    if (!runtime)
        return status(Status::BadInvalidState);
    runtime->returnToAutomatic();
    posted(caller, QStringLiteral("ReturnToAutomatic()"));
    return status(Status::Good);
}

void ProxyMethods::posted(const Caller &caller, const QString &method) const
{
    const QString pair = m_context.config().name;
    qCInfo(lcOpcUa) << "proxy" << pair << ":" << caller.user << "at" << caller.peer << "called"
                    << method;
    if (m_events)
        m_events->post(EventId::OperatorMethodCalled, pair,
                       {pair, caller.user, caller.peer, method});
}

} // namespace tandem::opcua
