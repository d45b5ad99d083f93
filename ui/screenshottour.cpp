#include "screenshottour.h"

#include "config/configdocument.h"
#include "dialogs/addpairdialog.h"
#include "dialogs/aliasdialog.h"
#include "dialogs/monitoritemdialog.h"
#include "engine/pairstatus.h"
#include "helpviewer.h"
#include "host/enginesession.h"
#include "license/purchasedialog.h"
#include "license/transferwizard.h"
#include "mainwindow.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QJsonObject>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace tandem {

namespace {
// Pictures of the same size every time, whatever the screen.
constexpr QSize WindowSize(1000, 820); // the Notifications tab needs the height
// The demo's servers answer within a second or two; past this something is wrong.
constexpr int WatchdogMs = 60000;
// The events of a demo start include being connected to both machines.
constexpr int ConnectedEvents = 2;

} // namespace

ScreenshotTour::ScreenshotTour(MainWindow *window, ConfigDocument *document, EngineSession *engine,
                               const QString &dir, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_document(document)
    , m_engine(engine)
    , m_dir(dir)
    , m_watchdog(new QTimer(this))
{
    m_watchdog->setSingleShot(true);
    m_watchdog->setInterval(WatchdogMs);
    connect(m_watchdog, &QTimer::timeout, this,
            [this] { fail(QStringLiteral("the demo pair did not become healthy on both sides")); });
}

void ScreenshotTour::start()
{
    if (!m_engine || m_document->configuration().pairs.isEmpty()) {
        fail(QStringLiteral("no engine or no pair to show"));
        return;
    }
    if (!QDir().mkpath(m_dir)) {
        fail(QStringLiteral("cannot create %1").arg(m_dir));
        return;
    }
    m_pair = m_document->configuration().pairs.constFirst().name;
    m_window->setFixedSize(WindowSize);
    connect(m_engine, &EngineSession::statusChanged, this, &ScreenshotTour::check);
    if (auto *view = m_window->findChild<QAbstractItemView *>(QStringLiteral("eventView"))) {
        connect(view->model(), &QAbstractItemModel::rowsInserted, this, &ScreenshotTour::check,
                Qt::QueuedConnection);
    }
    m_watchdog->start();
    check();
}

bool ScreenshotTour::ready() const
{
    const std::optional<PairStatus> status =
        PairStatus::fromJson(m_engine->pairStatus(m_pair), nullptr);
    if (!status || status->active != Side::Primary ||
        status->primary.health != SideHealth::Healthy ||
        status->secondary.health != SideHealth::Healthy)
        return false;
    const auto *view = m_window->findChild<QAbstractItemView *>(QStringLiteral("eventView"));
    if (!view)
        return false;
    const QAbstractItemModel *model = view->model();
    int connected = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        for (int column = 0; column < model->columnCount(); ++column)
            if (model->index(row, column)
                    .data()
                    .toString()
                    .startsWith(QLatin1String("Connected to ")))
                ++connected;
    return connected >= ConnectedEvents;
}

void ScreenshotTour::check()
{
    if (m_done || !ready())
        return;
    m_done = true;
    m_watchdog->stop();
    // Let the pages that observe the same signal update first.
    QTimer::singleShot(0, this, &ScreenshotTour::capture);
}

bool ScreenshotTour::save(QWidget *widget, const QString &name)
{
    const QString path = QDir(m_dir).filePath(name + QLatin1String(".png"));
    if (!widget->grab().save(path)) {
        fail(QStringLiteral("cannot write %1").arg(path));
        return false;
    }
    std::fprintf(stdout, "%s\n", qPrintable(path));
    return true;
}

bool ScreenshotTour::captureDialog(QWidget *dialog, const QString &name)
{
    dialog->show();
    const bool saved = save(dialog, name);
    dialog->close();
    dialog->deleteLater();
    return saved;
}

void ScreenshotTour::capture()
{
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("tabs"));
    static const char *const tabNames[] = {"general", "monitoring", "diagnostics", "notifications"};
    for (int i = 0; i < tabs->count() && i < 4; ++i) {
        tabs->setCurrentIndex(i);
        if (!save(m_window, QStringLiteral("main-%1").arg(QLatin1String(tabNames[i]))))
            return;
    }
    tabs->setCurrentIndex(0);

    const PairConfig pair = *m_document->pair(m_pair);
    const MonitorItem item = pair.monitorItems.isEmpty() ? MonitorItem{} : pair.monitorItems[0];
    if (!captureDialog(new AddPairDialog(m_document, m_window),
                       QStringLiteral("dialog-add-pair")) ||
        !captureDialog(new AliasDialog(m_document, m_pair, m_window),
                       QStringLiteral("dialog-alias")) ||
        !captureDialog(new MonitorItemDialog(pair, item, m_window),
                       QStringLiteral("dialog-monitor-item")) ||
        !captureDialog(new PurchaseDialog(m_document->paths(), m_window),
                       QStringLiteral("dialog-purchase")) ||
        !captureDialog(new TransferWizard(m_document->paths(), m_window),
                       QStringLiteral("wizard-agreement")))
        return;
    HelpViewer *help = HelpViewer::open(m_window, QStringLiteral("index"));
    if (!save(help, QStringLiteral("help-viewer")))
        return;
    help->close();
    QCoreApplication::exit(0);
}

void ScreenshotTour::fail(const QString &why)
{
    std::fprintf(stderr, "tandem: screenshots failed: %s\n", qPrintable(why));
    QCoreApplication::exit(1);
}

} // namespace tandem
