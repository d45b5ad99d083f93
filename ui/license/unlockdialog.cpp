#include "unlockdialog.h"

#include "contexthelp.h"
#include "errorlabel.h"
#include "keypad.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace tandem {

namespace {
QLabel *codeLabel(const QString &objectName, const QString &text)
{
    auto *label = new QLabel(text);
    label->setObjectName(objectName);
    label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}
} // namespace

UnlockDialog::UnlockDialog(const TandemPaths &paths, QWidget *parent)
    : QDialog(parent)
    , m_license(paths)
{
    setObjectName(QStringLiteral("unlockDialog"));
    setWindowTitle(tr("Tandem Unlock"));
    ContextHelp::setTopic(this, QStringLiteral("licensing#unlock"));
    const LicenseStatus status = m_license.status();

    auto *intro = new QLabel(tr("Please contact technical support to obtain a password that will "
                                "unlock this application. They need the serial number and the "
                                "Computer ID below."));
    intro->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Application S/N:"),
                 codeLabel(QStringLiteral("serialLabel"), status.serialText));
    auto *idRow = new QHBoxLayout;
    const QString computerId = status.computerId;
    idRow->addWidget(codeLabel(QStringLiteral("computerIdLabel"), computerId), 1);
    auto *copy = new QPushButton(tr("&Copy"));
    copy->setObjectName(QStringLiteral("copyComputerId"));
    copy->setAutoDefault(false);
    copy->setToolTip(tr("Copy the Computer ID to the clipboard"));
    copy->setEnabled(!computerId.isEmpty());
    connect(copy, &QPushButton::clicked, this,
            [computerId] { QApplication::clipboard()->setText(computerId); });
    idRow->addWidget(copy);
    form->addRow(tr("Computer ID:"), idRow);

    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("unlockEdit"));
    m_password->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_password->setClearButtonEnabled(true);
    auto *keypad = new Keypad;
    keypad->attach(m_password);
    auto *passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_password, 1);
    passwordRow->addWidget(keypad->createToggleButton());
    auto *passwordLabel = new QLabel(tr("&Password:"));
    passwordLabel->setBuddy(m_password);
    form->addRow(passwordLabel, passwordRow);

    auto *grace = new QLabel;
    grace->setObjectName(QStringLiteral("graceNote"));
    grace->setWordWrap(true);
    if (status.state == LicenseState::Licensed)
        grace->setText(tr("If technical support cannot be reached now, click Cancel: Tandem runs "
                          "without limits for the rest of its grace period (%n day(s) left), and "
                          "the title bar shows the days left to unlock.",
                          nullptr, status.graceDaysLeft));
    else if (status.state == LicenseState::GraceExpired)
        grace->setText(tr("The %n-day grace period is over: until the license is unlocked, the "
                          "demo limits apply.",
                          nullptr, LicenseFile::GraceDays));
    else
        grace->hide();

    m_error = createErrorLabel(QStringLiteral("licenseError"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->setObjectName(QStringLiteral("unlockButtons"));
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &UnlockDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &UnlockDialog::reject);

    QString problem;
    if (status.state == LicenseState::Unlocked)
        problem = tr("This license is unlocked already.");
    else if (!status.serial)
        problem = status.problem.isEmpty()
                      ? tr("No license is installed: enter a serial number first (Help › "
                           "Purchase a License...).")
                      : tr("The license cannot be read: %1.").arg(status.problem);
    else if (status.computerId.isEmpty())
        problem = tr("The Computer ID cannot be determined: %1.").arg(status.problem);
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        m_password->setEnabled(false);
        keypad->setEnabled(false);
        m_ok->setEnabled(false);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(keypad);
    layout->addWidget(grace);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(640);
}

void UnlockDialog::accept()
{
    QString error;
    if (m_password->text().trimmed().isEmpty()) {
        error = tr("Enter the password you received from technical support.");
    } else if (!m_license.file()->unlock(m_password->text(), &error)) {
        error = tr("The password was not accepted: %1.").arg(error);
    } else {
        m_license.tellEngine();
        QDialog::accept();
        QMessageBox done(QMessageBox::Information, tr("Tandem"),
                         tr("This application has been unlocked for unlimited use on this "
                            "computer."),
                         QMessageBox::Ok, parentWidget());
        done.setObjectName(QStringLiteral("unlockedMessage"));
        done.setInformativeText(m_license.status().summary());
        done.exec();
        return;
    }
    m_error->setText(error);
    m_error->show();
    m_password->setFocus();
}

} // namespace tandem
