#pragma once

#include <QDialog>

class QTextBrowser;

namespace tandem {

// Shows the bundled help pages (resources/help) for the topic at hand (F1).
class HelpViewer final : public QDialog
{
    Q_OBJECT

public:
    explicit HelpViewer(QWidget *parent = nullptr);
    void showTopic(const QString &topic); // "general", "monitoring", ...
    QString currentTopic() const { return m_topic; }

private:
    QTextBrowser *m_browser;
    QString m_topic;
};

} // namespace tandem
