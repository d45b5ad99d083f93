#include "helpviewer.h"

#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tandem {

HelpViewer::HelpViewer(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("helpViewer"));
    setWindowTitle(tr("Tandem Help"));
    m_browser = new QTextBrowser;
    m_browser->setObjectName(QStringLiteral("helpBrowser"));
    m_browser->setSearchPaths({QStringLiteral(":/help")});
    m_browser->setOpenExternalLinks(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(640, 520);
}

void HelpViewer::showTopic(const QString &topic)
{
    m_topic = topic;
    m_browser->setSource(QUrl(QStringLiteral("qrc:/help/%1.html").arg(topic)));
    show();
    raise();
    activateWindow();
}

} // namespace tandem
