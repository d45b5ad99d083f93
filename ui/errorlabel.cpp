#include "errorlabel.h"

#include <QLabel>

namespace tandem {

QLabel *createErrorLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->setWordWrap(true);
    label->hide();
    return label;
}

} // namespace tandem
