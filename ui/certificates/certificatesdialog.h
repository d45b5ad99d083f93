#pragma once

#include "pki/pkistore.h"

#include <QDialog>
#include <QString>

class QFileSystemWatcher;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace tandem {

class Clock;

// Tools › Certificates…: Tandem's own OPC UA application certificate (details, Renew…,
// Import…) and the trust list of the state directory the console's engine uses (trusted,
// issuers and rejected, with Trust / Reject / Remove / Add… and a details pane): what
// `tandemctl cert` does, for an operator. It works on the files directly, as the engine
// reads them at every connection (pki/pkistore.h), and reads the folders again on Refresh
// and whenever a file in them changes, so a certificate the engine refuses meanwhile or one
// copied in by hand shows up.
class CertificatesDialog final : public QDialog
{
    Q_OBJECT

public:
    // clock: what "valid now" means for an imported certificate (tests pass a ManualClock).
    explicit CertificatesDialog(const QString &stateDir, QWidget *parent = nullptr,
                                const Clock *clock = nullptr);

    // Reads the own certificate and the three lists from disk again.
    void refresh();
    // Why this user cannot read the certificate folders (a system service's state
    // directory belongs to its own user), empty when it can.
    static QString accessProblem(const QString &stateDir);

private:
    enum Role
    {
        ThumbprintRole = Qt::UserRole,
        PathRole,
        DetailsRole,
        DamagedRole,
    };

    void showOwn();
    void fillList(pki::PkiStore::List list);
    QTreeWidget *currentList() const;
    pki::PkiStore::List currentKind() const;
    QTreeWidgetItem *selectedItem() const;
    void showDetails();
    void updateButtons();
    void watchFolders();

    void renewOwn();
    void importOwn();
    void trustSelected();
    void rejectSelected();
    void removeSelected();
    void addCertificate();
    // A Yes/No question; true for Yes.
    bool confirm(const QString &title, const QString &text);
    // The outcome of an action under the lists: an error in red, or what was done.
    void showOutcome(const QString &error, const QString &done = {});
    // A password for a protected key or PKCS#12 file; nullopt when cancelled.
    std::optional<QByteArray> askPassword(const QString &file);

    QString m_stateDir;
    pki::PkiStore m_store;
    const Clock *m_clock;

    QLabel *m_problem;
    QWidget *m_content;
    QPlainTextEdit *m_own;
    QPushButton *m_renew;
    QPushButton *m_import;
    QLabel *m_ownError;
    QTabWidget *m_tabs;
    QTreeWidget *m_lists[3];
    QPlainTextEdit *m_details;
    QPushButton *m_trust;
    QPushButton *m_reject;
    QPushButton *m_remove;
    QPushButton *m_add;
    QPushButton *m_refresh;
    QLabel *m_error;
    QLabel *m_done;
    QFileSystemWatcher *m_watcher;
    // Coalesces the watcher's reports: a copy or a rename touches a folder several times.
    QTimer *m_refreshSoon;
};

} // namespace tandem
