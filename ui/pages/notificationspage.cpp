#include "notificationspage.h"

#include "config/configdocument.h"
#include "config/configvalidator.h"
#include "events/eventcatalog.h"

#include <QCheckBox>
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
#include <QVBoxLayout>

namespace tandem {

namespace {

// A multi-line field where Ctrl+Enter, as in the seed, inserts a newline (plain Enter
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

    m_test = new QPushButton(tr("Test"), mailGroup);
    m_test->setObjectName(QStringLiteral("testEmail"));
    m_test->setEnabled(false);
    m_test->setToolTip(tr("Sending a test e-mail becomes available with the mailer."));

    auto *form = new QFormLayout;
    form->addRow(m_enabled);
    form->addRow(tr("&Primary SMTP:"), m_primarySmtp);
    form->addRow(tr("&Secondary SMTP:"), m_secondarySmtp);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("S&ubject:"), m_subject);
    form->addRow(tr("&Header:"), m_header);
    form->addRow(tr("Foote&r:"), m_footer);
    form->addRow(hint);

    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_allowPlaintext, 1);
    testRow->addWidget(m_test);

    auto *mailLayout = new QVBoxLayout(mailGroup);
    mailLayout->addLayout(form);
    mailLayout->addLayout(testRow);

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
    layout->addWidget(m_problems);
    layout->addWidget(eventsLabel);
    layout->addWidget(m_allEvents);
    layout->addWidget(m_events, 1);

    load();

    connect(m_enabled, &QCheckBox::toggled, this, &NotificationsPage::apply);
    connect(m_allowPlaintext, &QCheckBox::toggled, this, &NotificationsPage::apply);
    connect(m_allEvents, &QCheckBox::toggled, this, &NotificationsPage::apply);
    for (QLineEdit *edit : {m_primarySmtp, m_secondarySmtp, m_from, m_subject})
        connect(edit, &QLineEdit::textChanged, this, &NotificationsPage::apply);
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
    // Start from the document so settings without a field here (CA file, user) are kept.
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

} // namespace tandem
