#pragma once

#include "configissue.h"
#include "configuration.h"

namespace tandem {

// The rules a configuration must satisfy before it is saved or run. Each rule names the
// field at fault with a message an operator can act on.
class ConfigValidator final
{
public:
    static ConfigIssues validate(const Configuration &config);
    static ConfigIssues validatePair(const PairConfig &pair);
    // The pair's OPC UA security (part of validatePair).
    static ConfigIssues validateOpcUaSecurity(const PairConfig &pair);
    static ConfigIssues validateMonitorItem(const PairConfig &pair, const MonitorItem &item,
                                            const QString &field);

    // Single-value checks shared by the console's dialogs and tandemctl; empty means fine.
    static QString checkPairName(const QString &name);
    static QString checkEmailAddress(const QString &address);
    static QString checkSmtpUrl(const QString &url);

    static QString pairField(const QString &pairName, const QString &field);
};

} // namespace tandem
