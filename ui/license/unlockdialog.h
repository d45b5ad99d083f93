#pragma once

#include "locallicense.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace tandem {

// Help › Unlock a License... (docs/requirements.md, Licensing): shows what technical support needs
// (the serial number and this computer's Computer ID) and takes the password they issue.
class UnlockDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit UnlockDialog(const TandemPaths &paths, QWidget *parent = nullptr);

    // Unlocks with the password; on a problem the dialog stays open and says what is wrong.
    void accept() override;

private:
    LocalLicense m_license;
    QLineEdit *m_password;
    QLabel *m_error;
    QPushButton *m_ok;
};

} // namespace tandem
