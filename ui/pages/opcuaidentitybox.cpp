#include "opcuaidentitybox.h"

#include "config/pairconfig.h"
#include "opcuasidepassword.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>

namespace tandem {

OpcUaIdentityBox::OpcUaIdentityBox(QWidget *parent)
    : QGroupBox(tr("OPC UA Identities"), parent)
{
    setObjectName(QStringLiteral("opcUaIdentities"));
    const auto check = [this](const char *name, const QString &text, const QString &tip) {
        auto *box = new QCheckBox(text);
        box->setObjectName(QLatin1String(name));
        box->setToolTip(tip);
        connect(box, &QCheckBox::toggled, this, &OpcUaIdentityBox::edited);
        return box;
    };
    m_anonymous = check("opcUaAnonymous", tr("A&nonymous clients"),
                        tr("Clients may open sessions without a user name."));
    m_users = check("opcUaStoreUsers", tr("OP&C UA users (Tools › OPC UA Users…)"),
                    tr("The users managed under Tools › OPC UA Users… or with tandemctl opcua "
                       "user, each on the pairs it may use."));
    m_pairUser = check("opcUaPairUser", tr("The pair's user name an&d its keychain password"),
                       tr("The user name Tandem logs in with on the machines, as before OPC UA "
                          "users existed."));
    m_certificates = check("opcUaCertificates", tr("&X.509 user certificates"),
                           tr("A user certificate trusted under Tools › Certificates…; the client "
                              "proves it holds its key."));
    m_clearText = check("opcUaClearTextFromClients", tr("Passwords sent in c&lear text"),
                        tr("Without this a client must encrypt its password with Tandem's "
                           "certificate, which every current OPC UA client does."));
    const auto user = [this](const char *name, const QString &tip) {
        auto *edit = new QLineEdit;
        edit->setObjectName(QLatin1String(name));
        edit->setToolTip(tip);
        connect(edit, &QLineEdit::textEdited, this, &OpcUaIdentityBox::edited);
        return edit;
    };
    m_primaryUser = user("opcUaPrimaryUser",
                         tr("The user name Tandem logs in with on the primary machine; empty: "
                            "the user name above. Its password: tandemctl pair set NAME "
                            "--primary-password-stdin, else the user name's."));
    m_secondaryUser = user("opcUaSecondaryUser",
                           tr("The user name Tandem logs in with on the secondary machine; "
                              "empty: the user name above. Its password: tandemctl pair set "
                              "NAME --secondary-password-stdin, else the user name's."));
    m_clearTextToServers = check(
        "opcUaClearTextToServers",
        tr("Send passwords to the machines in clear text if they "
           "offer nothin&g else"),
        tr("Without this Tandem does not log in to a machine that wants the password in clear "
           "text, and says why."));
    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("opcUaIdentityNote"));
    m_note->setWordWrap(true);

    auto *form = new QFormLayout(this);
    auto *clients = new QLabel(tr("Clients of the endpoint may log on with:"));
    form->addRow(clients);
    for (QCheckBox *box : {m_anonymous, m_users, m_pairUser, m_certificates, m_clearText})
        form->addRow(box);
    form->addRow(tr("User on the primar&y machine:"), m_primaryUser);
    m_primaryPassword = new OpcUaSidePassword(QStringLiteral("primary"));
    m_secondaryPassword = new OpcUaSidePassword(QStringLiteral("secondary"));
    form->addRow(tr("Password on the primary machine:"), m_primaryPassword);
    form->addRow(tr("User on the secondary mac&hine:"), m_secondaryUser);
    form->addRow(tr("Password on the secondary machine:"), m_secondaryPassword);
    form->addRow(m_clearTextToServers);
    form->addRow(m_note);
}

void OpcUaIdentityBox::showPair(const PairConfig &pair)
{
    const OpcUaIdentity identity = pair.identity();
    const QSignalBlocker blockers[] = {
        QSignalBlocker(m_anonymous),   QSignalBlocker(m_users),
        QSignalBlocker(m_pairUser),    QSignalBlocker(m_certificates),
        QSignalBlocker(m_clearText),   QSignalBlocker(m_clearTextToServers),
        QSignalBlocker(m_primaryUser), QSignalBlocker(m_secondaryUser)};
    m_anonymous->setChecked(identity.anonymous);
    m_users->setChecked(identity.storeUsers);
    m_pairUser->setChecked(identity.pairUser);
    m_certificates->setChecked(identity.certificates);
    m_clearText->setChecked(identity.clearTextFromClients);
    m_clearTextToServers->setChecked(identity.clearTextToServers);
    if (m_primaryUser->text().trimmed() != identity.primaryUser)
        m_primaryUser->setText(identity.primaryUser);
    if (m_secondaryUser->text().trimmed() != identity.secondaryUser)
        m_secondaryUser->setText(identity.secondaryUser);
    const QString placeholder = pair.user.isEmpty() ? tr("none: anonymous login") : pair.user;
    m_primaryUser->setPlaceholderText(placeholder);
    m_secondaryUser->setPlaceholderText(placeholder);
    m_primaryPassword->showPair(pair.name, !identity.serverUser(0, pair.user).isEmpty());
    m_secondaryPassword->showPair(pair.name, !identity.serverUser(1, pair.user).isEmpty());
    m_note->setText(pair.opcuaIdentity
                        ? QString()
                        : tr("This pair has the identities of a configuration from before "
                             "these settings; changing one saves them all."));
    m_note->setVisible(!pair.opcuaIdentity);
}

OpcUaIdentity OpcUaIdentityBox::shown() const
{
    OpcUaIdentity identity;
    identity.anonymous = m_anonymous->isChecked();
    identity.storeUsers = m_users->isChecked();
    identity.pairUser = m_pairUser->isChecked();
    identity.certificates = m_certificates->isChecked();
    identity.clearTextFromClients = m_clearText->isChecked();
    identity.clearTextToServers = m_clearTextToServers->isChecked();
    identity.primaryUser = m_primaryUser->text().trimmed();
    identity.secondaryUser = m_secondaryUser->text().trimmed();
    return identity;
}

void OpcUaIdentityBox::applyTo(PairConfig &pair) const
{
    const OpcUaIdentity identity = shown();
    if (pair.opcuaIdentity || identity != pair.identity())
        pair.opcuaIdentity = identity;
}

} // namespace tandem
