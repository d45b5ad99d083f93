#pragma once

#include "base/systemfile.h"
#include "config/tandempaths.h"
#include "serviceunit.h"

#include <QJsonObject>
#include <QStringList>

namespace tandem {

// The programs and probes installing a service needs. Tests stand in fakes through the
// environment, since systemd cannot run where they do: TANDEM_SYSTEMCTL, TANDEM_PKEXEC,
// TANDEM_GROUPADD, TANDEM_USERADD, TANDEM_SYSTEMD_RUNTIME_DIR (instead of
// /run/systemd/system) and TANDEM_TANDEMD (the engine of a user service; default: next to
// the running program). A system service always runs /usr/bin/tandemd.
struct ServiceTools
{
    QString systemctl;
    QString pkexec;
    QString groupadd;
    QString useradd;
    QString systemdRuntimeDir;
    QString tandemd;
    int timeoutMs = 30000;

    static ServiceTools fromEnvironment();
    // systemd is PID 1 here (not in most containers and CI runners).
    bool systemdRunning() const;
};

// What systemd says about one scope's tandemd.service.
struct ServiceState
{
    ServiceScope scope = ServiceScope::System;
    bool installed = false;
    QString unitPath; // the unit file found, or where it would be written
    QString enabled;  // `systemctl is-enabled`: enabled, disabled, ... (empty: not asked)
    QString active;   // `systemctl is-active`: active, inactive, failed, ...
    qint64 mainPid = 0;
    QJsonObject toJson() const;
};

// Installs, removes and inspects the engine as a systemd service (the reference manual's "Install
// As NT Service"), for tandemctl and the console. Blocking: each command has a time limit.
class ServiceInstaller final
{
public:
    explicit ServiceInstaller(const TandemPaths &userPaths,
                              ServiceTools tools = ServiceTools::fromEnvironment());

    struct Options
    {
        QString root;          // a prefix for every file written (staging, tests)
        bool unitOnly = false; // write the unit file, run nothing
        bool force = false;    // replace a different unit (the old one kept as .bak)
    };
    enum class Result
    {
        Done,
        Failed,
        UnitDiffers
    };

    // Writes the unit; System scope also creates the user tandem, the groups tandem and
    // tandem-admin, checks /usr/bin/tandemd (root's, writable by nobody else) and seeds
    // /etc/tandem/tandem.xml and /var/lib/tandem/enabled-pairs.json from the user's files
    // when they do not exist yet. Then daemon-reload and enable --now. What was done goes
    // to *report, one line each; why it stopped to *error.
    Result install(ServiceScope scope, const Options &options, QStringList *report,
                   QString *error) const;
    // disable --now, removes the unit, daemon-reload; configuration and state stay.
    bool uninstall(ServiceScope scope, const QString &root, QStringList *report,
                   QString *error) const;
    ServiceState state(ServiceScope scope, const QString &root = {}) const;
    // The unit file of this scope when one is installed (also the .deb's), else empty.
    // Asks systemd nothing.
    QString installedUnit(ServiceScope scope, const QString &root = {}) const;
    // Writes the unit text to any file, atomically, readable by all (unit-only installs).
    bool writeUnit(ServiceScope scope, const QString &path, QString *error) const;

    QString unitPath(ServiceScope scope, const QString &root = {}) const;
    QString unitText(ServiceScope scope) const;
    // The engine the unit runs: /usr/bin/tandemd for System, tools().tandemd for User.
    QString engineBinary(ServiceScope scope) const;
    // A system service's engine: a root-owned executable nobody else may write, in folders
    // nobody else may write (SystemFile::checkFolder); false with *error naming what.
    static bool checkSystemEngine(const QString &path, QString *error);
    // What to run once systemd is there (after --unit-only).
    QString startCommands(ServiceScope scope) const;
    const ServiceTools &tools() const { return m_tools; }
    const TandemPaths &userPaths() const { return m_userPaths; }

    static bool runningAsRoot();

private:
    QStringList systemctl(ServiceScope scope, const QStringList &arguments) const;
    // Runs a command to its end within the time limit; false with *error naming the
    // command and what it wrote to stderr.
    bool run(const QStringList &command, QString *output, QString *error) const;
    // Runs a query whose exit code is part of the answer (is-active: 3 = inactive).
    QString query(const QStringList &command) const;
    bool ensureAccounts(const QString &root, QStringList *report, QString *error) const;
    // One of the asking user's files: under pkexec (root, PKEXEC_UID set) only one that
    // user owns, so a link to a file only root may read is not copied out.
    static bool readCallersFile(const QString &path, QByteArray *bytes, QString *error);
    bool seed(const QString &from, const QString &to, const SystemFile::Ownership &folder,
              const SystemFile::Ownership &file, QStringList *report, QString *error) const;

    TandemPaths m_userPaths;
    ServiceTools m_tools;
};

} // namespace tandem
