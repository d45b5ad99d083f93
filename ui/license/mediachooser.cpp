#include "mediachooser.h"

#include "license/removablemedia.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QPushButton>

namespace tandem {

MediaChooser::MediaChooser(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("mediaChooser"));
    m_combo = new QComboBox;
    m_combo->setObjectName(QStringLiteral("mediaCombo"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setPlaceholderText(tr("No removable media found: insert one and click Refresh, "
                                   "or choose a folder with Browse..."));
    m_refresh = new QPushButton(tr("&Refresh"));
    m_refresh->setObjectName(QStringLiteral("refreshMedia"));
    m_refresh->setAutoDefault(false);
    m_browse = new QPushButton(tr("&Browse..."));
    m_browse->setObjectName(QStringLiteral("browseMedia"));
    m_browse->setAutoDefault(false);
    m_browse->setToolTip(tr("Use any folder as the license media"));
    connect(m_refresh, &QPushButton::clicked, this, &MediaChooser::refresh);
    connect(m_browse, &QPushButton::clicked, this, &MediaChooser::browse);
    connect(m_combo, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT mediaChanged(media()); });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_combo, 1);
    layout->addWidget(m_refresh);
    layout->addWidget(m_browse);
    refresh();
}

QString MediaChooser::media() const
{
    return m_combo->currentData().toString();
}

void MediaChooser::setMedia(const QString &path)
{
    const QString clean = QDir::cleanPath(path);
    int index = m_combo->findData(clean);
    if (index < 0) {
        m_browsed.append(clean);
        m_combo->addItem(QDir::toNativeSeparators(clean), clean);
        index = m_combo->count() - 1;
    }
    m_combo->setCurrentIndex(index);
}

void MediaChooser::refresh()
{
    const QString current = media();
    QSignalBlocker blocker(m_combo);
    m_combo->clear();
    for (const RemovableVolume &volume : RemovableMedia::list()) {
        m_combo->addItem(volume.displayName(), volume.mountPoint);
        if (!volume.writable)
            m_combo->setItemData(m_combo->count() - 1, tr("This volume is mounted read-only"),
                                 Qt::ToolTipRole);
    }
    for (const QString &folder : std::as_const(m_browsed)) {
        if (m_combo->findData(folder) < 0)
            m_combo->addItem(QDir::toNativeSeparators(folder), folder);
    }
    const int index = m_combo->findData(current);
    m_combo->setCurrentIndex(index >= 0 ? index : (m_combo->count() > 0 ? 0 : -1));
    blocker.unblock();
    Q_EMIT mediaChanged(media());
}

void MediaChooser::browse()
{
    QFileDialog dialog(this, tr("Choose the license media"),
                       media().isEmpty() ? QDir::homePath() : media());
    dialog.setObjectName(QStringLiteral("mediaFolderDialog"));
    dialog.setFileMode(QFileDialog::Directory);
    dialog.setOption(QFileDialog::ShowDirsOnly);
    if (dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty())
        setMedia(dialog.selectedFiles().constFirst());
}

} // namespace tandem
