#pragma once

#include <QTreeWidget>

namespace tandem {

class ConfigDocument;

// Left pane: one item per pair (green when enabled, grey when disabled), aliases under
// the server they alias, and "Click here to add redundancy to a server" when empty.
class ServerTree final : public QTreeWidget
{
    Q_OBJECT

public:
    enum Role
    {
        PairNameRole = Qt::UserRole + 1,
        AddHintRole
    };

    explicit ServerTree(ConfigDocument *document, QWidget *parent = nullptr);
    QString currentPair() const;
    void selectPair(const QString &name);
    QTreeWidgetItem *itemForPair(const QString &name) const;

Q_SIGNALS:
    void currentPairChanged(const QString &name);
    void addRequested();
    void contextMenuRequestedFor(const QString &pairName, const QPoint &globalPos);

private:
    void rebuild();
    void decorate(QTreeWidgetItem *item, const QString &pairName);

    ConfigDocument *m_document;
};

} // namespace tandem
