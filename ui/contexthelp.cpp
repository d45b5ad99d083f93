#include "contexthelp.h"

#include "helpviewer.h"

#include <QApplication>
#include <QShortcut>
#include <QVariant>
#include <QWizard>

namespace tandem::ContextHelp {

namespace {
const char *const TopicProperty = "tandemHelpTopic";
} // namespace

QString topicFor(const QWidget *widget)
{
    for (; widget; widget = widget->parentWidget()) {
        const QString topic = widget->property(TopicProperty).toString();
        if (!topic.isEmpty())
            return topic;
        if (widget->isWindow())
            break;
    }
    return {};
}

QString currentTopic(QWidget *window)
{
    const QWidget *focus = QApplication::focusWidget();
    const QWidget *start = focus && focus->window() == window ? focus : window;
    // The wizard's own buttons belong to no page: they mean the page shown.
    if (auto *wizard = qobject_cast<QWizard *>(window);
        wizard && wizard->currentPage() && !wizard->currentPage()->isAncestorOf(start))
        start = wizard->currentPage();
    return topicFor(start);
}

void setTopic(QWidget *widget, const QString &topic)
{
    const bool installed = widget->property(TopicProperty).isValid();
    widget->setProperty(TopicProperty, topic);
    if (!widget->isWindow() || installed)
        return;
    auto openHelp = [widget] { HelpViewer::open(widget, currentTopic(widget)); };
    auto *shortcut = new QShortcut(QKeySequence::HelpContents, widget);
    shortcut->setObjectName(QStringLiteral("helpShortcut"));
    QObject::connect(shortcut, &QShortcut::activated, widget, openHelp);
    if (auto *wizard = qobject_cast<QWizard *>(widget)) {
        wizard->setOption(QWizard::HaveHelpButton);
        QObject::connect(wizard, &QWizard::helpRequested, wizard, openHelp);
    }
}

} // namespace tandem::ContextHelp
