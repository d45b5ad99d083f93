#pragma once

#include <QStyledItemDelegate>

namespace tandem {

// Shows a cell's full text as a tooltip only when the column is too narrow for it,
// so the view does not pop tooltips over text the operator can already read.
class ElidedToolTipDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // Whether the cell's display text does not fit in `option.rect`.
    bool isElided(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
};

} // namespace tandem
