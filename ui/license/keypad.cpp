#include "keypad.h"

#include <QGridLayout>
#include <QLineEdit>
#include <QPushButton>

namespace tandem {

namespace {

bool isSeparator(QChar c)
{
    return c == QLatin1Char('-') || c.isSpace();
}

// What a code's text holds without its separators, in upper case.
QString stripped(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (!isSeparator(c))
            out += c.toUpper();
    }
    return out;
}

// Where the cursor goes in the grouped text to follow `before` symbols.
qsizetype groupedPosition(qsizetype before)
{
    return before + (before > 0 ? (before - 1) / Keypad::GroupSize : 0);
}

} // namespace

Keypad::Keypad(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("keypad"));
    constexpr int Columns = 8;
    auto *grid = new QGridLayout(this);
    grid->setSpacing(2);
    const auto addKey = [this](const QString &name, const QString &text) {
        auto *key = new QPushButton(text);
        key->setObjectName(name);
        // The field keeps the focus and its cursor while the keypad is used.
        key->setFocusPolicy(Qt::NoFocus);
        key->setAutoDefault(false);
        key->setMinimumWidth(32);
        return key;
    };
    const QString all = symbols();
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QChar symbol = all.at(i);
        QPushButton *key = addKey(QStringLiteral("key_") + symbol, symbol);
        connect(key, &QPushButton::clicked, this, [this, symbol] { typeSymbol(symbol); });
        grid->addWidget(key, int(i / Columns), int(i % Columns));
    }
    const int lastRow = int((all.size() + Columns - 1) / Columns);
    QPushButton *back = addKey(QStringLiteral("key_backspace"), tr("Backspace"));
    connect(back, &QPushButton::clicked, this, &Keypad::backspace);
    grid->addWidget(back, lastRow, 0, 1, Columns / 2);
    QPushButton *clearKey = addKey(QStringLiteral("key_clear"), tr("Clear"));
    connect(clearKey, &QPushButton::clicked, this, &Keypad::clear);
    grid->addWidget(clearKey, lastRow, Columns / 2, 1, Columns / 2);
    setEnabled(false);
}

QString Keypad::symbols()
{
    return QStringLiteral("0123456789ABCDEFGHJKMNPQRSTVWXYZ");
}

QString Keypad::group(const QString &text)
{
    const QString plain = stripped(text);
    QString out;
    out.reserve(plain.size() + plain.size() / GroupSize);
    for (qsizetype i = 0; i < plain.size(); ++i) {
        if (i > 0 && i % GroupSize == 0)
            out += QLatin1Char('-');
        out += plain.at(i);
    }
    return out;
}

QPushButton *Keypad::createToggleButton()
{
    auto *button = new QPushButton(tr("&Keypad"));
    button->setObjectName(QStringLiteral("keypadButton"));
    button->setCheckable(true);
    button->setAutoDefault(false);
    button->setToolTip(tr("If a keyboard is unavailable, use the on-screen keypad"));
    hide();
    connect(button, &QPushButton::toggled, this, [this](bool on) {
        setVisible(on);
        if (QWidget *top = window(); top != this)
            top->adjustSize();
        if (m_edit)
            m_edit->setFocus();
    });
    return button;
}

void Keypad::attach(QLineEdit *edit)
{
    if (m_edit)
        disconnect(m_edit, nullptr, this, nullptr);
    m_edit = edit;
    setEnabled(edit != nullptr);
    if (edit)
        connect(edit, &QLineEdit::textEdited, this, &Keypad::regroupEdit);
}

qsizetype Keypad::symbolsBefore(qsizetype position) const
{
    const QString text = m_edit->text();
    qsizetype count = 0;
    for (qsizetype i = 0; i < position && i < text.size(); ++i) {
        if (!isSeparator(text.at(i)))
            ++count;
    }
    return count;
}

void Keypad::setSymbols(const QString &symbols, qsizetype before)
{
    // setText does not emit textEdited, so this does not come back to regroupEdit.
    m_edit->setText(group(symbols));
    m_edit->setCursorPosition(int(groupedPosition(before)));
}

void Keypad::typeSymbol(QChar symbol)
{
    if (!m_edit)
        return;
    QString plain = stripped(m_edit->text());
    qsizetype at = symbolsBefore(m_edit->cursorPosition());
    if (m_edit->hasSelectedText()) {
        at = symbolsBefore(m_edit->selectionStart());
        plain.remove(at, symbolsBefore(m_edit->selectionEnd()) - at);
    }
    plain.insert(at, symbol);
    setSymbols(plain, at + 1);
}

void Keypad::backspace()
{
    if (!m_edit)
        return;
    QString plain = stripped(m_edit->text());
    if (m_edit->hasSelectedText()) {
        const qsizetype from = symbolsBefore(m_edit->selectionStart());
        plain.remove(from, symbolsBefore(m_edit->selectionEnd()) - from);
        setSymbols(plain, from);
        return;
    }
    // Over a dash, the symbol before it goes: a separator is not something one typed.
    const qsizetype before = symbolsBefore(m_edit->cursorPosition());
    if (before == 0)
        return;
    plain.remove(before - 1, 1);
    setSymbols(plain, before - 1);
}

void Keypad::clear()
{
    if (m_edit)
        m_edit->clear();
}

void Keypad::regroupEdit()
{
    const QString text = m_edit->text();
    if (text == group(text))
        return;
    setSymbols(stripped(text), symbolsBefore(m_edit->cursorPosition()));
}

} // namespace tandem
