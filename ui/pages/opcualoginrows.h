#pragma once

#include <QObject>
#include <QString>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace tandem {

// The OPC UA login rows of the General tab's machine settings: the user name both machines
// are logged in to with, its password and what the system keychain holds for it. The page
// puts the user name into the configuration; the password goes to the keychain only.
class OpcUaLoginRows final : public QObject
{
    Q_OBJECT

public:
    // Adds the rows "User name", "Password" and the password state to the end of `form`.
    OpcUaLoginRows(QFormLayout *form, QObject *parent);
    // Another pair (or the same again) is selected: a password typed for one pair is not
    // offered to the next, and the keychain is asked again at the next show().
    void selectPair(const QString &pairName);
    // What the configuration holds for the shown pair; the rows show for OPC UA pairs only.
    void show(const QString &pairName, const QString &user, bool opcUa);
    QString userText() const; // trimmed, as it goes into the configuration

Q_SIGNALS:
    // The operator typed in the user name; the page applies it to the configuration.
    void userEdited();

private:
    // Asks the keychain whether the shown user name has a password.
    void checkPassword();
    // Writes the typed password to the keychain under the pair's user name.
    void storePassword();
    void showPasswordState(const QString &text, const QString &placeholder, bool problem = false);

    QFormLayout *m_form;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_passwordState;
    // The pair as last shown: its user name counts for OPC UA pairs only.
    QString m_pairName;
    QString m_configUser;
    bool m_opcUa = false;
    // What the password state describes; a keychain answer for an older request is stale.
    QString m_checkedPair;
    QString m_checkedUser;
    quint64 m_keychainRequest = 0;
    bool m_typingUser = false;
};

} // namespace tandem
