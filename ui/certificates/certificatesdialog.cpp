#include "certificatesdialog.h"

#include "base/clock.h"
#include "base/durablefile.h"
#include "certificatedetails.h"
#include "contexthelp.h"
#include "errorlabel.h"
#include "pki/applicationcertificate.h"

#include <QColor>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tandem {

namespace {

enum Column
{
    SubjectColumn,
    ThumbprintColumn,
    ValidUntilColumn,
    UriColumn,
};

constexpr pki::PkiStore::List Lists[] = {pki::PkiStore::List::Trusted, pki::PkiStore::List::Issuers,
                                         pki::PkiStore::List::Rejected};

// Certificates, keys and PKCS#12 files are a few kilobytes; a huge file is a mistake.
constexpr qint64 MaxFileBytes = 1024 * 1024;

QString describe(const pki::Certificate &certificate)
{
    return QStringLiteral("'%1' [%2]").arg(certificate.subject(), certificate.thumbprint());
}

QPlainTextEdit *detailsView(const QString &objectName)
{
    auto *view = new QPlainTextEdit;
    view->setObjectName(objectName);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return view;
}

} // namespace

CertificatesDialog::CertificatesDialog(const QString &stateDir, QWidget *parent, const Clock *clock)
    : QDialog(parent)
    , m_stateDir(stateDir)
    , m_store(stateDir)
    , m_clock(clock ? clock : Clock::system())
{
    setObjectName(QStringLiteral("certificatesDialog"));
    setWindowTitle(tr("Certificates"));
    ContextHelp::setTopic(this, QStringLiteral("certificates#console"));
    resize(820, 640);

    m_problem = createErrorLabel(QStringLiteral("pkiProblem"));
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *own = new QGroupBox(tr("Tandem's own certificate"));
    own->setObjectName(QStringLiteral("ownCertificate"));
    m_own = detailsView(QStringLiteral("ownDetails"));
    m_own->setMaximumHeight(150);
    m_renew = new QPushButton(tr("&Renew..."));
    m_renew->setObjectName(QStringLiteral("renewButton"));
    m_renew->setToolTip(tr("A new key and a new self-signed certificate in place of the current "
                           "ones"));
    m_import = new QPushButton(tr("&Import..."));
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setToolTip(tr("Use a certificate the plant's CA issued: a certificate file with "
                            "its key file, or a PKCS#12 file"));
    m_ownError = createErrorLabel(QStringLiteral("ownError"));
    auto *ownButtons = new QVBoxLayout;
    ownButtons->addWidget(m_renew);
    ownButtons->addWidget(m_import);
    ownButtons->addStretch();
    auto *ownRow = new QHBoxLayout;
    ownRow->addWidget(m_own, 1);
    ownRow->addLayout(ownButtons);
    auto *ownLayout = new QVBoxLayout(own);
    ownLayout->addLayout(ownRow);
    ownLayout->addWidget(m_ownError);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("certificateLists"));
    const std::pair<const char *, QString> tabs[] = {{"trustedList", tr("&Trusted")},
                                                     {"issuersList", tr("I&ssuers")},
                                                     {"rejectedList", tr("Re&jected")}};
    for (int i = 0; i < 3; ++i) {
        auto *list = new QTreeWidget;
        list->setObjectName(QLatin1String(tabs[i].first));
        list->setRootIsDecorated(false);
        list->setUniformRowHeights(true);
        list->setHeaderLabels(
            {tr("Subject"), tr("Thumbprint (SHA-1)"), tr("Valid until"), tr("Application URI")});
        list->header()->setSectionResizeMode(QHeaderView::Interactive);
        list->setColumnWidth(SubjectColumn, 220);
        // The whole thumbprint: it is what an operator compares.
        list->setColumnWidth(ThumbprintColumn,
                             list->fontMetrics().horizontalAdvance(QString(40, QLatin1Char('D'))) +
                                 16);
        connect(list, &QTreeWidget::itemSelectionChanged, this, [this] {
            showDetails();
            updateButtons();
        });
        m_lists[i] = list;
        m_tabs->addTab(list, tabs[i].second);
    }
    m_tabs->setTabToolTip(0, tr("Certificates of servers and clients Tandem accepts, and CAs "
                                "whose certificates it accepts"));
    m_tabs->setTabToolTip(1, tr("CAs that complete a chain without being trusted themselves"));
    m_tabs->setTabToolTip(2, tr("Certificates Tandem refused; trust one to accept it"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        showDetails();
        updateButtons();
    });
    m_details = detailsView(QStringLiteral("certificateDetails"));
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_trust = new QPushButton(tr("Tr&ust"));
    m_trust->setObjectName(QStringLiteral("trustButton"));
    m_reject = new QPushButton(tr("R&eject"));
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_remove = new QPushButton(tr("Re&move"));
    m_remove->setObjectName(QStringLiteral("removeButton"));
    m_add = new QPushButton(tr("&Add..."));
    m_add->setObjectName(QStringLiteral("addButton"));
    m_add->setToolTip(tr("Trust a certificate file (DER or PEM)"));
    m_refresh = new QPushButton(tr("Re&fresh"));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    auto *listButtons = new QHBoxLayout;
    for (QPushButton *button : {m_trust, m_reject, m_remove, m_add})
        listButtons->addWidget(button);
    listButtons->addStretch();
    listButtons->addWidget(m_refresh);
    m_error = createErrorLabel(QStringLiteral("listError"));
    m_done = new QLabel;
    m_done->setObjectName(QStringLiteral("outcome"));
    m_done->setWordWrap(true);
    m_done->hide();
    auto *hint = new QLabel(tr("The engine reads these folders at every connection: changes "
                               "count from the next connection, without a restart."));
    hint->setWordWrap(true);

    m_content = new QWidget;
    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(own);
    contentLayout->addWidget(splitter, 1);
    contentLayout->addLayout(listButtons);
    contentLayout->addWidget(m_error);
    contentLayout->addWidget(m_done);
    contentLayout->addWidget(hint);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_problem);
    layout->addWidget(m_content, 1);
    layout->addWidget(buttons);

    connect(m_renew, &QPushButton::clicked, this, &CertificatesDialog::renewOwn);
    connect(m_import, &QPushButton::clicked, this, &CertificatesDialog::importOwn);
    connect(m_trust, &QPushButton::clicked, this, &CertificatesDialog::trustSelected);
    connect(m_reject, &QPushButton::clicked, this, &CertificatesDialog::rejectSelected);
    connect(m_remove, &QPushButton::clicked, this, &CertificatesDialog::removeSelected);
    connect(m_add, &QPushButton::clicked, this, &CertificatesDialog::addCertificate);
    connect(m_refresh, &QPushButton::clicked, this, &CertificatesDialog::refresh);

    m_watcher = new QFileSystemWatcher(this);
    m_refreshSoon = new QTimer(this);
    m_refreshSoon->setSingleShot(true);
    m_refreshSoon->setInterval(100);
    connect(m_refreshSoon, &QTimer::timeout, this, &CertificatesDialog::refresh);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_refreshSoon,
            qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_refreshSoon,
            qOverload<>(&QTimer::start));
    refresh();
}

QString CertificatesDialog::accessProblem(const QString &stateDir)
{
    const pki::PkiStore store(stateDir);
    QStringList folders = {store.root()};
    for (pki::PkiStore::Folder folder :
         {pki::PkiStore::Folder::OwnCerts, pki::PkiStore::Folder::TrustedCerts,
          pki::PkiStore::Folder::IssuerCerts, pki::PkiStore::Folder::RejectedCerts})
        folders.append(store.path(folder));
    for (const QString &folder : std::as_const(folders)) {
        // A folder not made yet is no problem, unless what holds it cannot be entered: a
        // service's state directory that belongs to another user hides even whether it has
        // a pki folder.
        QFileInfo info(folder);
        while (!info.exists() && info.absolutePath() != info.absoluteFilePath())
            info = QFileInfo(info.absolutePath());
        if (!info.isDir())
            return tr("%1 is not a folder").arg(info.absoluteFilePath());
        if (!info.isReadable() || !info.isExecutable())
            return tr("the folder %1 cannot be read by this user").arg(info.absoluteFilePath());
    }
    return {};
}

void CertificatesDialog::refresh()
{
    const QString problem = accessProblem(m_stateDir);
    m_problem->setText(
        problem.isEmpty()
            ? QString()
            : tr("The certificates cannot be shown: %1.\n\nWhen Tandem runs as a system service, "
                 "its certificates belong to the service's user. Manage them from a terminal "
                 "instead:\n    sudo tandemctl --state-dir %2 cert list\n(and cert show, trust, "
                 "reject, remove, renew, import).")
                  .arg(problem, QDir::toNativeSeparators(m_stateDir)));
    m_problem->setVisible(!problem.isEmpty());
    m_content->setVisible(problem.isEmpty());
    if (!problem.isEmpty())
        return;
    showOwn();
    for (pki::PkiStore::List list : Lists)
        fillList(list);
    showDetails();
    updateButtons();
    watchFolders();
}

void CertificatesDialog::watchFolders()
{
    QStringList wanted = {m_store.root()};
    for (pki::PkiStore::Folder folder :
         {pki::PkiStore::Folder::OwnCerts, pki::PkiStore::Folder::TrustedCerts,
          pki::PkiStore::Folder::IssuerCerts, pki::PkiStore::Folder::RejectedCerts})
        wanted.append(m_store.path(folder));
    // Folders made since the last refresh are watched from now on.
    QStringList missing;
    for (const QString &folder : std::as_const(wanted))
        if (!m_watcher->directories().contains(folder) && QFileInfo(folder).isDir())
            missing.append(folder);
    if (!missing.isEmpty())
        m_watcher->addPaths(missing);
}

void CertificatesDialog::showOwn()
{
    QString error;
    const auto own = pki::ApplicationCertificate::load(m_store, &error);
    if (own) {
        m_own->setPlainText(CertificateDetails::text(own->certificate().info()));
        m_renew->setText(tr("&Renew..."));
    } else if (error.isEmpty()) {
        m_own->setPlainText(tr("Tandem has no certificate yet. The engine creates one when it "
                               "first starts an OPC UA link or endpoint; Create makes it now."));
        m_renew->setText(tr("C&reate"));
    } else {
        m_own->setPlainText(error);
    }
}

void CertificatesDialog::fillList(pki::PkiStore::List list)
{
    QTreeWidget *tree = m_lists[int(list)];
    const QTreeWidgetItem *current = tree->currentItem();
    const QString selectedPath = current ? current->data(0, PathRole).toString() : QString();
    tree->clear();
    for (const pki::PkiStore::Entry &entry : m_store.entries(list)) {
        auto *item = new QTreeWidgetItem(tree);
        item->setData(0, PathRole, entry.path);
        item->setToolTip(SubjectColumn, QDir::toNativeSeparators(entry.path));
        if (!entry.certificate) {
            item->setText(SubjectColumn, QFileInfo(entry.path).fileName());
            item->setText(ThumbprintColumn, tr("damaged"));
            item->setData(0, DetailsRole, entry.error);
            item->setData(0, DamagedRole, true);
            item->setForeground(ThumbprintColumn, QColor(0xb0, 0x00, 0x20));
            continue;
        }
        const pki::CertificateInfo info = entry.certificate->info();
        item->setText(SubjectColumn, info.subject);
        item->setText(ThumbprintColumn, info.thumbprint);
        item->setText(ValidUntilColumn, CertificateDetails::validUntil(info));
        item->setText(UriColumn, info.applicationUri);
        item->setData(0, ThumbprintRole, info.thumbprint);
        item->setData(0, DetailsRole, CertificateDetails::text(info));
        if (entry.path == selectedPath)
            tree->setCurrentItem(item);
    }
}

QTreeWidget *CertificatesDialog::currentList() const
{
    return m_lists[m_tabs->currentIndex()];
}

pki::PkiStore::List CertificatesDialog::currentKind() const
{
    return Lists[m_tabs->currentIndex()];
}

QTreeWidgetItem *CertificatesDialog::selectedItem() const
{
    const QList<QTreeWidgetItem *> selected = currentList()->selectedItems();
    return selected.isEmpty() ? nullptr : selected.first();
}

void CertificatesDialog::showDetails()
{
    const QTreeWidgetItem *item = selectedItem();
    m_details->setPlainText(item ? item->data(0, DetailsRole).toString() : QString());
}

void CertificatesDialog::updateButtons()
{
    const QTreeWidgetItem *item = selectedItem();
    const bool readable = item && !item->data(0, DamagedRole).toBool();
    const pki::PkiStore::List kind = currentKind();
    m_trust->setEnabled(readable && kind == pki::PkiStore::List::Rejected);
    m_reject->setEnabled(readable && kind != pki::PkiStore::List::Rejected);
    m_remove->setEnabled(item != nullptr);
}

bool CertificatesDialog::confirm(const QString &title, const QString &text)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                    this);
    box.setObjectName(QStringLiteral("confirmation"));
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Yes;
}

void CertificatesDialog::showOutcome(const QString &error, const QString &done)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_done->setText(done);
    m_done->setVisible(!done.isEmpty());
}

void CertificatesDialog::renewOwn()
{
    const bool exists = QFile::exists(pki::ApplicationCertificate::certificatePath(m_store));
    if (exists &&
        !confirm(tr("Renew Tandem's Certificate"),
                 tr("Tandem gets a new key and a new self-signed certificate in place of the "
                    "current ones.\n\nEvery OPC UA server and client that trusted the old "
                    "certificate refuses Tandem until it trusts the new one. Renew now?")))
        return;
    QString error;
    const auto renewed = pki::ApplicationCertificate::renew(
        m_store, pki::ApplicationCertificateRequest::forThisMachine(), *m_clock, &error);
    m_ownError->setText(renewed ? QString() : tr("The certificate was not renewed: %1").arg(error));
    m_ownError->setVisible(!renewed);
    showOutcome({}, renewed ? tr("Tandem now uses %1; servers and clients that trusted the old "
                                 "certificate must trust this one.")
                                  .arg(describe(renewed->certificate()))
                            : QString());
    refresh();
}

std::optional<QByteArray> CertificatesDialog::askPassword(const QString &file)
{
    QInputDialog dialog(this);
    dialog.setObjectName(QStringLiteral("passwordPrompt"));
    dialog.setWindowTitle(tr("Password"));
    dialog.setLabelText(
        tr("The password of %1 (empty if it has none):").arg(QFileInfo(file).fileName()));
    dialog.setTextEchoMode(QLineEdit::Password);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.textValue().toUtf8();
}

void CertificatesDialog::importOwn()
{
    const auto fail = [this](const QString &error) {
        m_ownError->setText(tr("The certificate was not imported: %1").arg(error));
        m_ownError->show();
    };
    const auto readFile = [](const QString &path, QByteArray *bytes, QString *error) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("%1 cannot be read: %2").arg(path, file.errorString());
            return false;
        }
        if (file.size() > MaxFileBytes) {
            *error = tr("%1 is larger than 1 MiB: not a certificate or key").arg(path);
            return false;
        }
        *bytes = file.readAll();
        return true;
    };
    const QString first = QFileDialog::getOpenFileName(
        this, tr("Import a Certificate"), QString(),
        tr("Certificates and PKCS#12 files (*.der *.pem *.crt *.cer *.p12 *.pfx);;All files (*)"));
    if (first.isEmpty())
        return;
    QByteArray bytes;
    QString error;
    if (!readFile(first, &bytes, &error))
        return fail(error);
    std::optional<pki::ApplicationCertificate> imported;
    QString ignored;
    if (pki::Certificate::fromData(bytes, &ignored)) {
        // A certificate: its key is in a file of its own.
        const QString keyPath = QFileDialog::getOpenFileName(
            this, tr("The Certificate's Private Key"), QFileInfo(first).path(),
            tr("Private keys (*.pem *.key);;All files (*)"));
        if (keyPath.isEmpty())
            return;
        QByteArray key;
        if (!readFile(keyPath, &key, &error))
            return fail(error);
        QByteArray password;
        if (key.contains("ENCRYPTED")) {
            const auto typed = askPassword(keyPath);
            if (!typed)
                return;
            password = *typed;
        }
        imported =
            pki::ApplicationCertificate::importPem(m_store, bytes, key, password, *m_clock, &error);
    } else {
        const auto typed = askPassword(first);
        if (!typed)
            return;
        imported =
            pki::ApplicationCertificate::importPkcs12(m_store, bytes, *typed, *m_clock, &error);
    }
    if (!imported)
        return fail(error);
    m_ownError->hide();
    showOutcome({}, tr("Tandem now uses %1; servers and clients must trust it before they "
                       "accept Tandem.")
                        .arg(describe(imported->certificate())));
    refresh();
}

void CertificatesDialog::trustSelected()
{
    const QTreeWidgetItem *item = selectedItem();
    if (!item || currentKind() != pki::PkiStore::List::Rejected)
        return;
    const QString thumbprint = item->data(0, ThumbprintRole).toString();
    if (!confirm(
            tr("Trust Certificate"),
            tr("Trust '%1'?\n\nThumbprint: %2\n\nCompare the thumbprint with the one the "
               "server or client shows in its own configuration: a certificate is only as "
               "trustworthy as that comparison.")
                .arg(item->text(SubjectColumn), CertificateDetails::groupedThumbprint(thumbprint))))
        return;
    QString error;
    const auto trusted = m_store.trust(thumbprint, &error);
    showOutcome(trusted ? QString() : error,
                trusted ? tr("Trusted %1.").arg(describe(*trusted)) : QString());
    refresh();
}

void CertificatesDialog::rejectSelected()
{
    const QTreeWidgetItem *item = selectedItem();
    if (!item || currentKind() == pki::PkiStore::List::Rejected)
        return;
    const QString thumbprint = item->data(0, ThumbprintRole).toString();
    if (!confirm(tr("Reject Certificate"),
                 tr("Reject '%1'? It moves to the rejected list: connections that present it "
                    "are refused from now on.")
                     .arg(item->text(SubjectColumn))))
        return;
    QString error;
    const auto rejected = m_store.reject(thumbprint, &error);
    showOutcome(rejected ? QString() : error,
                rejected ? tr("Rejected %1: it is no longer trusted.").arg(describe(*rejected))
                         : QString());
    refresh();
}

void CertificatesDialog::removeSelected()
{
    const QTreeWidgetItem *item = selectedItem();
    if (!item)
        return;
    const QString thumbprint = item->data(0, ThumbprintRole).toString();
    const QString path = item->data(0, PathRole).toString();
    const bool damaged = item->data(0, DamagedRole).toBool();
    if (!confirm(tr("Remove Certificate"),
                 damaged ? tr("Delete the damaged file %1?").arg(QDir::toNativeSeparators(path))
                         : tr("Remove '%1' from every list that holds it? A server or client "
                              "that presents it is then refused as unknown.")
                               .arg(item->text(SubjectColumn))))
        return;
    QString error;
    const bool removed =
        damaged ? DurableFile::remove(path, &error) : m_store.remove(thumbprint, &error);
    showOutcome(removed ? QString() : error,
                removed ? tr("Removed %1.").arg(damaged ? QFileInfo(path).fileName() : thumbprint)
                        : QString());
    refresh();
}

void CertificatesDialog::addCertificate()
{
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Trust a Certificate"), QString(),
                                     tr("Certificates (*.der *.pem *.crt *.cer);;All files (*)"));
    if (file.isEmpty())
        return;
    if (QFileInfo(file).size() > MaxFileBytes)
        return showOutcome(tr("%1 is larger than 1 MiB: not a certificate").arg(file));
    QString error;
    const auto trusted = m_store.trust(file, &error);
    showOutcome(trusted ? QString() : error,
                trusted ? tr("Trusted %1.").arg(describe(*trusted)) : QString());
    if (trusted)
        m_tabs->setCurrentIndex(int(pki::PkiStore::List::Trusted));
    refresh();
}

} // namespace tandem
