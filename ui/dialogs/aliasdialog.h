#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace tandem {

class ConfigDocument;

// Seed: Alias Redundant Server Configuration. The pair gets a new name and its own
// client endpoint; the original name becomes free for another pair.
class AliasDialog final : public QDialog
{
    Q_OBJECT

public:
    AliasDialog(ConfigDocument *document, const QString &pairName, QWidget *parent = nullptr);
    QString aliasName() const;
    void accept() override;

private:
    ConfigDocument *m_document;
    QString m_pairName;
    QLineEdit *m_newName;
    QLineEdit *m_endpoint;
    QLabel *m_error;
};

} // namespace tandem
