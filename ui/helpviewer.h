#pragma once

#include <QDialog>

class QTextBrowser;
class QToolButton;

namespace tandem {

// Shows the bundled manual (resources/help): F1 opens the page of the tab or dialog at
// hand, Help › Contents the contents page. Back/Forward/Home/Contents like a browser;
// links between pages stay in the viewer, http and mailto links open outside.
class HelpViewer final : public QDialog
{
    Q_OBJECT

public:
    explicit HelpViewer(QWidget *parent = nullptr);
    // topic: a page's base name, optionally with an anchor: "general", "pairs#alias".
    void showTopic(const QString &topic);
    QString currentTopic() const { return m_topic; }
    QTextBrowser *browser() const { return m_browser; }

    static QUrl topicUrl(const QString &topic);
    // The viewer of from's window, made on first use: a child of a modal dialog stays
    // usable while that dialog runs, a viewer of the main window would not.
    static HelpViewer *open(QWidget *from, const QString &topic);

private:
    void updateTitle();

    QTextBrowser *m_browser;
    QToolButton *m_back;
    QToolButton *m_forward;
    QString m_topic;
};

} // namespace tandem
