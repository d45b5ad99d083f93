#pragma once

#include "config/configdocument.h"

#include <QList>
#include <QTemporaryDir>

#include <memory>

namespace tandem::test {

// The files one console works on, in a temporary folder of their own, and the
// ConfigDocument over them: what GUI tests set up for each case.
class ConsoleFiles final
{
public:
    ConsoleFiles() = default;
    ConsoleFiles(const ConsoleFiles &) = delete;
    ConsoleFiles &operator=(const ConsoleFiles &) = delete;

    // tandem.xml and the state directory in the folder, and the machine-id file once written.
    TandemPaths paths() const;
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    // A machine-id file in the folder, standing in for /etc/machine-id.
    bool writeMachineId(const QByteArray &id);
    // Makes the document and loads it (no file yet: an empty configuration). Given pairs
    // are added and saved, so that isModified() then tells whether the test changed
    // anything. False, with the issues as a warning, when a step fails.
    bool open(const QList<PairConfig> &pairs = {});
    ConfigDocument *document() const { return m_document.get(); }

private:
    QTemporaryDir m_dir;
    bool m_machineId = false;
    std::unique_ptr<ConfigDocument> m_document;
};

} // namespace tandem::test
