#pragma once

#include <QMenu>

class QActionGroup;

namespace tandem {

// View › Language: "System default" and each language, named in itself. A choice is saved
// at once and takes effect when the console restarts, which it offers to do now.
class LanguageMenu final : public QMenu
{
    Q_OBJECT

public:
    // window: the console's main window, which a restart closes.
    explicit LanguageMenu(QWidget *window);

    // Saves `code` ("" for the system default) and, if it changes the language in use,
    // asks whether to restart now.
    void choose(const QString &code);

    // The console's arguments for a restart: those of this run without --language, so the
    // saved choice applies.
    static QStringList restartArguments(const QStringList &arguments);

private:
    void restart();

    QWidget *m_window;
    QActionGroup *m_group;
};

} // namespace tandem
