#include "installservicedialog.h"

#include "service/serviceinstaller.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace tandem {

InstallServiceDialog::InstallServiceDialog(const ServiceInstaller *installer, QWidget *parent)
    : QDialog(parent)
    , m_installer(installer)
    , m_unitOnly(!installer->tools().systemdRunning())
{
    setObjectName(QStringLiteral("installServiceDialog"));
    setWindowTitle(tr("Install As Service"));
    auto *intro = new QLabel(tr("Run the engine as a systemd service, so that the redundant "
                                "servers keep running when the console is closed and when "
                                "nobody is logged in."));
    intro->setWordWrap(true);
    m_system = new QRadioButton(tr("&System service (all users, starts at boot)"));
    m_system->setObjectName(QStringLiteral("systemScope"));
    auto *systemNote = new QLabel(
        tr("Needs administrator rights: you will be asked for a password. The service runs "
           "%1, copied from your configuration when it does not exist yet.")
            .arg(ServiceUnit::systemConfigFile()));
    m_user = new QRadioButton(tr("&User service (starts when you log in)"));
    m_user->setObjectName(QStringLiteral("userScope"));
    auto *userNote = new QLabel(
        tr("The service runs your own configuration, %1.").arg(installer->userPaths().configFile));
    for (QLabel *note : {systemNote, userNote}) {
        note->setWordWrap(true);
        note->setIndent(24);
    }
    m_system->setChecked(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_system);
    layout->addWidget(systemNote);
    layout->addWidget(m_user);
    layout->addWidget(userNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    buttons->setObjectName(QStringLiteral("installServiceButtons"));
    if (m_unitOnly) {
        auto *missing = new QLabel(
            tr("systemd is not running on this machine (a container, or another init system), "
               "so the service cannot be installed and started here. You can write the unit "
               "file now and install it where systemd runs."));
        missing->setObjectName(QStringLiteral("systemdMissing"));
        missing->setWordWrap(true);
        layout->addWidget(missing);
        auto *row = new QHBoxLayout;
        m_location = new QLineEdit;
        m_location->setObjectName(QStringLiteral("unitFileLocation"));
        auto *browse = new QPushButton(tr("&Browse..."));
        browse->setObjectName(QStringLiteral("browseUnitFile"));
        connect(browse, &QPushButton::clicked, this, &InstallServiceDialog::browse);
        row->addWidget(new QLabel(tr("Save the unit file as:")));
        row->addWidget(m_location, 1);
        row->addWidget(browse);
        layout->addLayout(row);
        QPushButton *write =
            buttons->addButton(tr("&Write Unit File Only"), QDialogButtonBox::AcceptRole);
        write->setObjectName(QStringLiteral("writeUnitButton"));
    } else {
        QPushButton *install = buttons->addButton(tr("&Install"), QDialogButtonBox::AcceptRole);
        install->setObjectName(QStringLiteral("installButton"));
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_system, &QRadioButton::toggled, this, &InstallServiceDialog::onScopeChanged);
    layout->addWidget(buttons);
    onScopeChanged();
    setMinimumWidth(560);
}

ServiceScope InstallServiceDialog::scope() const
{
    return m_system->isChecked() ? ServiceScope::System : ServiceScope::User;
}

QString InstallServiceDialog::unitFile() const
{
    return m_location ? m_location->text().trimmed() : QString();
}

void InstallServiceDialog::onScopeChanged()
{
    if (!m_location)
        return;
    // Follow the scope unless the operator typed a location of their own.
    const QString suggested = m_installer->unitPath(scope());
    if (m_location->text().isEmpty() || m_location->text() == m_suggested)
        m_location->setText(suggested);
    m_suggested = suggested;
}

void InstallServiceDialog::browse()
{
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Save Unit File"), m_location->text(),
                                     tr("systemd units (*.service);;All files (*)"));
    if (!file.isEmpty())
        m_location->setText(file);
}

} // namespace tandem
