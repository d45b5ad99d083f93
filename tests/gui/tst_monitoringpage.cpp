#include "consolefiles.h"
#include "dialogs/monitoritemdialog.h"
#include "modaldialogs.h"
#include "pages/monitoringpage.h"
#include "testpairs.h"
#include "widgetlookup.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <functional>
#include <memory>

using namespace tandem;
using tandem::test::child;
using tandem::test::clickDialogButton;
using tandem::test::retype;

namespace {

const QString PairName = QStringLiteral("line1");

// Handles the next modal widget named `name` from inside its exec(): `interact` runs once
// the widget is the active modal widget. If the test fails there, the widget is closed so
// that exec() returns and the failure is reported instead of hanging.
class ModalHandler final
{
public:
    using Interact = std::function<void(QWidget *)>;

    ModalHandler(const QString &name, Interact interact)
        : m_name(name)
        , m_interact(std::move(interact))
    {
        m_timer.setSingleShot(true);
        m_timer.setInterval(0);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { run(); });
        m_timer.start();
    }

    bool handled() const { return m_handled; }

private:
    void run()
    {
        QPointer<QWidget> modal;
        const bool shown = QTest::qWaitFor([&] {
            modal = QApplication::activeModalWidget();
            return modal && modal->objectName() == m_name;
        });
        if (!shown) {
            QTest::qFail(
                qPrintable(QStringLiteral("no modal widget named '%1' appeared").arg(m_name)),
                __FILE__, __LINE__);
            return;
        }
        m_handled = true;
        m_interact(modal);
        if (QTest::currentTestFailed() && modal && modal->isVisible()) {
            if (auto *dialog = qobject_cast<QDialog *>(modal.data()))
                dialog->reject();
            else
                modal->close();
        }
    }

    QString m_name;
    Interact m_interact;
    QTimer m_timer;
    bool m_handled = false;
};

void chooseTrigger(QComboBox *combo, Trigger trigger)
{
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < combo->count() && combo->currentData().toInt() != int(trigger); ++i)
        QTest::keyClick(combo, Qt::Key_Down);
}

struct ItemInput
{
    QString itemId;
    Trigger trigger = Trigger::BadQuality;
    QString triggerData = {};
    int updateRateMs = MonitorItem::DefaultUpdateRateMs;
};

// Fills the Monitor Item dialog; the OK click is left to the caller.
void fillDialog(QWidget *dialog, const ItemInput &input)
{
    auto *itemId = child<QLineEdit>(dialog, "itemId");
    auto *trigger = child<QComboBox>(dialog, "trigger");
    auto *triggerData = child<QLineEdit>(dialog, "triggerData");
    auto *updateRate = child<QSpinBox>(dialog, "updateRate");
    QVERIFY(itemId && trigger && triggerData && updateRate);
    retype(itemId, input.itemId);
    retype(updateRate, input.updateRateMs);
    QCOMPARE(updateRate->value(), input.updateRateMs);
    chooseTrigger(trigger, input.trigger);
    QCOMPARE(trigger->currentData().toInt(), int(input.trigger));
    if (input.trigger != Trigger::BadQuality)
        retype(triggerData, input.triggerData);
}

} // namespace

class TestMonitoringPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void initialState();
    void addItem();
    void cancelAddsNothing();
    void modifyItem();
    void noChangePeriodRaised();
    void noChangeEmptyDataRaised();
    void invalidItemIdKeepsDialogOpen();
    void triggerDataDisabledForBadQuality();
    void failureCountFollowsItemCount();
    void deleteNeedsSelection();
    void externalChangeReloads();
    void emptyPairDisablesPage();
    void removedPairDisablesPage();

private:
    const PairConfig *pair() const { return m_document->pair(PairName); }
    QPushButton *button(const char *name) const { return child<QPushButton>(m_page.get(), name); }
    QTreeWidget *tree() const { return child<QTreeWidget>(m_page.get(), "monitorItems"); }
    QSpinBox *failureCount() const { return child<QSpinBox>(m_page.get(), "failureCount"); }
    void selectRow(int row);
    // Adds an item through the Add button and the dialog.
    void addThroughDialog(const ItemInput &input);

    std::unique_ptr<test::ConsoleFiles> m_files;
    ConfigDocument *m_document = nullptr;
    std::unique_ptr<MonitoringPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
};

void TestMonitoringPage::init()
{
    m_files = std::make_unique<test::ConsoleFiles>();
    // Saved, so that isModified() tells whether the page changed anything.
    QVERIFY(m_files->open(
        {test::plainPair(PairName, QStringLiteral("127.0.0.1:1502"),
                         QStringLiteral("127.0.0.1:5020"), QStringLiteral("127.0.0.1:5021"))}));
    m_document = m_files->document();
    QVERIFY(pair());
    QVERIFY(!m_document->isModified());

    m_page = std::make_unique<MonitoringPage>(m_document);
    m_page->resize(800, 500);
    m_page->setPair(PairName);
    m_page->show();
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    QVERIFY(tree());
    m_modelTester = std::make_unique<QAbstractItemModelTester>(
        tree()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestMonitoringPage::cleanup()
{
    m_modelTester.reset();
    m_page.reset();
    m_files.reset();
}

void TestMonitoringPage::selectRow(int row)
{
    QTreeWidgetItem *item = tree()->topLevelItem(row);
    QVERIFY(item);
    QTest::mouseClick(tree()->viewport(), Qt::LeftButton, {},
                      tree()->visualItemRect(item).center());
    QVERIFY(item->isSelected());
}

void TestMonitoringPage::addThroughDialog(const ItemInput &input)
{
    const qsizetype before = pair()->monitorItems.size();
    ModalHandler handler(QStringLiteral("monitorItemDialog"), [&](QWidget *dialog) {
        fillDialog(dialog, input);
        clickDialogButton(dialog, QDialogButtonBox::Ok);
    });
    QTest::mouseClick(button("addMonitorItem"), Qt::LeftButton);
    QVERIFY(handler.handled());
    QCOMPARE(pair()->monitorItems.size(), before + 1);
}

void TestMonitoringPage::initialState()
{
    QVERIFY(m_page->isEnabled());
    QCOMPARE(m_page->pairName(), PairName);
    QCOMPARE(tree()->topLevelItemCount(), 0);
    QCOMPARE(tree()->columnCount(), 6);
    QCOMPARE(tree()->headerItem()->text(0), QStringLiteral("Item ID"));
    QCOMPARE(tree()->headerItem()->text(4), QStringLiteral("Update Rate (ms)"));
    QVERIFY(button("addMonitorItem")->isEnabled());
    QVERIFY(!button("modifyMonitorItem")->isEnabled());
    QVERIFY(!button("deleteMonitorItem")->isEnabled());
    QCOMPARE(failureCount()->minimum(), 1);
    QCOMPARE(failureCount()->maximum(), 1);
    QCOMPARE(failureCount()->value(), 1);
    QVERIFY(!m_document->isModified());
}

void TestMonitoringPage::addItem()
{
    QSignalSpy changed(m_document, &ConfigDocument::pairChanged);
    bool titleOk = false;
    ModalHandler handler(QStringLiteral("monitorItemDialog"), [&](QWidget *dialog) {
        titleOk = dialog->windowTitle() == QStringLiteral("Monitor Item");
        QVERIFY(!child<QLabel>(dialog, "itemError")->isVisible());
        fillDialog(dialog, {QStringLiteral("400001"), Trigger::SpecificValue, QStringLiteral("0")});
        clickDialogButton(dialog, QDialogButtonBox::Ok);
        QVERIFY(!dialog->isVisible());
    });
    QTest::mouseClick(button("addMonitorItem"), Qt::LeftButton);
    QVERIFY(handler.handled());
    QVERIFY(titleOk);

    QCOMPARE(pair()->monitorItems.size(), 1);
    const MonitorItem &item = pair()->monitorItems.constFirst();
    QCOMPARE(item.itemId, QStringLiteral("400001"));
    QCOMPARE(item.trigger, Trigger::SpecificValue);
    QCOMPARE(item.triggerData, QStringLiteral("0"));
    QCOMPARE(item.updateRateMs, MonitorItem::DefaultUpdateRateMs);
    QCOMPARE(item.dataType, DataType::Default);
    QVERIFY(m_document->isModified());
    QCOMPARE(changed.count(), 1);

    QCOMPARE(tree()->topLevelItemCount(), 1);
    QTreeWidgetItem *row = tree()->topLevelItem(0);
    QCOMPARE(row->text(0), QStringLiteral("400001"));
    QCOMPARE(row->text(1), QStringLiteral("Default"));
    QCOMPARE(row->text(2), triggerDescription(Trigger::SpecificValue));
    QCOMPARE(row->text(3), QStringLiteral("0"));
    QCOMPARE(row->text(4), QStringLiteral("1000"));
    // The new item is selected, ready to modify.
    QVERIFY(row->isSelected());
    QVERIFY(button("modifyMonitorItem")->isEnabled());
}

void TestMonitoringPage::cancelAddsNothing()
{
    ModalHandler handler(QStringLiteral("monitorItemDialog"), [&](QWidget *dialog) {
        fillDialog(dialog, {QStringLiteral("400001")});
        clickDialogButton(dialog, QDialogButtonBox::Cancel);
    });
    QTest::mouseClick(button("addMonitorItem"), Qt::LeftButton);
    QVERIFY(handler.handled());
    QVERIFY(pair()->monitorItems.isEmpty());
    QCOMPARE(tree()->topLevelItemCount(), 0);
    QVERIFY(!m_document->isModified());
}

void TestMonitoringPage::modifyItem()
{
    addThroughDialog({QStringLiteral("400001"), Trigger::SpecificValue, QStringLiteral("0")});
    addThroughDialog({QStringLiteral("400002")});
    QCOMPARE(tree()->topLevelItemCount(), 2);
    selectRow(0);

    // Through the Modify button.
    QString shownId;
    ModalHandler viaButton(QStringLiteral("monitorItemDialog"), [&](QWidget *dialog) {
        shownId = child<QLineEdit>(dialog, "itemId")->text();
        retype(child<QSpinBox>(dialog, "updateRate"), 2500);
        clickDialogButton(dialog, QDialogButtonBox::Ok);
    });
    QTest::mouseClick(button("modifyMonitorItem"), Qt::LeftButton);
    QVERIFY(viaButton.handled());
    QCOMPARE(shownId, QStringLiteral("400001"));
    QCOMPARE(pair()->monitorItems.size(), 2);
    QCOMPARE(pair()->monitorItems.at(0).updateRateMs, 2500);
    QCOMPARE(pair()->monitorItems.at(0).triggerData, QStringLiteral("0"));
    QCOMPARE(pair()->monitorItems.at(1).updateRateMs, MonitorItem::DefaultUpdateRateMs);
    QCOMPARE(tree()->topLevelItem(0)->text(4), QStringLiteral("2500"));
    QVERIFY(tree()->topLevelItem(0)->isSelected()); // the selection stays put

    // Through a double-click on the second row.
    QTreeWidgetItem *second = tree()->topLevelItem(1);
    ModalHandler viaDoubleClick(QStringLiteral("monitorItemDialog"), [&](QWidget *dialog) {
        shownId = child<QLineEdit>(dialog, "itemId")->text();
        retype(child<QLineEdit>(dialog, "itemId"), QStringLiteral("2:300010"));
        clickDialogButton(dialog, QDialogButtonBox::Ok);
    });
    const QPoint center = tree()->visualItemRect(second).center();
    QTest::mouseClick(tree()->viewport(), Qt::LeftButton, {}, center);
    QTest::mouseDClick(tree()->viewport(), Qt::LeftButton, {}, center);
    QVERIFY(viaDoubleClick.handled());
    QCOMPARE(shownId, QStringLiteral("400002"));
    QCOMPARE(pair()->monitorItems.at(1).itemId, QStringLiteral("2:300010"));
    QCOMPARE(tree()->topLevelItem(1)->text(0), QStringLiteral("2:300010"));
    QVERIFY(tree()->topLevelItem(1)->isSelected());
}

void TestMonitoringPage::noChangePeriodRaised()
{
    QString promptText;
    QString fieldAfterPrompt;
    std::unique_ptr<ModalHandler> prompt;
    ModalHandler handler(QStringLiteral("monitorItemDialog"), [&](QWidget *dialog) {
        fillDialog(dialog,
                   {QStringLiteral("400001"), Trigger::NoChange, QStringLiteral("500"), 1000});
        prompt = std::make_unique<ModalHandler>(
            QStringLiteral("noChangeRaisedPrompt"), [&](QWidget *box) {
                auto *messageBox = qobject_cast<QMessageBox *>(box);
                QVERIFY(messageBox);
                QCOMPARE(messageBox->icon(), QMessageBox::Information);
                promptText = messageBox->text();
                fieldAfterPrompt = child<QLineEdit>(dialog, "triggerData")->text();
                QTest::mouseClick(messageBox->button(QMessageBox::Ok), Qt::LeftButton);
            });
        clickDialogButton(dialog, QDialogButtonBox::Ok);
    });
    QTest::mouseClick(button("addMonitorItem"), Qt::LeftButton);
    QVERIFY(handler.handled());
    QVERIFY(prompt && prompt->handled());
    QVERIFY2(promptText.contains(QLatin1String("2000")), qPrintable(promptText));
    QVERIFY2(promptText.contains(QLatin1String("twice")), qPrintable(promptText));
    QCOMPARE(fieldAfterPrompt, QStringLiteral("2000"));

    QCOMPARE(pair()->monitorItems.size(), 1);
    const MonitorItem &item = pair()->monitorItems.constFirst();
    QCOMPARE(item.trigger, Trigger::NoChange);
    QCOMPARE(item.updateRateMs, 1000);
    QCOMPARE(item.triggerData, QStringLiteral("2000"));
    QCOMPARE(tree()->topLevelItem(0)->text(3), QStringLiteral("2000"));
}

void TestMonitoringPage::noChangeEmptyDataRaised()
{
    std::unique_ptr<ModalHandler> prompt;
    ModalHandler handler(QStringLiteral("monitorItemDialog"), [&](QWidget *dialog) {
        fillDialog(dialog, {QStringLiteral("400001"), Trigger::NoChange, QString(), 300});
        prompt = std::make_unique<ModalHandler>(
            QStringLiteral("noChangeRaisedPrompt"), [](QWidget *box) {
                QTest::mouseClick(qobject_cast<QMessageBox *>(box)->button(QMessageBox::Ok),
                                  Qt::LeftButton);
            });
        clickDialogButton(dialog, QDialogButtonBox::Ok);
    });
    QTest::mouseClick(button("addMonitorItem"), Qt::LeftButton);
    QVERIFY(handler.handled());
    QVERIFY(prompt && prompt->handled());
    QCOMPARE(pair()->monitorItems.size(), 1);
    QCOMPARE(pair()->monitorItems.constFirst().triggerData, QStringLiteral("600"));

    // A period long enough is kept as entered, without a prompt.
    ModalHandler again(QStringLiteral("monitorItemDialog"), [&](QWidget *dialog) {
        fillDialog(dialog, {QStringLiteral("400002"), Trigger::NoChange, QStringLiteral("60000")});
        clickDialogButton(dialog, QDialogButtonBox::Ok);
        QVERIFY(!dialog->isVisible());
    });
    QTest::mouseClick(button("addMonitorItem"), Qt::LeftButton);
    QVERIFY(again.handled());
    QCOMPARE(pair()->monitorItems.size(), 2);
    QCOMPARE(pair()->monitorItems.at(1).triggerData, QStringLiteral("60000"));
}

void TestMonitoringPage::invalidItemIdKeepsDialogOpen()
{
    bool stayedOpen = false;
    QString error;
    ModalHandler handler(QStringLiteral("monitorItemDialog"), [&](QWidget *dialog) {
        auto *itemError = child<QLabel>(dialog, "itemError");
        QVERIFY(itemError);
        fillDialog(dialog, {QStringLiteral("999999"), Trigger::SpecificValue, QStringLiteral("1")});
        clickDialogButton(dialog, QDialogButtonBox::Ok);
        stayedOpen = dialog->isVisible();
        QVERIFY(itemError->isVisible());
        error = itemError->text();
        // Fixing the id lets it through; but here the operator gives up.
        clickDialogButton(dialog, QDialogButtonBox::Cancel);
    });
    QTest::mouseClick(button("addMonitorItem"), Qt::LeftButton);
    QVERIFY(handler.handled());
    QVERIFY(stayedOpen);
    QVERIFY2(error.contains(QLatin1String("999999")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("Item ID")), qPrintable(error));
    QVERIFY(pair()->monitorItems.isEmpty());
    QCOMPARE(tree()->topLevelItemCount(), 0);
    QVERIFY(!m_document->isModified());

    // A second attempt fixes the id after the error and is accepted.
    ModalHandler fixed(QStringLiteral("monitorItemDialog"), [&](QWidget *dialog) {
        fillDialog(dialog, {QStringLiteral("999999")});
        clickDialogButton(dialog, QDialogButtonBox::Ok);
        QVERIFY(dialog->isVisible());
        retype(child<QLineEdit>(dialog, "itemId"), QStringLiteral("300001"));
        QVERIFY(!child<QLabel>(dialog, "itemError")->isVisible());
        clickDialogButton(dialog, QDialogButtonBox::Ok);
        QVERIFY(!dialog->isVisible());
    });
    QTest::mouseClick(button("addMonitorItem"), Qt::LeftButton);
    QVERIFY(fixed.handled());
    QCOMPARE(pair()->monitorItems.size(), 1);
    QCOMPARE(pair()->monitorItems.constFirst().itemId, QStringLiteral("300001"));
}

void TestMonitoringPage::triggerDataDisabledForBadQuality()
{
    MonitorItemDialog dialog(*pair(), MonitorItem{});
    auto *trigger = child<QComboBox>(&dialog, "trigger");
    auto *triggerData = child<QLineEdit>(&dialog, "triggerData");
    QVERIFY(trigger && triggerData);
    QCOMPARE(trigger->count(), 3);
    QCOMPARE(trigger->itemText(0), triggerDescription(Trigger::BadQuality));
    QCOMPARE(child<QComboBox>(&dialog, "dataType")->count(), 8);
    QVERIFY(!child<QLineEdit>(&dialog, "itemId")->placeholderText().isEmpty());
    auto *updateRate = child<QSpinBox>(&dialog, "updateRate");
    QCOMPARE(updateRate->minimum(), MonitorItem::MinUpdateRateMs);
    QCOMPARE(updateRate->maximum(), MonitorItem::MaxUpdateRateMs);
    QCOMPARE(updateRate->suffix(), QStringLiteral(" ms"));

    QVERIFY(!triggerData->isEnabled());
    chooseTrigger(trigger, Trigger::SpecificValue);
    QVERIFY(triggerData->isEnabled());
    chooseTrigger(trigger, Trigger::NoChange);
    QVERIFY(triggerData->isEnabled());
    chooseTrigger(trigger, Trigger::BadQuality);
    QVERIFY(!triggerData->isEnabled());
}

void TestMonitoringPage::failureCountFollowsItemCount()
{
    addThroughDialog({QStringLiteral("400001")});
    QCOMPARE(failureCount()->maximum(), 1);
    addThroughDialog({QStringLiteral("400002")});
    QCOMPARE(failureCount()->maximum(), 2);
    addThroughDialog({QStringLiteral("400003")});
    QCOMPARE(failureCount()->maximum(), 3);
    QCOMPARE(failureCount()->value(), 1);

    retype(failureCount(), 3);
    QCOMPARE(failureCount()->value(), 3);
    QCOMPARE(pair()->failureCount, 3);

    selectRow(0);
    QVERIFY(button("deleteMonitorItem")->isEnabled());
    QTest::mouseClick(button("deleteMonitorItem"), Qt::LeftButton);
    QCOMPARE(pair()->monitorItems.size(), 2);
    QCOMPARE(pair()->monitorItems.at(0).itemId, QStringLiteral("400002"));
    QCOMPARE(pair()->failureCount, 2);
    QCOMPARE(failureCount()->maximum(), 2);
    QCOMPARE(failureCount()->value(), 2);
    QCOMPARE(tree()->topLevelItemCount(), 2);
    QVERIFY(tree()->topLevelItem(0)->isSelected()); // the next item takes the place

    // Deleting the rest leaves the only possible count, 1.
    QTest::mouseClick(button("deleteMonitorItem"), Qt::LeftButton);
    QTest::mouseClick(button("deleteMonitorItem"), Qt::LeftButton);
    QVERIFY(pair()->monitorItems.isEmpty());
    QCOMPARE(pair()->failureCount, 1);
    QCOMPARE(failureCount()->maximum(), 1);
    QVERIFY(!button("deleteMonitorItem")->isEnabled());
}

void TestMonitoringPage::deleteNeedsSelection()
{
    addThroughDialog({QStringLiteral("400001")});
    tree()->clearSelection();
    QVERIFY(!button("deleteMonitorItem")->isEnabled());
    QVERIFY(!button("modifyMonitorItem")->isEnabled());
    QTest::mouseClick(button("deleteMonitorItem"), Qt::LeftButton);
    QCOMPARE(pair()->monitorItems.size(), 1);

    selectRow(0);
    QVERIFY(button("deleteMonitorItem")->isEnabled());
    QVERIFY(button("modifyMonitorItem")->isEnabled());
    // The Delete key works on the list too (the closed dialog may have left no window active).
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    tree()->setFocus();
    QCOMPARE(QApplication::focusWidget(), tree());
    QTest::keyClick(tree(), Qt::Key_Delete);
    QVERIFY(pair()->monitorItems.isEmpty());
}

void TestMonitoringPage::externalChangeReloads()
{
    addThroughDialog({QStringLiteral("400001")});
    addThroughDialog({QStringLiteral("400002")});
    selectRow(1);

    PairConfig changed = *pair();
    MonitorItem extra;
    extra.itemId = QStringLiteral("400010");
    changed.monitorItems.append(extra);
    changed.failureCount = 3;
    QVERIFY(m_document->updatePair(PairName, changed).isEmpty());

    QCOMPARE(tree()->topLevelItemCount(), 3);
    QCOMPARE(tree()->topLevelItem(2)->text(0), QStringLiteral("400010"));
    QVERIFY(tree()->topLevelItem(1)->isSelected());
    QCOMPARE(failureCount()->maximum(), 3);
    QCOMPARE(failureCount()->value(), 3);
    QCOMPARE(pair()->failureCount, 3); // reloading writes nothing back
}

void TestMonitoringPage::emptyPairDisablesPage()
{
    addThroughDialog({QStringLiteral("400001")});
    m_page->setPair(QString());
    QVERIFY(!m_page->isEnabled());
    QCOMPARE(tree()->topLevelItemCount(), 0);
    QVERIFY(!button("modifyMonitorItem")->isEnabled());
    QVERIFY(!button("deleteMonitorItem")->isEnabled());

    m_page->setPair(PairName);
    QVERIFY(m_page->isEnabled());
    QCOMPARE(tree()->topLevelItemCount(), 1);
}

void TestMonitoringPage::removedPairDisablesPage()
{
    addThroughDialog({QStringLiteral("400001")});
    QVERIFY(m_document->removePair(PairName).isEmpty());
    QVERIFY(!m_page->isEnabled());
    QCOMPARE(tree()->topLevelItemCount(), 0);
}

QTEST_MAIN(TestMonitoringPage)
#include "tst_monitoringpage.moc"
