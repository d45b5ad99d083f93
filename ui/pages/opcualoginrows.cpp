#include "opcualoginrows.h"

#include "secrets/passwordstore.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScopedValueRollback>

namespace tandem {

OpcUaLoginRows::OpcUaLoginRows(QFormLayout *form, QObject *parent)
    : QObject(parent)
    , m_form(form)
{
    // OPC UA pairs log in to both machines with one user name, or anonymously.
    m_user = new QLineEdit;
    m_user->setObjectName(QStringLiteral("opcUaUser"));
    m_user->setPlaceholderText(tr("none: anonymous login"));
    m_user->setToolTip(tr("The user name Tandem logs in with on both machines; empty logs in "
                          "anonymously. Its password is kept in the system keychain, never in "
                          "tandem.xml."));
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("opcUaPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setToolTip(tr("Press Enter to store the password of the user name in the system "
                              "keychain. It never goes into tandem.xml, and a stored password is "
                              "never shown here."));
    m_passwordState = new QLabel;
    m_passwordState->setObjectName(QStringLiteral("opcUaPasswordState"));
    m_passwordState->setWordWrap(true);
    m_passwordState->setTextFormat(Qt::PlainText);
    m_form->addRow(tr("&User name:"), m_user);
    m_form->addRow(tr("Pass&word:"), m_password);
    m_form->addRow(QString(), m_passwordState);

    connect(m_user, &QLineEdit::textEdited, this, [this] {
        // The keychain is asked once the name is finished, not for every letter.
        const QScopedValueRollback typing(m_typingUser, true);
        Q_EMIT userEdited();
    });
    connect(m_user, &QLineEdit::editingFinished, this, &OpcUaLoginRows::checkPassword);
    connect(m_password, &QLineEdit::editingFinished, this, &OpcUaLoginRows::storePassword);
}

void OpcUaLoginRows::selectPair(const QString &pairName)
{
    if (pairName != m_pairName)
        m_password->clear(); // a password typed for one pair is not offered to the next
    m_checkedPair.clear();   // selecting a pair asks the keychain again: tandemctl may have written
    m_passwordState->clear();
}

void OpcUaLoginRows::show(const QString &pairName, const QString &user, bool opcUa)
{
    m_pairName = pairName;
    m_opcUa = opcUa;
    m_configUser = opcUa ? user : QString();
    // Only replace text that differs, so the field being typed in keeps its cursor.
    if (m_user->text().trimmed() != user)
        m_user->setText(user);
    for (QWidget *login : std::initializer_list<QWidget *>{m_user, m_password, m_passwordState})
        m_form->setRowVisible(login, opcUa);
    if (m_pairName != m_checkedPair || m_configUser != m_checkedUser) {
        if (m_typingUser) {
            // The state was about the name before; the new one is looked up when finished.
            ++m_keychainRequest;
            showPasswordState(QString(), QString());
        } else {
            checkPassword();
        }
    }
}

QString OpcUaLoginRows::userText() const
{
    return m_user->text().trimmed();
}

void OpcUaLoginRows::showPasswordState(const QString &text, const QString &placeholder,
                                       bool problem)
{
    m_passwordState->setText(text);
    m_passwordState->setStyleSheet(problem ? QStringLiteral("color: #b00020;") : QString());
    m_password->setPlaceholderText(placeholder);
}

void OpcUaLoginRows::checkPassword()
{
    const QString user = m_configUser;
    if (m_pairName == m_checkedPair && user == m_checkedUser && !m_passwordState->text().isEmpty())
        return; // already known (editingFinished also comes after a lookup from show())
    m_checkedPair = m_pairName;
    m_checkedUser = user;
    const quint64 request = ++m_keychainRequest;
    if (user.isEmpty()) {
        showPasswordState(m_opcUa ? tr("No user name: both machines are logged in to anonymously.")
                                  : QString(),
                          m_opcUa ? tr("enter the user name first") : QString());
        return;
    }
    showPasswordState(tr("Looking up the password of %1 in the system keychain…").arg(user),
                      QString());
    // Only whether there is one: the password itself is never put into the field.
    PasswordStore::read(
        PasswordStore::opcUaKey(user), this, [this, request, user](const PasswordStore::Result &r) {
            if (request != m_keychainRequest)
                return; // another pair or user name meanwhile
            if (r.ok)
                showPasswordState(tr("A password is stored"), tr("A password is stored"));
            else if (r.notFound)
                showPasswordState(tr("No password stored for %1").arg(user),
                                  tr("No password stored for %1").arg(user));
            else
                showPasswordState(tr("Passwords cannot be kept: %1").arg(r.error), QString(), true);
        });
}

void OpcUaLoginRows::storePassword()
{
    const QString password = m_password->text();
    if (!m_opcUa || password.isEmpty())
        return;
    if (m_configUser.isEmpty()) {
        showPasswordState(tr("Enter the user name first: the password belongs to it."),
                          m_password->placeholderText(), true);
        return;
    }
    const QString user = m_configUser;
    const quint64 request = ++m_keychainRequest;
    showPasswordState(tr("Storing the password of %1 in the system keychain…").arg(user),
                      m_password->placeholderText());
    PasswordStore::write(
        PasswordStore::opcUaKey(user), password, this,
        [this, request, user, password](const PasswordStore::Result &r) {
            if (!r.ok) {
                // The typed password stays in the field: nothing is lost, Enter tries again.
                if (request == m_keychainRequest)
                    showPasswordState(tr("The password was not stored: %1").arg(r.error),
                                      m_password->placeholderText(), true);
                return;
            }
            if (m_password->text() == password)
                m_password->clear();
            if (request == m_keychainRequest)
                showPasswordState(tr("Stored in the system keychain"), tr("A password is stored"));
        });
}

} // namespace tandem
