#pragma once

#include "config/tandempaths.h"

#include <QString>

// Where `--password-stdin` puts a password: the keychain, or for the system service
// (which has no keychain: secrets/servicecredentials.h) an encrypted systemd credential.
namespace tandem::ctl {

// The folder of the system service's password credentials when `paths` are the system
// service's files, else empty: the keychain.
QString serviceCredentialsDir(const TandemPaths &paths);

// systemd-creds on PATH, else the bare name (the error then names it).
QString systemdCredsProgram();

// One line from standard input without its line end; throws when there is none.
QString readPasswordFromStdin();
// One line from standard input, so `pass show plc | tandemctl ...` works, stored in the
// keychain under key, or as a credential of the system service; the password never goes
// to tandem.xml. Throws when it cannot be read or stored, so the caller saves nothing.
// Returns where it went, for the operator.
QString storePasswordFromStdin(const TandemPaths &paths, const QString &key, const QString &what);

} // namespace tandem::ctl
