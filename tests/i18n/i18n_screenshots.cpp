// i18n_screenshots LANGUAGE OUTDIR: the console in one language as PNGs, each tab, menu and
// main dialog, with the demo configuration, so a translator sees every text in its place
// (cut-off labels, overlapping buttons). Run it offscreen or under xvfb-run.
#include "buildpaths.h"
#include "config/configdocument.h"
#include "dialogs/addpairdialog.h"
#include "dialogs/aliasdialog.h"
#include "dialogs/monitoritemdialog.h"
#include "languages.h"
#include "license/purchasedialog.h"
#include "license/transferwizard.h"
#include "license/unlockdialog.h"
#include "mainwindow.h"
#include "opcua/serverdiscoverydialog.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMenuBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace tandem;

namespace {
QDir out;
QString language;

void save(QWidget *widget, const QString &name)
{
    widget->adjustSize();
    QApplication::processEvents();
    const QString file = out.filePath(QStringLiteral("%1-%2.png").arg(language, name));
    if (!widget->grab().save(file))
        qFatal("cannot write %s", qPrintable(file));
}

void dialog(QDialog *d, const QString &name)
{
    d->show();
    save(d, name);
    delete d;
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc != 3)
        qFatal("usage: i18n_screenshots LANGUAGE OUTDIR");
    language = QString::fromLocal8Bit(argv[1]);
    out = QDir(QString::fromLocal8Bit(argv[2]));
    out.mkpath(QStringLiteral("."));
    Languages::installTranslators(app, language);

    QTemporaryDir dir;
    const TandemPaths paths{dir.filePath(QStringLiteral("tandem.xml")),
                            dir.filePath(QStringLiteral("state"))};
    QFile::copy(test::sourcePath("resources/demo/tandem.xml"), paths.configFile);
    QFile::setPermissions(paths.configFile, QFile::ReadOwner | QFile::WriteOwner);
    ConfigDocument document(paths);
    document.load();
    MainWindow window(&document);
    window.resize(980, 640);
    window.show();
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("tabs"));
    auto *tree = window.findChild<QTreeWidget *>();
    if (tree && tree->topLevelItemCount() > 0)
        tree->setCurrentItem(tree->topLevelItem(0));
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QApplication::processEvents();
        window.grab().save(out.filePath(QStringLiteral("%1-tab%2.png").arg(language).arg(i)));
    }
    int menuIndex = 0;
    for (QAction *action : window.menuBar()->actions())
        if (QMenu *menu = action->menu())
            save(menu, QStringLiteral("menu%1").arg(menuIndex++));

    const QString firstPair = document.configuration().pairs.isEmpty()
                                  ? QString()
                                  : document.configuration().pairs.first().name;
    dialog(new AddPairDialog(&document), QStringLiteral("addpair"));
    if (!firstPair.isEmpty()) {
        dialog(new AliasDialog(&document, firstPair), QStringLiteral("alias"));
        dialog(new MonitorItemDialog(*document.pair(firstPair), MonitorItem{}),
               QStringLiteral("monitoritem"));
    }
    dialog(new PurchaseDialog(paths), QStringLiteral("purchase"));
    dialog(new UnlockDialog(paths), QStringLiteral("unlock"));
    dialog(new TransferWizard(paths), QStringLiteral("transfer"));
    dialog(new ServerDiscoveryDialog(QStringLiteral("localhost")), QStringLiteral("discovery"));
    return 0;
}
