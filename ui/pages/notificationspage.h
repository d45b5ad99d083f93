#pragma once

#include "base/worker.h"

#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace tandem {

class ConfigDocument;
struct NotificationSettings;

// Notifications tab (docs/requirements.md, Notifications tab): e-mail set-up and the events to
// mail.
class NotificationsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit NotificationsPage(ConfigDocument *document, QWidget *parent = nullptr);
    ~NotificationsPage() override;

    // Looks up whether the keychain holds a password for the configured user.
    void checkPassword();

Q_SIGNALS:
    // A Test or Test connection finished; the text is in the "testResult" label.
    void testFinished(bool ok);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void load();
    void apply();
    void storePassword();
    void sendTestMail();
    void testConnection(int server);
    void runTest(const NotificationSettings &settings,
                 std::function<std::pair<bool, QString>(const QString &password,
                                                        const std::atomic<bool> *abort)>
                     test);
    void setTestRunning(bool running);
    void showTestResult(bool ok, const QString &text);

    ConfigDocument *m_document;
    bool m_loading = false;

    QCheckBox *m_enabled;
    QLineEdit *m_primarySmtp;
    QLineEdit *m_secondarySmtp;
    QLineEdit *m_from;
    QPlainTextEdit *m_to;
    QLineEdit *m_subject;
    QPlainTextEdit *m_header;
    QPlainTextEdit *m_footer;
    QCheckBox *m_allEvents;
    QListWidget *m_events;
    QCheckBox *m_allowPlaintext;
    QLabel *m_problems;
    QPushButton *m_test;
    QPushButton *m_testPrimary;
    QPushButton *m_testSecondary;
    QLabel *m_testResult;
    QLineEdit *m_caFile;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QPushButton *m_storePassword;
    QLabel *m_passwordState;
    QSpinBox *m_retryHours;
    QSpinBox *m_batchWindow;
    QSpinBox *m_timeout;
    bool m_testRunning = false;
    bool m_shownBefore = false;
    std::shared_ptr<std::atomic<bool>> m_testAbort;
    Worker m_testWorker;
};

} // namespace tandem
