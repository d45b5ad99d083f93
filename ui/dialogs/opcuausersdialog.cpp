#include "opcuausersdialog.h"

#include "base/enginesocket.h"
#include "errorlabel.h"
#include "host/controlclient.h"
#include "opcua/opcuauserstore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tandem {

using opcua::OpcUaUser;
using opcua::OpcUaUserStore;

namespace {

// A running engine makes the change (it needs the administrator role, and the file stays
// the engine's, as tandemctl opcua user does it); without one it is written here. On a
// worker thread: hashing and the engine's answer take a moment.
bool changeUsers(const QString &stateDir, const std::function<ControlReply<>()> &throughEngine,
                 const std::function<bool(QString *)> &here, QString *error)
{
    if (!EngineSocket::isRunning(stateDir))
        return here(error);
    const ControlReply<> answer = throughEngine();
    if (!answer)
        *error = answer.error;
    return bool(answer);
}

} // namespace

OpcUaUsersDialog::OpcUaUsersDialog(const QString &stateDir, const QStringList &pairs,
                                   QWidget *parent)
    : QDialog(parent)
    , m_store(std::make_unique<OpcUaUserStore>(stateDir))
    , m_pairs(pairs)
{
    setObjectName(QStringLiteral("opcUaUsersDialog"));
    setWindowTitle(tr("OPC UA Users"));
    auto *intro = new QLabel(tr("The users that may log on to the pairs' OPC UA endpoints "
                                "with a user name and password, where a pair accepts OPC UA "
                                "users (General tab). Passwords are kept only as hashes in %1.")
                                 .arg(m_store->filePath()));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    m_list = new QTreeWidget;
    m_list->setObjectName(QStringLiteral("opcUaUsers"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("User"), tr("Pairs"), tr("Operator")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_add = new QPushButton(tr("&Add…"));
    m_add->setObjectName(QStringLiteral("addOpcUaUser"));
    m_remove = new QPushButton(tr("&Remove"));
    m_remove->setObjectName(QStringLiteral("removeOpcUaUser"));
    m_error = createErrorLabel(QStringLiteral("opcUaUsersError"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_add, QDialogButtonBox::ActionRole);
    buttons->addButton(m_remove, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &OpcUaUsersDialog::addUser);
    connect(m_remove, &QPushButton::clicked, this, &OpcUaUsersDialog::removeUser);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_worker.isBusy() && m_list->currentItem()); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(560, 360);
    reload();
}

OpcUaUsersDialog::~OpcUaUsersDialog() = default;

void OpcUaUsersDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void OpcUaUsersDialog::reload()
{
    m_list->clear();
    QString error;
    // A damaged file is named and left alone: nothing can be added or removed until it is
    // repaired or moved away.
    const bool loaded = m_store->load(&error);
    showError(loaded ? QString() : error);
    m_add->setEnabled(loaded && !m_worker.isBusy());
    for (const OpcUaUser &u : m_store->users()) {
        auto *item = new QTreeWidgetItem(
            m_list, {u.name, u.allPairs ? tr("all pairs") : u.pairs.join(QStringLiteral(", ")),
                     u.isOperator ? tr("yes") : tr("no")});
        item->setData(0, Qt::UserRole, u.name);
    }
    m_remove->setEnabled(loaded && !m_worker.isBusy() && m_list->currentItem());
}

void OpcUaUsersDialog::addUser()
{
    OpcUaUserEditor editor(m_pairs, this);
    if (editor.exec() != QDialog::Accepted)
        return;
    OpcUaUser user;
    user.name = editor.name();
    user.allPairs = editor.allPairs();
    user.pairs = editor.pairs();
    user.isOperator = editor.isOperator();
    const QByteArray password = editor.password();
    const QString stateDir = QFileInfo(m_store->filePath()).absolutePath();
    m_add->setEnabled(false);
    m_remove->setEnabled(false);
    showError(QString());
    setCursor(Qt::BusyCursor);
    // Hashing takes a moment on purpose: off the window's thread.
    m_worker.start([stateDir, user, password, this] {
        QString error;
        OpcUaUser hashed = user;
        const auto hash = OpcUaUserStore::hashPassword(password, &error);
        bool ok = false;
        if (hash) {
            hashed.hash = *hash;
            ok = changeUsers(
                stateDir,
                [&] {
                    return ControlClient::addOpcUaUser(stateDir, OpcUaUserStore::toJson(hashed));
                },
                [&](QString *e) { return OpcUaUserStore(stateDir).put(hashed, e); }, &error);
        }
        return [this, ok, error] {
            unsetCursor();
            reload();
            if (!ok)
                showError(tr("The user was not added: %1").arg(error));
        };
    });
}

void OpcUaUsersDialog::removeUser()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString name = item->data(0, Qt::UserRole).toString();
    if (QMessageBox::question(this, tr("Remove OPC UA User"),
                              tr("Remove the OPC UA user %1? Sessions it has open stay until "
                                 "they end.")
                                  .arg(name)) != QMessageBox::Yes)
        return;
    const QString stateDir = QFileInfo(m_store->filePath()).absolutePath();
    m_add->setEnabled(false);
    m_remove->setEnabled(false);
    m_worker.start([stateDir, name, this] {
        QString error;
        const bool ok = changeUsers(
            stateDir, [&] { return ControlClient::removeOpcUaUser(stateDir, name); },
            [&](QString *e) { return OpcUaUserStore(stateDir).remove(name, e); }, &error);
        return [this, ok, error] {
            reload();
            if (!ok)
                showError(tr("The user was not removed: %1").arg(error));
        };
    });
}

OpcUaUserEditor::OpcUaUserEditor(const QStringList &pairs, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("opcUaUserEditor"));
    setWindowTitle(tr("Add OPC UA User"));
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("opcUaUserName"));
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("opcUaUserPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat = new QLineEdit;
    m_repeat->setObjectName(QStringLiteral("opcUaUserPasswordAgain"));
    m_repeat->setEchoMode(QLineEdit::Password);
    m_allPairs = new QCheckBox(tr("On &all pairs"));
    m_allPairs->setObjectName(QStringLiteral("opcUaUserAllPairs"));
    m_allPairs->setChecked(true);
    m_pairs = new QListWidget;
    m_pairs->setObjectName(QStringLiteral("opcUaUserPairs"));
    for (const QString &pair : pairs) {
        auto *item = new QListWidgetItem(pair, m_pairs);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_pairs->setEnabled(false);
    m_operator = new QCheckBox(tr("&Operator"));
    m_operator->setObjectName(QStringLiteral("opcUaUserOperator"));
    m_problem = createErrorLabel(QStringLiteral("opcUaUserProblem"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&User name:"), m_name);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("Password a&gain:"), m_repeat);
    form->addRow(m_allPairs);
    form->addRow(tr("Pa&irs:"), m_pairs);
    form->addRow(m_operator);
    form->addRow(m_problem);
    form->addRow(m_buttons);
    for (QLineEdit *edit : {m_name, m_password, m_repeat})
        connect(edit, &QLineEdit::textChanged, this, &OpcUaUserEditor::check);
    connect(m_allPairs, &QCheckBox::toggled, this, [this](bool all) {
        m_pairs->setEnabled(!all);
        check();
    });
    connect(m_pairs, &QListWidget::itemChanged, this, &OpcUaUserEditor::check);
    check();
}

QString OpcUaUserEditor::name() const
{
    return m_name->text();
}

QByteArray OpcUaUserEditor::password() const
{
    return m_password->text().toUtf8();
}

bool OpcUaUserEditor::allPairs() const
{
    return m_allPairs->isChecked();
}

QStringList OpcUaUserEditor::pairs() const
{
    QStringList names;
    if (allPairs())
        return names;
    for (int i = 0; i < m_pairs->count(); ++i)
        if (m_pairs->item(i)->checkState() == Qt::Checked)
            names << m_pairs->item(i)->text();
    return names;
}

bool OpcUaUserEditor::isOperator() const
{
    return m_operator->isChecked();
}

void OpcUaUserEditor::check()
{
    QString problem;
    if (!m_name->text().isEmpty() && !OpcUaUserStore::checkName(m_name->text(), &problem)) {
    } else if (!m_password->text().isEmpty() &&
               !OpcUaUserStore::checkPassword(password(), &problem)) {
    } else if (m_password->text() != m_repeat->text() && !m_repeat->text().isEmpty()) {
        problem = tr("The two passwords differ.");
    } else if (!allPairs() && pairs().isEmpty()) {
        problem = tr("Choose the pairs, or all pairs.");
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(problem.isEmpty() && !m_name->text().isEmpty() &&
                     !m_password->text().isEmpty() && m_password->text() == m_repeat->text());
}

} // namespace tandem
