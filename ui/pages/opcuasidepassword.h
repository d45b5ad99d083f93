#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace tandem {

// The password Tandem logs in with on one machine of an OPC UA pair, when it is not the
// user name's (PasswordStore::opcUaServerKey): a field that stores what is typed in the
// system keychain on Enter and never shows a stored one, and a line saying what the keychain
// holds. tandemctl pair set NAME --primary-password-stdin does the same.
class OpcUaSidePassword final : public QWidget
{
    Q_OBJECT

public:
    // side: "primary" or "secondary", also the object names' prefix (primaryPassword...).
    OpcUaSidePassword(const QString &side, QWidget *parent = nullptr);
    ~OpcUaSidePassword() override;

    // The pair shown and whether that machine is logged in to with a user name at all; a
    // password typed for another pair is cleared, and the keychain asked again.
    void showPair(const QString &pair, bool withUser);

private:
    void lookUp();
    void store();
    void showState(const QString &text, bool problem = false);

    QString m_side;
    QString m_pair;
    bool m_withUser = false;
    quint64 m_request = 0; // an answer for an older request is stale
    QLineEdit *m_password;
    QLabel *m_state;
};

} // namespace tandem
