#include "purchasedialog.h"

#include "contexthelp.h"
#include "errorlabel.h"
#include "keypad.h"
#include "unlockdialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace tandem {

PurchaseDialog::PurchaseDialog(const TandemPaths &paths, QWidget *parent)
    : QDialog(parent)
    , m_license(paths)
{
    setObjectName(QStringLiteral("purchaseDialog"));
    setWindowTitle(tr("Tandem License"));
    ContextHelp::setTopic(this, QStringLiteral("licensing#purchase"));

    auto *intro = new QLabel(tr("Please contact technical support to purchase a serial number "
                                "that will license this application."));
    intro->setWordWrap(true);
    m_serial = new QLineEdit;
    m_serial->setObjectName(QStringLiteral("serialEdit"));
    m_serial->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_serial->setPlaceholderText(tr("XXXXX-XXXXX-..."));
    m_serial->setClearButtonEnabled(true);
    auto *serialLabel = new QLabel(tr("&Serial number:"));
    serialLabel->setBuddy(m_serial);
    auto *keypad = new Keypad;
    keypad->attach(m_serial);

    auto *row = new QHBoxLayout;
    row->addWidget(serialLabel);
    row->addWidget(m_serial, 1);
    row->addWidget(keypad->createToggleButton());

    auto *note = new QLabel(
        tr("Once the serial number is entered, Tandem runs without limits for a grace period "
           "of %n day(s). Unlock it for this computer within that time (Help › Unlock a "
           "License...).",
           nullptr, LicenseFile::GraceDays));
    note->setWordWrap(true);
    m_error = createErrorLabel(QStringLiteral("licenseError"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->setObjectName(QStringLiteral("purchaseButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PurchaseDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PurchaseDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(row);
    layout->addWidget(keypad);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(620);
}

void PurchaseDialog::accept()
{
    QString error;
    if (m_serial->text().trimmed().isEmpty()) {
        error = tr("Enter the serial number you received from technical support.");
    } else if (!m_license.file()->enterSerial(m_serial->text(), &error)) {
        error = tr("The serial number was not accepted: %1.").arg(error);
    } else {
        m_license.tellEngine();
        QDialog::accept();
        QMessageBox prompt(QMessageBox::Question, tr("Tandem"),
                           tr("This application has been licensed and may now be unlocked for "
                              "unlimited use. Would you like to unlock this application at this "
                              "time?"),
                           QMessageBox::Yes | QMessageBox::No, parentWidget());
        prompt.setObjectName(QStringLiteral("unlockNowPrompt"));
        prompt.setInformativeText(
            tr("Until it is unlocked, the license runs for a grace period of %n day(s).", nullptr,
               LicenseFile::GraceDays));
        prompt.setDefaultButton(QMessageBox::Yes);
        if (prompt.exec() == QMessageBox::Yes) {
            UnlockDialog unlock(m_license.paths(), parentWidget());
            unlock.exec();
        }
        return;
    }
    m_error->setText(error);
    m_error->show();
    m_serial->setFocus();
}

} // namespace tandem
