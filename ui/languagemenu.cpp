#include "languagemenu.h"

#include "languages.h"

#include <QActionGroup>
#include <QApplication>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>

namespace tandem {

LanguageMenu::LanguageMenu(QWidget *window)
    : QMenu(tr("&Language"), window)
    , m_window(window)
    , m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("menuLanguage"));
    const QString saved = Languages::savedChoice();
    auto add = [this, &saved](const QString &text, const QString &code) {
        QAction *action = addAction(text);
        action->setObjectName(QStringLiteral("actionLanguage_") +
                              (code.isEmpty() ? QStringLiteral("system") : code));
        action->setCheckable(true);
        action->setChecked(code == saved);
        m_group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { choose(code); });
    };
    add(tr("&System default"), QString());
    addSeparator();
    // Each language in its own words, so an operator finds theirs whatever is shown now.
    for (const Languages::Language &language : Languages::available()) {
        QString text = language.nativeName;
        // Accelerators unique next to "&System default" in every translation.
        text.insert(language.code == QLatin1String("es") ? 2 : 0, QLatin1Char('&'));
        add(text, language.code);
    }
}

void LanguageMenu::choose(const QString &code)
{
    Languages::saveChoice(code);
    for (QAction *action : m_group->actions())
        action->setChecked(action->objectName().endsWith(code.isEmpty() ? QStringLiteral("_system")
                                                                        : QLatin1Char('_') + code));
    if (Languages::resolve(code) == Languages::current())
        return;
    QMessageBox box(QMessageBox::Question, tr("Language"),
                    tr("The new language is used from the next start of the console."),
                    QMessageBox::NoButton, m_window);
    box.setObjectName(QStringLiteral("languageRestart"));
    box.setInformativeText(tr("Restart the console now? Unsaved changes are asked about first."));
    QPushButton *now = box.addButton(tr("&Restart Now"), QMessageBox::AcceptRole);
    now->setObjectName(QStringLiteral("restartNow"));
    box.addButton(tr("&Later"), QMessageBox::RejectRole)->setObjectName(QStringLiteral("later"));
    box.setDefaultButton(now);
    box.exec();
    if (box.clickedButton() == now)
        restart();
}

QStringList LanguageMenu::restartArguments(const QStringList &arguments)
{
    QStringList kept;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--language") || arg == QLatin1String("-language"))
            ++i; // and its value
        else if (!arg.startsWith(QLatin1String("--language=")))
            kept.append(arg);
    }
    return kept;
}

void LanguageMenu::restart()
{
    // Closing asks about unsaved changes; the operator may still cancel the restart.
    if (!m_window->close())
        return;
    QProcess::startDetached(QCoreApplication::applicationFilePath(),
                            restartArguments(QCoreApplication::arguments()));
    QCoreApplication::quit();
}

} // namespace tandem
