#pragma once

#include <QString>

namespace tandem {

// Where the configuration file and the state directory are: the command line first,
// then TANDEM_CONFIG / TANDEM_STATE_DIR, then the XDG defaults
// (~/.config/tandem/tandem.xml, ~/.local/state/tandem).
struct TandemPaths
{
    QString configFile;
    QString stateDir;

    static TandemPaths resolve(const QString &configOption, const QString &stateDirOption);
};

} // namespace tandem
