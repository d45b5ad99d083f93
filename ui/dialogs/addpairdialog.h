#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace tandem {

class ConfigDocument;

// Edit › Add Redundant Server Configuration: the few settings a pair cannot exist
// without. OK adds it to the document, or shows why not and stays open.
class AddPairDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AddPairDialog(ConfigDocument *document, QWidget *parent = nullptr);
    QString addedPair() const { return m_added; }
    void accept() override;

    // First free loopback endpoint from port 1502 up (Modbus) or 4841 up (OPC UA).
    static QString suggestEndpoint(const ConfigDocument *document, bool opcUa);

private:
    ConfigDocument *m_document;
    QString m_added;
    QLineEdit *m_name;
    QComboBox *m_protocol;
    QLineEdit *m_endpoint;
    QLineEdit *m_primary;
    QLineEdit *m_secondary;
    QComboBox *m_mode;
    QLabel *m_error;
};

} // namespace tandem
