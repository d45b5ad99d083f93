#include "opcuasidepassword.h"

#include "secrets/passwordstore.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace tandem {

OpcUaSidePassword::OpcUaSidePassword(const QString &side, QWidget *parent)
    : QWidget(parent)
    , m_side(side)
{
    m_password = new QLineEdit;
    m_password->setObjectName(side + QStringLiteral("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setToolTip(tr("Press Enter to store the password Tandem logs in with on this "
                              "machine in the system keychain; without one the user name's "
                              "password is used. It never goes into tandem.xml."));
    m_state = new QLabel;
    m_state->setObjectName(side + QStringLiteral("PasswordState"));
    m_state->setWordWrap(true);
    m_state->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_password);
    layout->addWidget(m_state);
    setFocusProxy(m_password);
    connect(m_password, &QLineEdit::editingFinished, this, &OpcUaSidePassword::store);
}

OpcUaSidePassword::~OpcUaSidePassword()
{
    // The field loses focus while it is destroyed: that stores nothing.
    m_password->disconnect(this);
}

void OpcUaSidePassword::showPair(const QString &pair, bool withUser)
{
    const bool changed = pair != m_pair || withUser != m_withUser;
    if (pair != m_pair)
        m_password->clear(); // a password typed for one pair is not offered to the next
    m_pair = pair;
    m_withUser = withUser;
    m_password->setEnabled(withUser);
    if (changed)
        lookUp();
}

void OpcUaSidePassword::showState(const QString &text, bool problem)
{
    m_state->setText(text);
    m_state->setStyleSheet(problem ? QStringLiteral("color: #b00020;") : QString());
}

void OpcUaSidePassword::lookUp()
{
    const quint64 request = ++m_request;
    if (!m_withUser || m_pair.isEmpty()) {
        showState(QString());
        return;
    }
    // Only whether there is one: the password itself is never put into the field.
    PasswordStore::read(PasswordStore::opcUaServerKey(m_pair, m_side), this,
                        [this, request](const PasswordStore::Result &r) {
                            if (request != m_request)
                                return;
                            if (r.ok)
                                showState(tr("A password of its own is stored"));
                            else if (r.notFound)
                                showState(tr("None of its own: the user name's password"));
                            else
                                showState(tr("Passwords cannot be kept: %1").arg(r.error), true);
                        });
}

void OpcUaSidePassword::store()
{
    const QString password = m_password->text();
    if (!m_withUser || password.isEmpty() || m_pair.isEmpty())
        return;
    const quint64 request = ++m_request;
    showState(tr("Storing the password in the system keychain…"));
    PasswordStore::write(PasswordStore::opcUaServerKey(m_pair, m_side), password, this,
                         [this, request, password](const PasswordStore::Result &r) {
                             if (!r.ok) {
                                 // The typed password stays: nothing is lost, Enter tries again.
                                 if (request == m_request)
                                     showState(tr("The password was not stored: %1").arg(r.error),
                                               true);
                                 return;
                             }
                             if (m_password->text() == password)
                                 m_password->clear();
                             if (request == m_request)
                                 showState(tr("Stored in the system keychain"));
                         });
}

} // namespace tandem
