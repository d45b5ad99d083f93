#pragma once

#include <QString>

class QWidget;

namespace tandem {

// F1 in a dialog or on a wizard page opens its help topic (HelpViewer::showTopic), as F1
// on a tab of the main window does. A widget inside a dialog may name a topic of its own:
// the one nearest to the focus (or to a wizard's current page) wins.
namespace ContextHelp {
// On a window (a dialog, a wizard) this also installs its F1 shortcut, and a wizard's
// Help button.
void setTopic(QWidget *widget, const QString &topic);
QString topicFor(const QWidget *widget);
// What F1 opens in window: the topic nearest to its focus widget or current page.
QString currentTopic(QWidget *window);
} // namespace ContextHelp

} // namespace tandem
