#include "notificationspage.h"

#include "config/configdocument.h"
#include "config/configvalidator.h"
#include "events/eventcatalog.h"
#include "notify/mailer.h"
#include "notify/smtpclient.h"
#include "secrets/passwordstore.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tandem {

namespace {

// A multi-line field where Ctrl+Enter, as in the reference manual, inserts a newline (plain Enter
// does too). Tab moves on to the next field, as everywhere else in the form.
class MultiLineEdit final : public QPlainTextEdit
{
public:
    MultiLineEdit(int lines, QWidget *parent)
        : QPlainTextEdit(parent)
    {
        setTabChangesFocus(true);
        setLineWrapMode(QPlainTextEdit::NoWrap);
        const int frame = 2 * frameWidth() + int(2 * document()->documentMargin());
        setFixedHeight(fontMetrics().lineSpacing() * lines + frame + 2);
    }

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
            (event->modifiers() & Qt::ControlModifier)) {
            insertPlainText(QStringLiteral("\n"));
            event->accept();
            return;
        }
        QPlainTextEdit::keyPressEvent(event);
    }
};

// One address per line; blank lines and surrounding spaces do not count.
QStringList addressLines(const QString &text)
{
    QStringList result;
    QString normalized = text;
    normalized.replace(QChar::LineSeparator, QLatin1Char('\n'))
        .replace(QChar::ParagraphSeparator, QLatin1Char('\n'))
        .replace(QLatin1Char('\r'), QLatin1Char('\n'));
    for (const QString &line : normalized.split(QLatin1Char('\n'))) {
        const QString address = line.trimmed();
        if (!address.isEmpty())
            result.append(address);
    }
    return result;
}

void setLineText(QLineEdit *edit, const QString &value)
{
    // Fields are stored trimmed; compare that way so typing a space keeps the cursor.
    if (edit->text().trimmed() != value)
        edit->setText(value);
}

} // namespace

NotificationsPage::NotificationsPage(ConfigDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *mailGroup = new QGroupBox(tr("E-Mail Setup"), this);
    mailGroup->setObjectName(QStringLiteral("emailSetupGroup"));

    m_enabled = new QCheckBox(tr("&Enable e-mail notifications"), mailGroup);
    m_enabled->setObjectName(QStringLiteral("emailEnabled"));

    m_primarySmtp = new QLineEdit(mailGroup);
    m_primarySmtp->setObjectName(QStringLiteral("primarySmtp"));
    m_primarySmtp->setPlaceholderText(QStringLiteral("smtp://mail.example.com:587"));
    m_primarySmtp->setToolTip(
        tr("The SMTP server tried first: smtp://host[:port] (STARTTLS) or smtps://host[:port]."));

    m_secondarySmtp = new QLineEdit(mailGroup);
    m_secondarySmtp->setObjectName(QStringLiteral("secondarySmtp"));
    m_secondarySmtp->setPlaceholderText(tr("optional"));
    m_secondarySmtp->setToolTip(tr("Used when the primary SMTP server cannot be reached."));

    m_from = new QLineEdit(mailGroup);
    m_from->setObjectName(QStringLiteral("from"));
    m_from->setPlaceholderText(QStringLiteral("tandem@plant.example"));

    m_to = new MultiLineEdit(3, mailGroup);
    m_to->setObjectName(QStringLiteral("to"));
    m_to->setPlaceholderText(tr("One address per line"));

    m_subject = new QLineEdit(mailGroup);
    m_subject->setObjectName(QStringLiteral("subject"));

    m_header = new MultiLineEdit(2, mailGroup);
    m_header->setObjectName(QStringLiteral("header"));
    m_footer = new MultiLineEdit(2, mailGroup);
    m_footer->setObjectName(QStringLiteral("footer"));

    auto *hint = new QLabel(tr("Hint: Use Ctrl+Enter to insert a newline in the To, Header and "
                               "Footer fields. Enter one address per line in To."),
                            mailGroup);
    hint->setObjectName(QStringLiteral("emailHint"));
    hint->setWordWrap(true);

    m_allowPlaintext =
        new QCheckBox(tr("Allow unencrypted SMTP (plain smtp:// without STARTTLS)"), mailGroup);
    m_allowPlaintext->setObjectName(QStringLiteral("allowPlaintext"));
    m_allowPlaintext->setToolTip(tr("Sends the password and messages readable by anyone on the "
                                    "network. Only for a trusted local relay."));

    m_test = new QPushButton(tr("&Test"), mailGroup);
    m_test->setObjectName(QStringLiteral("testEmail"));
    m_test->setToolTip(tr("Send a test e-mail to every recipient with the settings shown"));
    connect(m_test, &QPushButton::clicked, this, &NotificationsPage::sendTestMail);
    m_testPrimary = new QPushButton(tr("Test connection"), mailGroup);
    m_testPrimary->setObjectName(QStringLiteral("testPrimaryConnection"));
    m_testPrimary->setToolTip(tr("Connect, secure and log in to the primary SMTP server; no "
                                 "mail is sent"));
    connect(m_testPrimary, &QPushButton::clicked, this, [this] { testConnection(0); });
    m_testSecondary = new QPushButton(tr("Test connection"), mailGroup);
    m_testSecondary->setObjectName(QStringLiteral("testSecondaryConnection"));
    m_testSecondary->setToolTip(m_testPrimary->toolTip().replace(tr("primary"), tr("secondary")));
    connect(m_testSecondary, &QPushButton::clicked, this, [this] { testConnection(1); });
    m_testResult = new QLabel(mailGroup);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->hide();

    const auto withButton = [](QWidget *field, QWidget *button) {
        auto *row = new QHBoxLayout;
        row->addWidget(field, 1);
        row->addWidget(button);
        return row;
    };
    // A form label for a row that is a layout: QFormLayout gives those no buddy.
    const auto label = [](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, buddy->parentWidget());
        l->setBuddy(buddy);
        return l;
    };

    auto *form = new QFormLayout;
    form->addRow(m_enabled);
    form->addRow(label(tr("&Primary SMTP:"), m_primarySmtp),
                 withButton(m_primarySmtp, m_testPrimary));
    form->addRow(label(tr("&Secondary SMTP:"), m_secondarySmtp),
                 withButton(m_secondarySmtp, m_testSecondary));
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("T&o:"), m_to);
    form->addRow(tr("Su&bject:"), m_subject);
    form->addRow(tr("&Header:"), m_header);
    form->addRow(tr("Foote&r:"), m_footer);
    form->addRow(hint);

    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testResult, 1);
    testRow->addWidget(m_test);

    auto *mailLayout = new QVBoxLayout(mailGroup);
    mailLayout->addLayout(form);
    mailLayout->addLayout(testRow);

    // Beyond the reference manual: security, login and delivery.
    auto *deliveryGroup = new QGroupBox(tr("Security and Delivery"), this);
    deliveryGroup->setObjectName(QStringLiteral("deliveryGroup"));
    m_caFile = new QLineEdit(deliveryGroup);
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_caFile->setPlaceholderText(tr("the system's certificate authorities"));
    m_caFile->setToolTip(tr("A PEM file with the certificate authority of a private mail "
                            "server; certificates are always verified."));
    auto *browseCa = new QPushButton(tr("Browse..."), deliveryGroup);
    browseCa->setObjectName(QStringLiteral("browseCaFile"));
    connect(browseCa, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Certificate Authority"), m_caFile->text(),
                                         tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    m_user = new QLineEdit(deliveryGroup);
    m_user->setObjectName(QStringLiteral("smtpUser"));
    m_user->setPlaceholderText(tr("none: no login"));
    m_password = new QLineEdit(deliveryGroup);
    m_password->setObjectName(QStringLiteral("smtpPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("new password"));
    m_storePassword = new QPushButton(tr("Store in &Keychain"), deliveryGroup);
    m_storePassword->setObjectName(QStringLiteral("storePassword"));
    m_storePassword->setToolTip(tr("The password is kept in the system keychain, never in the "
                                   "configuration file."));
    connect(m_storePassword, &QPushButton::clicked, this, &NotificationsPage::storePassword);
    m_passwordState = new QLabel(deliveryGroup);
    m_passwordState->setObjectName(QStringLiteral("passwordState"));
    m_passwordState->setWordWrap(true);
    m_passwordState->setTextFormat(Qt::PlainText);

    m_retryHours = new QSpinBox(deliveryGroup);
    m_retryHours->setObjectName(QStringLiteral("retryHours"));
    m_retryHours->setRange(NotificationSettings::MinRetryHours,
                           NotificationSettings::MaxRetryHours);
    m_retryHours->setSuffix(tr(" h"));
    m_retryHours->setToolTip(tr("How long an undelivered e-mail is retried before it is dropped "
                                "with an error event."));
    m_batchWindow = new QSpinBox(deliveryGroup);
    m_batchWindow->setObjectName(QStringLiteral("batchWindow"));
    m_batchWindow->setRange(NotificationSettings::MinBatchWindowS,
                            NotificationSettings::MaxBatchWindowS);
    m_batchWindow->setSuffix(tr(" s"));
    m_batchWindow->setToolTip(tr("At most one e-mail per window; events in between are listed "
                                 "together in the next one. 0 mails every event at once."));
    m_timeout = new QSpinBox(deliveryGroup);
    m_timeout->setObjectName(QStringLiteral("smtpTimeout"));
    m_timeout->setRange(NotificationSettings::MinTimeoutS, NotificationSettings::MaxTimeoutS);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("A server that does not finish the dialogue in this time counts as "
                             "failed, and the other one is tried."));

    auto *passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_password, 1);
    passwordRow->addWidget(m_storePassword);
    auto *timing = new QHBoxLayout;
    timing->addWidget(new QLabel(tr("Retry for:"), deliveryGroup));
    timing->addWidget(m_retryHours);
    timing->addSpacing(12);
    timing->addWidget(new QLabel(tr("One e-mail per:"), deliveryGroup));
    timing->addWidget(m_batchWindow);
    timing->addSpacing(12);
    timing->addWidget(new QLabel(tr("Timeout:"), deliveryGroup));
    timing->addWidget(m_timeout);
    timing->addStretch(1);
    auto *deliveryForm = new QFormLayout(deliveryGroup);
    deliveryForm->addRow(m_allowPlaintext);
    deliveryForm->addRow(label(tr("&CA file:"), m_caFile), withButton(m_caFile, browseCa));
    deliveryForm->addRow(tr("&User:"), m_user);
    deliveryForm->addRow(label(tr("Pass&word:"), m_password), passwordRow);
    deliveryForm->addRow(QString(), m_passwordState);
    deliveryForm->addRow(timing);

    // Events to mail.
    auto *eventsLabel =
        new QLabel(tr("Select the &diagnostics events that you would like to receive as an e-mail "
                      "notification:"),
                   this);
    eventsLabel->setWordWrap(true);

    m_allEvents = new QCheckBox(tr("Send &all events"), this);
    m_allEvents->setObjectName(QStringLiteral("allEvents"));

    m_events = new QListWidget(this);
    m_events->setObjectName(QStringLiteral("notificationEvents"));
    m_events->setUniformItemSizes(true);
    for (const EventDefinition &definition : EventCatalog::all()) {
        auto *item = new QListWidgetItem(EventCatalog::templateText(definition), m_events);
        item->setData(Qt::UserRole, QString::fromLatin1(definition.id));
        item->setToolTip(severityName(definition.severity));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    eventsLabel->setBuddy(m_events);

    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("notificationProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setStyleSheet(QStringLiteral("color: #c00000;"));
    m_problems->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(mailGroup);
    layout->addWidget(deliveryGroup);
    layout->addWidget(m_problems);
    layout->addWidget(eventsLabel);
    layout->addWidget(m_allEvents);
    layout->addWidget(m_events, 1);

    load();

    connect(m_enabled, &QCheckBox::toggled, this, &NotificationsPage::apply);
    connect(m_allowPlaintext, &QCheckBox::toggled, this, &NotificationsPage::apply);
    connect(m_allEvents, &QCheckBox::toggled, this, &NotificationsPage::apply);
    for (QLineEdit *edit : {m_primarySmtp, m_secondarySmtp, m_from, m_subject, m_caFile, m_user})
        connect(edit, &QLineEdit::textChanged, this, &NotificationsPage::apply);
    for (QSpinBox *box : {m_retryHours, m_batchWindow, m_timeout})
        connect(box, &QSpinBox::valueChanged, this, &NotificationsPage::apply);
    // The keychain entry belongs to the user name: look it up when that settles.
    connect(m_user, &QLineEdit::editingFinished, this, &NotificationsPage::checkPassword);
    for (QPlainTextEdit *edit : {m_to, m_header, m_footer})
        connect(edit, &QPlainTextEdit::textChanged, this, &NotificationsPage::apply);
    connect(m_events, &QListWidget::itemChanged, this, &NotificationsPage::apply);
    connect(m_document, &ConfigDocument::settingsChanged, this, &NotificationsPage::load);
}

void NotificationsPage::load()
{
    if (m_loading)
        return;
    const QScopedValueRollback guard(m_loading, true);
    const NotificationSettings &n = m_document->configuration().notifications;

    if (m_enabled->isChecked() != n.enabled)
        m_enabled->setChecked(n.enabled);
    setLineText(m_primarySmtp, n.primarySmtp);
    setLineText(m_secondarySmtp, n.secondarySmtp);
    setLineText(m_from, n.from);
    if (m_subject->text() != n.subject)
        m_subject->setText(n.subject);
    // Compare as the document stores it, so a trailing newline being typed survives.
    if (addressLines(m_to->toPlainText()) != n.to)
        m_to->setPlainText(n.to.join(QLatin1Char('\n')));
    if (m_header->toPlainText() != n.header)
        m_header->setPlainText(n.header);
    if (m_footer->toPlainText() != n.footer)
        m_footer->setPlainText(n.footer);
    if (m_allowPlaintext->isChecked() != n.allowPlaintext)
        m_allowPlaintext->setChecked(n.allowPlaintext);
    setLineText(m_caFile, n.caFile);
    setLineText(m_user, n.user);
    for (auto [box, value] :
         {std::pair{m_retryHours, n.retryHours}, std::pair{m_batchWindow, n.batchWindowS},
          std::pair{m_timeout, n.timeoutS}})
        if (box->value() != value)
            box->setValue(value);
    m_testSecondary->setEnabled(!n.secondarySmtp.isEmpty() && !m_testRunning);

    if (m_allEvents->isChecked() != n.allEvents)
        m_allEvents->setChecked(n.allEvents);
    for (int row = 0; row < m_events->count(); ++row) {
        QListWidgetItem *item = m_events->item(row);
        const bool selected = n.allEvents || n.events.contains(item->data(Qt::UserRole).toString());
        const Qt::CheckState state = selected ? Qt::Checked : Qt::Unchecked;
        if (item->checkState() != state)
            item->setCheckState(state);
    }
    m_events->setEnabled(!n.allEvents);

    QStringList problems;
    for (const ConfigIssue &issue : ConfigValidator::validate(m_document->configuration()))
        if (issue.field.startsWith(QLatin1String("notifications/")))
            problems.append(issue.message);
    problems.removeDuplicates();
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
}

void NotificationsPage::apply()
{
    if (m_loading)
        return;
    // Start from the document, so the stored event selection survives "all events".
    NotificationSettings n = m_document->configuration().notifications;
    n.enabled = m_enabled->isChecked();
    n.primarySmtp = m_primarySmtp->text().trimmed();
    n.secondarySmtp = m_secondarySmtp->text().trimmed();
    n.from = m_from->text().trimmed();
    n.to = addressLines(m_to->toPlainText());
    n.subject = m_subject->text();
    n.header = m_header->toPlainText();
    n.footer = m_footer->toPlainText();
    n.allowPlaintext = m_allowPlaintext->isChecked();
    n.caFile = m_caFile->text().trimmed();
    n.user = m_user->text().trimmed();
    n.retryHours = m_retryHours->value();
    n.batchWindowS = m_batchWindow->value();
    n.timeoutS = m_timeout->value();
    // While "all events" is on, the list shows everything checked and the explicit
    // selection is kept as it was; switching it off brings that selection back.
    const bool wasAllEvents = n.allEvents;
    n.allEvents = m_allEvents->isChecked();
    if (!n.allEvents && !wasAllEvents) {
        n.events.clear();
        for (int row = 0; row < m_events->count(); ++row) {
            const QListWidgetItem *item = m_events->item(row);
            if (item->checkState() == Qt::Checked)
                n.events.append(item->data(Qt::UserRole).toString());
        }
    }
    m_document->setNotifications(n);
}

void NotificationsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_shownBefore) {
        m_shownBefore = true; // the keychain is asked when the tab is first looked at
        checkPassword();
    }
}

NotificationsPage::~NotificationsPage()
{
    // A test still talking to a server gives up at once; m_testWorker waits for it.
    if (m_testAbort)
        m_testAbort->store(true);
    // Focus leaves the user field while the children are destroyed: its editingFinished
    // must not reach this half-destroyed page.
    m_user->disconnect(this);
}

void NotificationsPage::checkPassword()
{
    const QString user = m_document->configuration().notifications.user;
    if (user.isEmpty()) {
        m_passwordState->setText(tr("No login: the servers are used without a user name."));
        return;
    }
    m_passwordState->setText(tr("Looking up the password of '%1' in the keychain...").arg(user));
    PasswordStore::read(
        PasswordStore::smtpKey(user), this, [this, user](const PasswordStore::Result &r) {
            if (user != m_document->configuration().notifications.user)
                return; // the name changed meanwhile
            m_passwordState->setText(
                r.ok         ? tr("A password for '%1' is in the keychain.").arg(user)
                : r.notFound ? tr("No password for '%1' is in the keychain yet.").arg(user)
                             : tr("Passwords cannot be kept: %1").arg(r.error));
        });
}

void NotificationsPage::storePassword()
{
    const QString user = m_document->configuration().notifications.user;
    if (user.isEmpty()) {
        m_passwordState->setText(tr("Enter the user name first: the password belongs to it."));
        return;
    }
    m_storePassword->setEnabled(false);
    PasswordStore::write(PasswordStore::smtpKey(user), m_password->text(), this,
                         [this, user](const PasswordStore::Result &r) {
                             m_storePassword->setEnabled(true);
                             if (!r.ok) {
                                 // The typed password stays in the field: nothing is lost.
                                 m_passwordState->setText(
                                     tr("The password was NOT stored: %1").arg(r.error));
                                 return;
                             }
                             m_password->clear();
                             m_passwordState->setText(
                                 tr("The password for '%1' is stored in the keychain; a running "
                                    "engine uses it from its next reload.")
                                     .arg(user));
                         });
}

void NotificationsPage::sendTestMail()
{
    const NotificationSettings n = m_document->configuration().notifications;
    if (n.primarySmtp.isEmpty() || n.from.isEmpty() || n.to.isEmpty()) {
        showTestResult(false, tr("A test e-mail needs the primary SMTP server, the sender and at "
                                 "least one recipient."));
        return;
    }
    runTest(n, [n](const QString &password, const std::atomic<bool> *abort) {
        const DeliveryReport report = Mailer::deliver(Mailer::servers(n, password), n.from, n.to,
                                                      Mailer::testMessage(n), abort);
        QStringList lines;
        for (const DeliveryReport::Try &t : report.tries) {
            lines << (t.result.ok ? tr("%1: test e-mail accepted").arg(t.url)
                                  : tr("%1: %2").arg(t.url, t.result.error));
            for (const QString &refused : t.result.refused)
                lines << tr("%1: refused %2").arg(t.url, refused);
        }
        return std::pair{report.ok(), lines.join(QLatin1Char('\n'))};
    });
}

void NotificationsPage::testConnection(int server)
{
    const NotificationSettings n = m_document->configuration().notifications;
    const QList<SmtpServer> servers = Mailer::servers(n, QString());
    if (server >= servers.size()) {
        showTestResult(false, tr("Enter the server first."));
        return;
    }
    runTest(n, [n, server](const QString &password, const std::atomic<bool> *abort) {
        const SmtpServer s = Mailer::servers(n, password).at(server);
        const SmtpResult r = SmtpClient(abort).probe(s);
        return std::pair{r.ok, r.ok ? tr("%1: connection, security and login work").arg(s.url)
                                    : tr("%1: %2").arg(s.url, r.error)};
    });
}

void NotificationsPage::runTest(
    const NotificationSettings &settings,
    std::function<std::pair<bool, QString>(const QString &, const std::atomic<bool> *)> test)
{
    setTestRunning(true);
    showTestResult(true, tr("Testing..."));
    const auto run = [this, test](const QString &password) {
        auto abort = std::make_shared<std::atomic<bool>>(false);
        m_testAbort = abort;
        // The SMTP dialogue must not block the window: it runs on the page's worker.
        m_testWorker.start([this, test, password, abort] {
            const std::pair<bool, QString> result = test(password, abort.get());
            return [this, result] {
                setTestRunning(false);
                showTestResult(result.first, result.second);
                Q_EMIT testFinished(result.first);
            };
        });
    };
    if (settings.user.isEmpty()) {
        run(QString());
        return;
    }
    PasswordStore::read(
        PasswordStore::smtpKey(settings.user), this, [this, run](const PasswordStore::Result &r) {
            if (!r.ok) {
                setTestRunning(false);
                showTestResult(false, tr("The SMTP password cannot be read: %1").arg(r.error));
                Q_EMIT testFinished(false);
                return;
            }
            run(r.password);
        });
}

void NotificationsPage::setTestRunning(bool running)
{
    m_testRunning = running;
    m_test->setEnabled(!running);
    m_testPrimary->setEnabled(!running);
    m_testSecondary->setEnabled(!running &&
                                !m_document->configuration().notifications.secondarySmtp.isEmpty());
}

void NotificationsPage::showTestResult(bool ok, const QString &text)
{
    m_testResult->setText(text);
    m_testResult->setStyleSheet(ok ? QString() : QStringLiteral("color: #c00000;"));
    m_testResult->setProperty("ok", ok);
    m_testResult->show();
}

} // namespace tandem
