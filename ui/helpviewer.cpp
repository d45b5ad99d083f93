#include "helpviewer.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QStyle>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace tandem {

namespace {
const char *const ContentsTopic = "index";

QToolButton *makeButton(const char *name, const QString &text, QStyle::StandardPixmap icon,
                        const QKeySequence &key, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(QLatin1String(name));
    button->setText(text);
    button->setIcon(parent->style()->standardIcon(icon));
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(true);
    button->setShortcut(key);
    return button;
}
} // namespace

HelpViewer::HelpViewer(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("helpViewer"));
    setWindowTitle(tr("Tandem Help"));
    m_browser = new QTextBrowser;
    m_browser->setObjectName(QStringLiteral("helpBrowser"));
    m_browser->setSearchPaths({QStringLiteral(":/help")});
    m_browser->setOpenExternalLinks(true);

    m_back = makeButton("helpBack", tr("&Back"), QStyle::SP_ArrowBack, QKeySequence::Back, this);
    m_forward = makeButton("helpForward", tr("&Forward"), QStyle::SP_ArrowForward,
                           QKeySequence::Forward, this);
    auto *home = makeButton("helpHome", tr("&Home"), QStyle::SP_DirHomeIcon,
                            QKeySequence(Qt::ALT | Qt::Key_Home), this);
    home->setToolTip(tr("The page this help was opened on"));
    auto *contents = makeButton("helpContents", tr("&Contents"), QStyle::SP_FileDialogContentsView,
                                QKeySequence(), this);
    m_back->setEnabled(false);
    m_forward->setEnabled(false);
    connect(m_back, &QToolButton::clicked, m_browser, &QTextBrowser::backward);
    connect(m_forward, &QToolButton::clicked, m_browser, &QTextBrowser::forward);
    connect(m_browser, &QTextBrowser::backwardAvailable, m_back, &QWidget::setEnabled);
    connect(m_browser, &QTextBrowser::forwardAvailable, m_forward, &QWidget::setEnabled);
    connect(home, &QToolButton::clicked, this, [this] { m_browser->setSource(topicUrl(m_topic)); });
    connect(contents, &QToolButton::clicked, this,
            [this] { m_browser->setSource(topicUrl(QLatin1String(ContentsTopic))); });
    connect(m_browser, &QTextBrowser::sourceChanged, this, &HelpViewer::updateTitle);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *bar = new QHBoxLayout;
    for (QToolButton *button : {m_back, m_forward, home, contents})
        bar->addWidget(button);
    bar->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(720, 600);
}

QUrl HelpViewer::topicUrl(const QString &topic)
{
    const qsizetype hash = topic.indexOf(QLatin1Char('#'));
    QUrl url(QStringLiteral("qrc:/help/%1.html").arg(hash < 0 ? topic : topic.left(hash)));
    if (hash >= 0)
        url.setFragment(topic.mid(hash + 1));
    return url;
}

void HelpViewer::showTopic(const QString &topic)
{
    m_topic = topic.isEmpty() ? QLatin1String(ContentsTopic) : topic;
    m_browser->setSource(topicUrl(m_topic));
    show();
    raise();
    activateWindow();
}

HelpViewer *HelpViewer::open(QWidget *from, const QString &topic)
{
    QWidget *window = from->window();
    auto *viewer = qobject_cast<HelpViewer *>(window);
    if (!viewer)
        viewer = window->findChild<HelpViewer *>(QString(), Qt::FindDirectChildrenOnly);
    if (!viewer)
        viewer = new HelpViewer(window);
    viewer->showTopic(topic);
    return viewer;
}

void HelpViewer::updateTitle()
{
    const QString title = m_browser->documentTitle();
    setWindowTitle(title.isEmpty() ? tr("Tandem Help") : tr("%1 - Tandem Help").arg(title));
}

} // namespace tandem
