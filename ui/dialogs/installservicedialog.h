#pragma once

#include "service/serviceunit.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace tandem {

class ServiceInstaller;

// Tools › Install As Service... (docs/requirements.md, Running as a service): a system service for
// every user, started at boot, or a user service started at login. Where systemd does not run
// (containers), it offers to write the unit file only, to a location the operator picks.
class InstallServiceDialog final : public QDialog
{
    Q_OBJECT

public:
    InstallServiceDialog(const ServiceInstaller *installer, QWidget *parent = nullptr);

    ServiceScope scope() const;
    bool unitOnly() const { return m_unitOnly; }
    QString unitFile() const; // unit-only: where to write it

private:
    void onScopeChanged();
    void browse();

    const ServiceInstaller *m_installer;
    bool m_unitOnly;
    QRadioButton *m_system;
    QRadioButton *m_user;
    QLineEdit *m_location = nullptr;
    QString m_suggested;
};

} // namespace tandem
