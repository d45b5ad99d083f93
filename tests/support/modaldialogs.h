#pragma once

#include <QApplication>
#include <QDialogButtonBox>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace tandem::test {

// GUI tests: runs `handle` on the next modal dialog once it is open, since exec()
// blocks the test until the dialog closes. Header-only: only GUI tests link Widgets.
inline void whenModal(std::function<void(QWidget *)> handle)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, handle] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            handle(modal);
        }
    });
    timer->start();
}

// Clicks `which` on the message box `modal`; the test fails if it is none or lacks it.
inline void pressButton(QWidget *modal, QMessageBox::StandardButton which)
{
    auto *box = qobject_cast<QMessageBox *>(modal);
    QVERIFY(box);
    QVERIFY(box->button(which));
    QTest::mouseClick(box->button(which), Qt::LeftButton);
}

// Clicks `which` in the button box of `dialog`; the test fails if it has none.
inline void clickDialogButton(QWidget *dialog, QDialogButtonBox::StandardButton which)
{
    auto *box = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(box);
    QVERIFY(box->button(which));
    QTest::mouseClick(box->button(which), Qt::LeftButton);
}

} // namespace tandem::test
