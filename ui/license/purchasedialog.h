#pragma once

#include "locallicense.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace tandem {

// Help › Purchase a License... (docs/requirements.md, Licensing): the serial number from
// technical support starts the 10-day grace period; then the operator may unlock at once.
class PurchaseDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit PurchaseDialog(const TandemPaths &paths, QWidget *parent = nullptr);

    // Installs the serial; on a problem the dialog stays open and says what is wrong.
    void accept() override;

private:
    LocalLicense m_license;
    QLineEdit *m_serial;
    QLabel *m_error;
};

} // namespace tandem
