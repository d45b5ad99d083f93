#pragma once

// GUI tests find widgets by objectName and tree items by their text, and type as an
// operator does. Header-only: only GUI tests link Widgets.
#include <QAbstractSpinBox>
#include <QLineEdit>
#include <QObject>
#include <QString>
#include <QTest>
#include <QTreeWidget>
#include <QWidget>

namespace tandem::test {

// The child of `root` named `name`. One that is not there ends the test program with its
// name: a test going on with a null pointer would crash later without saying which.
template <typename T> T *child(const QObject *root, const QString &name)
{
    T *found = root->findChild<T *>(name);
    if (!found)
        qFatal("no %s named '%s' under '%s'", T::staticMetaObject.className(), qPrintable(name),
               qPrintable(root->objectName()));
    return found;
}

template <typename T> T *child(const QObject *root, const char *name)
{
    return child<T>(root, QString::fromLatin1(name));
}

// The item under `parent` whose first column reads `text`; null when there is none.
inline QTreeWidgetItem *itemNamed(QTreeWidgetItem *parent, const QString &text)
{
    for (int i = 0; parent && i < parent->childCount(); ++i) {
        if (parent->child(i)->text(0) == text)
            return parent->child(i);
    }
    return nullptr;
}

// The top-level item of `tree` whose first column reads `text`; null when there is none.
inline QTreeWidgetItem *itemNamed(QTreeWidget *tree, const QString &text)
{
    return itemNamed(tree->invisibleRootItem(), text);
}

// Shows a window and waits until it is exposed (offscreen too); false if it never is.
inline bool shown(QWidget *window)
{
    window->show();
    return QTest::qWaitForWindowExposed(window);
}

// Replaces what a line edit holds by keyboard: select all, delete, type.
inline void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

// Replaces a spin box's value by keyboard: select all, type the number.
inline void retype(QAbstractSpinBox *spin, int value)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(value));
}

} // namespace tandem::test
