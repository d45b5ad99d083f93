#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace tandem {

class ConfigDocument;

// Notifications tab (seed: Notifications Settings): e-mail set-up and the events to mail.
class NotificationsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit NotificationsPage(ConfigDocument *document, QWidget *parent = nullptr);

private:
    void load();
    void apply();

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
};

} // namespace tandem
