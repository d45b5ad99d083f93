#include "rememberedprompt.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QSettings>

namespace tandem {

namespace {
const QString Group = QStringLiteral("prompts");

// ~/.config/tandem/console.conf: next to tandem.xml, never inside it (a deployed
// configuration must not carry one operator's dialog choices).
std::unique_ptr<QSettings> settings()
{
    return std::make_unique<QSettings>(QStringLiteral("tandem"), QStringLiteral("console"));
}
} // namespace

QMessageBox::StandardButton RememberedPrompt::ask(QWidget *parent, const QString &key,
                                                  QMessageBox::Icon icon, const QString &title,
                                                  const QString &text,
                                                  QMessageBox::StandardButtons buttons,
                                                  QMessageBox::StandardButton defaultButton,
                                                  const QString &details)
{
    const QString entry = Group + QLatin1Char('/') + key;
    const int remembered = settings()->value(entry, 0).toInt();
    if (remembered != 0 && buttons.testFlag(QMessageBox::StandardButton(remembered)))
        return QMessageBox::StandardButton(remembered);

    QMessageBox box(icon, title, text, buttons, parent);
    box.setObjectName(key + QStringLiteral("Prompt"));
    box.setDefaultButton(defaultButton);
    if (!details.isEmpty())
        box.setInformativeText(details);
    auto *dontAsk =
        new QCheckBox(QCoreApplication::translate("RememberedPrompt", "Don't ask again"));
    dontAsk->setObjectName(QStringLiteral("dontAskAgain"));
    box.setCheckBox(dontAsk);
    const auto answer = QMessageBox::StandardButton(box.exec());
    const bool cancelled = answer == QMessageBox::Cancel || answer == QMessageBox::NoButton ||
                           box.clickedButton() == nullptr;
    if (dontAsk->isChecked() && !cancelled)
        settings()->setValue(entry, int(answer));
    return answer;
}

bool RememberedPrompt::isRemembered(const QString &key)
{
    return settings()->contains(Group + QLatin1Char('/') + key);
}

int RememberedPrompt::resetAll()
{
    auto s = settings();
    s->beginGroup(Group);
    const int count = int(s->childKeys().size());
    s->endGroup();
    s->remove(Group);
    return count;
}

} // namespace tandem
