#pragma once

#include <QList>
#include <QString>

class QCoreApplication;

namespace tandem {

// The console's languages: which ones exist, which one the operator chose (View ›
// Language, saved in ~/.config/tandem/console.conf) and the translators that apply one.
// The daemon and tandemctl load none of this: their output stays English.
namespace Languages {

struct Language
{
    QString code;       // "de"; empty for "System default"
    QString nativeName; // "Deutsch": each language is named in itself
};

// English, Deutsch, Español (not "System default").
QList<Language> available();
bool isAvailable(const QString &code);

// The saved choice: "" for the system default, else a code of available().
QString savedChoice();
void saveChoice(const QString &code);

// The language a choice resolves to: the code itself, or for "" the first of the system's
// UI languages (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) Tandem has, else "en".
QString resolve(const QString &choice);

// Installs Tandem's and Qt's own (qtbase: standard buttons, dialogs) translators for
// `choice` and returns the language now in use. Translators installed by an earlier call
// are removed first, so a test can switch languages in one process.
QString installTranslators(QCoreApplication &app, const QString &choice);
// The language the last installTranslators() put in use ("en" before any).
QString current();

} // namespace Languages
} // namespace tandem
