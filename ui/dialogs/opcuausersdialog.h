#pragma once

#include "base/worker.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace tandem {

namespace opcua {
class OpcUaUserStore;
}

// Tools › OPC UA Users…: the users that may log on to the pairs' OPC UA endpoints
// (opcua/opcuauserstore.h, the same file tandemctl opcua user manages): the list with the
// pairs each may use and whether it is an operator, Add… (the password typed twice, hashed
// on a worker thread: Argon2id takes a moment on purpose) and Remove. With an engine
// running, it makes the change (the administrator role); otherwise the file is written here.
class OpcUaUsersDialog final : public QDialog
{
    Q_OBJECT

public:
    // pairs: the configuration's pair names, offered for a user limited to some.
    OpcUaUsersDialog(const QString &stateDir, const QStringList &pairs, QWidget *parent = nullptr);
    ~OpcUaUsersDialog() override;

private:
    void reload();
    void addUser();
    void removeUser();
    void showError(const QString &text);

    std::unique_ptr<opcua::OpcUaUserStore> m_store;
    QStringList m_pairs;
    QTreeWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_error;
    Worker m_worker; // last: waits for a hash still being computed
};

// Add…: a new user's name, password twice, its pairs and operator flag.
class OpcUaUserEditor final : public QDialog
{
    Q_OBJECT

public:
    OpcUaUserEditor(const QStringList &pairs, QWidget *parent = nullptr);

    QString name() const;
    QByteArray password() const;
    bool allPairs() const;
    QStringList pairs() const;
    bool isOperator() const;

private:
    void check();

    QLineEdit *m_name;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QCheckBox *m_allPairs;
    QListWidget *m_pairs;
    QCheckBox *m_operator;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace tandem
