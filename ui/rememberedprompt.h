#pragma once

#include <QMessageBox>
#include <QString>

namespace tandem {

// A routine question the operator may tell the console not to ask again (docs/requirements.md:
// Tools › Reset Prompt Dialogs). The answer is remembered in the console's settings under
// "prompts/KEY"; a remembered question is answered at once, without a dialog.
class RememberedPrompt final
{
public:
    // The message box is named KEY + "Prompt"; its "Don't ask again" check box
    // "dontAskAgain". Cancel (or closing the box) is never remembered.
    static QMessageBox::StandardButton
    ask(QWidget *parent, const QString &key, QMessageBox::Icon icon, const QString &title,
        const QString &text, QMessageBox::StandardButtons buttons,
        QMessageBox::StandardButton defaultButton, const QString &details = {});
    static bool isRemembered(const QString &key);
    // Forgets every remembered answer; returns how many there were.
    static int resetAll();
};

} // namespace tandem
