#pragma once

#include <QLineEdit>
#include <QPointer>
#include <QWidget>

class QPushButton;

namespace tandem {

// The on-screen keypad for serial numbers and unlock passwords (docs/requirements.md: "If a
// keyboard is unavailable, use the on-screen keypad"): the Crockford base32 symbols, Backspace and
// Clear. It types into the attached field and keeps the code in dash-separated groups of
// five, also while the operator types on a keyboard.
class Keypad final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int GroupSize = 5;

    explicit Keypad(QWidget *parent = nullptr);

    void attach(QLineEdit *edit);
    QLineEdit *attachedEdit() const { return m_edit; }
    // The dialogs' checkable "Keypad" button (objectName "keypadButton") that shows and
    // hides this keypad, which starts hidden.
    QPushButton *createToggleButton();

    // The symbols a code is made of: 0-9 and A-Z without I, L, O and U.
    static QString symbols();
    // "abcdefg" → "ABCDE-FG": upper case, dashes and spaces dropped, regrouped by five.
    static QString group(const QString &text);

private:
    void typeSymbol(QChar symbol);
    void backspace();
    void clear();
    void regroupEdit();
    // Replaces the field's text by the grouped `symbols` with the cursor after `before` of them.
    void setSymbols(const QString &symbols, qsizetype before);
    // How many symbols precede `position` in the field's text.
    qsizetype symbolsBefore(qsizetype position) const;

    QPointer<QLineEdit> m_edit;
};

} // namespace tandem
