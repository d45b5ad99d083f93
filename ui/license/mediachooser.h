#pragma once

#include <QWidget>

class QComboBox;
class QPushButton;

namespace tandem {

// Where the license media is: the removable volumes mounted now, and any folder the
// operator browses to (a network share, a card reader the kernel does not mark
// removable). The license transfer wizard has one on each of its media steps.
class MediaChooser final : public QWidget
{
    Q_OBJECT

public:
    explicit MediaChooser(QWidget *parent = nullptr);

    // The chosen folder; empty when there is none.
    QString media() const;
    // Adds `path` when it is not listed yet and chooses it.
    void setMedia(const QString &path);
    // Lists the mounted removable volumes again, keeping browsed folders and the choice.
    void refresh();
    // Asks for a folder and chooses it (the Browse... button).
    void browse();

Q_SIGNALS:
    void mediaChanged(const QString &path);

private:
    QComboBox *m_combo;
    QPushButton *m_refresh;
    QPushButton *m_browse;
    QStringList m_browsed;
};

} // namespace tandem
