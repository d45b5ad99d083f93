#pragma once

#include "configissue.h"
#include "configuration.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace tandem {

// tandem.xml: reading with errors that name line and field, and atomic writing.
// A file that cannot be read is never overwritten by a load.
class ConfigFile final
{
public:
    struct LoadResult
    {
        std::optional<Configuration> config; // set when the file was read and is valid
        ConfigIssues issues;                 // why it was not
        bool existed = false;                // false: no file yet, config is a fresh one
    };

    static LoadResult load(const QString &path);
    static LoadResult parse(const QByteArray &xml, const QString &fileName);
    static QByteArray serialize(const Configuration &config);
    // Writes through QSaveFile: a crash leaves the old or the new file, never a torn one.
    static ConfigIssues save(const Configuration &config, const QString &path);
};

} // namespace tandem
