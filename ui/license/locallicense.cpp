#include "locallicense.h"

#include "base/enginesocket.h"
#include "base/worker.h"
#include "host/controlserver.h"

#include <QLoggingCategory>

namespace tandem {

namespace {
Q_LOGGING_CATEGORY(lcLicenseUi, "tandem.license.ui", QtInfoMsg)
} // namespace

LocalLicense::LocalLicense(const TandemPaths &paths)
    : m_paths(paths)
    , m_file({paths.stateDir, paths.machineIdFile})
    , m_transfer(&m_file)
{}

LicenseStatus LocalLicense::status() const
{
    LicenseStatus s = m_file.status();
    s.pendingTransfer = m_transfer.pending();
    return s;
}

void LocalLicense::tellEngine() const
{
    const QString stateDir = m_paths.stateDir;
    Worker::detach([stateDir] {
        if (!EngineSocket::isRunning(stateDir))
            return; // the engine reads the license when it starts
        QString error;
        const std::optional<QJsonObject> answer = ControlClient::request(
            stateDir, {{QStringLiteral("command"), QStringLiteral("license-refresh")}}, 3000,
            &error);
        if (!answer || !answer->value(QLatin1String("ok")).toBool())
            qCWarning(lcLicenseUi)
                << "the engine was not told of the license change:"
                << (answer ? answer->value(QLatin1String("error")).toString() : error);
    });
}

} // namespace tandem
