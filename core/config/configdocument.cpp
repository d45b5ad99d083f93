#include "configdocument.h"

#include "configfile.h"
#include "configvalidator.h"

#include <QCoreApplication>

namespace tandem {

namespace {
QSet<QString> pairNames(const Configuration &config)
{
    QSet<QString> names;
    for (const PairConfig &p : config.pairs)
        names.insert(p.name);
    return names;
}
} // namespace

ConfigDocument::ConfigDocument(const TandemPaths &paths, QObject *parent)
    : QObject(parent)
    , m_paths(paths)
    , m_config(Configuration::createNew())
    , m_saved(m_config)
    , m_state(paths.stateDir)
{}

ConfigIssues ConfigDocument::load()
{
    const bool wasModified = isModified();
    ConfigFile::LoadResult result = ConfigFile::load(m_paths.configFile);
    m_pendingRenames.clear();
    if (!result.config) {
        m_loadFailed = true;
        m_config = m_saved = Configuration::createNew();
        changed(wasModified);
        Q_EMIT pairsChanged();
        return result.issues;
    }
    m_loadFailed = false;
    m_config = m_saved = *result.config;
    ConfigIssues issues;
    QString error;
    if (!m_state.load(m_config.id, &error) || !m_state.retainOnly(pairNames(m_config), &error))
        issues.append({QString(), error, m_state.filePath()});
    changed(wasModified);
    Q_EMIT pairsChanged();
    Q_EMIT settingsChanged();
    return issues;
}

ConfigIssues ConfigDocument::save()
{
    if (m_loadFailed)
        return {{QString(),
                 tr("not saved: this file could not be read when Tandem started, and saving would "
                    "overwrite it. Fix or move the file, then start Tandem again."),
                 m_paths.configFile}};
    const bool wasModified = isModified();
    ConfigIssues issues = ConfigFile::save(m_config, m_paths.configFile);
    if (!issues.isEmpty())
        return issues;
    m_saved = m_config;
    QString error;
    for (const auto &[from, to] : std::as_const(m_pendingRenames))
        if (!m_state.rename(from, to, &error))
            issues.append({QString(), error, m_state.filePath()});
    m_pendingRenames.clear();
    if (!m_state.retainOnly(pairNames(m_config), &error))
        issues.append({QString(), error, m_state.filePath()});
    changed(wasModified);
    return issues;
}

void ConfigDocument::changed(bool wasModified)
{
    if (wasModified != isModified())
        Q_EMIT modifiedChanged(isModified());
}

ConfigIssues ConfigDocument::issuesFor(Configuration candidate, const QString &pairName) const
{
    // Validated last, the changed pair is the one a name or endpoint conflict is blamed on.
    const qsizetype index = candidate.indexOf(pairName);
    if (index >= 0)
        candidate.pairs.move(index, candidate.pairs.size() - 1);
    const QString prefix = QStringLiteral("pair[%1]/").arg(pairName);
    ConfigIssues issues;
    for (const ConfigIssue &issue : ConfigValidator::validate(candidate))
        if (issue.field.startsWith(prefix))
            issues.append(issue);
    return issues;
}

ConfigIssues ConfigDocument::unknownPair(const QString &name) const
{
    return {{QStringLiteral("pair[%1]").arg(name), tr("there is no pair named '%1'").arg(name)}};
}

ConfigIssues ConfigDocument::addPair(const PairConfig &pair)
{
    if (m_config.find(pair.name))
        return {{ConfigValidator::pairField(pair.name, QStringLiteral("name")),
                 tr("a pair named '%1' already exists").arg(pair.name)}};
    Configuration candidate = m_config;
    candidate.pairs.append(pair);
    const ConfigIssues issues = issuesFor(candidate, pair.name);
    if (!issues.isEmpty())
        return issues;
    const bool wasModified = isModified();
    m_config = candidate;
    changed(wasModified);
    Q_EMIT pairsChanged();
    return {};
}

ConfigIssues ConfigDocument::updatePair(const QString &name, const PairConfig &pair)
{
    PairConfig *existing = m_config.find(name);
    if (!existing)
        return unknownPair(name);
    if (pair.name != name)
        return {{ConfigValidator::pairField(name, QStringLiteral("name")),
                 tr("a pair is renamed by aliasing it, not by editing its settings")}};
    if (*existing == pair)
        return {};
    const bool wasModified = isModified();
    *existing = pair;
    changed(wasModified);
    Q_EMIT pairChanged(name);
    return {};
}

ConfigIssues ConfigDocument::removePair(const QString &name)
{
    const qsizetype index = m_config.indexOf(name);
    if (index < 0)
        return unknownPair(name);
    const bool wasModified = isModified();
    m_config.pairs.removeAt(index);
    changed(wasModified);
    Q_EMIT pairsChanged();
    return {};
}

QString ConfigDocument::suggestAliasName(const QString &name) const
{
    for (int n = 1;; ++n) {
        const QString candidate = QStringLiteral("%1.Alias%2").arg(name).arg(n);
        if (!m_config.find(candidate))
            return candidate;
    }
}

ConfigIssues ConfigDocument::aliasPair(const QString &name, const QString &newName,
                                       const QString &endpoint)
{
    const PairConfig *existing = m_config.find(name);
    if (!existing)
        return unknownPair(name);
    if (existing->isAlias())
        return {{ConfigValidator::pairField(name, QStringLiteral("alias-of")),
                 tr("'%1' is already an alias of '%2'; unalias it first")
                     .arg(name, existing->aliasOf)}};
    if (const QString error = ConfigValidator::checkPairName(newName); !error.isEmpty())
        return {{ConfigValidator::pairField(newName, QStringLiteral("name")), error}};
    if (m_config.find(newName))
        return {{ConfigValidator::pairField(newName, QStringLiteral("name")),
                 tr("a pair named '%1' already exists").arg(newName)}};
    Configuration candidate = m_config;
    PairConfig *alias = candidate.find(name);
    alias->aliasOf = name;
    alias->originalEndpoint = alias->endpoint;
    alias->name = newName;
    alias->endpoint = endpoint;
    const ConfigIssues issues = issuesFor(candidate, newName);
    if (!issues.isEmpty())
        return issues;
    const bool wasModified = isModified();
    m_config = candidate;
    m_pendingRenames.append({name, newName});
    changed(wasModified);
    Q_EMIT pairsChanged();
    return {};
}

ConfigIssues ConfigDocument::unaliasPair(const QString &name)
{
    const PairConfig *existing = m_config.find(name);
    if (!existing)
        return unknownPair(name);
    if (!existing->isAlias())
        return {{ConfigValidator::pairField(name, QStringLiteral("alias-of")),
                 tr("'%1' is not an alias").arg(name)}};
    if (m_config.find(existing->aliasOf))
        return {{ConfigValidator::pairField(name, QStringLiteral("alias-of")),
                 tr("cannot unalias '%1': its original name '%2' is in use as a redundant server "
                    "configuration")
                     .arg(name, existing->aliasOf)}};
    Configuration candidate = m_config;
    PairConfig *pair = candidate.find(name);
    const QString original = pair->aliasOf;
    pair->name = original;
    pair->endpoint = pair->originalEndpoint;
    pair->aliasOf.clear();
    pair->originalEndpoint.clear();
    ConfigIssues issues = issuesFor(candidate, original);
    if (!issues.isEmpty()) {
        for (ConfigIssue &issue : issues)
            issue.message = tr("cannot unalias '%1': %2").arg(name, issue.message);
        return issues;
    }
    const bool wasModified = isModified();
    m_config = candidate;
    m_pendingRenames.append({name, original});
    changed(wasModified);
    Q_EMIT pairsChanged();
    return {};
}

void ConfigDocument::setDiagnostics(const DiagnosticsSettings &settings)
{
    if (m_config.diagnostics == settings)
        return;
    const bool wasModified = isModified();
    m_config.diagnostics = settings;
    changed(wasModified);
    Q_EMIT settingsChanged();
}

void ConfigDocument::setBackup(const BackupSettings &settings)
{
    if (m_config.backup == settings)
        return;
    const bool wasModified = isModified();
    m_config.backup = settings;
    changed(wasModified);
    Q_EMIT settingsChanged();
}

void ConfigDocument::setNotifications(const NotificationSettings &settings)
{
    if (m_config.notifications == settings)
        return;
    const bool wasModified = isModified();
    m_config.notifications = settings;
    changed(wasModified);
    Q_EMIT settingsChanged();
}

ConfigIssues ConfigDocument::setEnabled(const QString &name, bool enabled)
{
    if (!m_config.find(name))
        return unknownPair(name);
    QString error;
    if (!m_state.setEnabled(name, enabled, &error))
        return {{QString(), error, m_state.filePath()}};
    Q_EMIT enabledChanged(name, enabled);
    return {};
}

} // namespace tandem
