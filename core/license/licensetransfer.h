#pragma once

#include "licensefile.h"

#include <QCoreApplication>
#include <QString>

namespace tandem {

// Moving a license between computers over removable media (docs/requirements.md,
// Licensing), without the reference manual's flaw: no interruption, pulled stick or crash loses or
// duplicates a license.
//
// prepare (target): writes its Computer ID and a fresh X25519 public key to the media;
//   the secret key stays in the target's state directory.
// out (source): refuses a license whose seal is not intact (license.json or the state
//   directory copied: GraceSeal). Seals the license to that key (crypto_box_seal) together
//   with the hash of a random arming key, writes it to the media as a *pending* file
//   (fsync, read back, compared), then gives the license up, then arms it: the armed file
//   is the pending one followed by the arming key, sealed to the target. The arming key
//   is kept (in the journal) only from the step that gives the license up, so a pending
//   file renamed or copied installs nothing. A journal in the state directory records each
//   stage, so recover() finishes the transfer or rolls it back after a crash. Once the
//   license may be armed, a copy of the media could install it: then abortOut() refuses.
// in (target): opens the armed file with its secret key, installs the license, wipes the
//   file from the media and forgets the key, so a copy of the media is useless, on this
//   computer as on any other.
class LicenseTransfer
{
    Q_DECLARE_TR_FUNCTIONS(LicenseTransfer)

public:
    static QString mediaFolder(const QString &mediaDir); // MEDIA/tandem-license

    explicit LicenseTransfer(LicenseFile *license);

    bool prepare(const QString &mediaDir, QString *error);
    bool out(const QString &mediaDir, QString *error);
    bool in(const QString &mediaDir, QString *error);
    // Gives the license back to this computer when a transfer out could not be finished
    // (the media is lost or was not taken to the target). Refused once the license may
    // be armed on the media (or a copy of it).
    bool abortOut(QString *error);

    // Finishes or rolls back what a journal left; runs before every operation.
    // *report tells what was done (empty: nothing to do).
    bool recover(QString *report, QString *error);
    // An unfinished transfer and what the operator can do about it; empty when none.
    QString pending() const;
    // What the last operation's recovery did (e.g. "... was finished"); empty if nothing.
    QString lastReport() const { return m_lastReport; }

    enum class MediaState
    {
        Empty,        // nothing of Tandem's
        Prepared,     // a request from a target, waiting for a license
        HoldsLicense, // a license sealed to a target
        Unusable,     // unreadable or damaged
    };
    struct MediaInfo
    {
        MediaState state = MediaState::Empty;
        QString computerId; // the target's
        QString text;       // for the wizard's status line
    };
    static MediaInfo inspect(const QString &mediaDir);

private:
    bool recoverOut(QString *report, QString *error);
    bool recoverIn(QString *report, QString *error);
    QString outJournal() const;
    QString inJournal() const;
    QString targetKeys() const;

    LicenseFile *m_license;
    QString m_lastReport;
};

} // namespace tandem
