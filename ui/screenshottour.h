#pragma once

#include <QObject>
#include <QString>

class QTimer;
class QWidget;

namespace tandem {

class ConfigDocument;
class EngineSession;
class MainWindow;

// `tandem --screenshot-dir DIR` (scripts/screenshots): once the engine shows every side
// of the first pair healthy and the event view holds its first events, grabs each tab of
// the main window and the key dialogs into DIR/*.png and quits. Driven by the engine's
// signals, not by delays, so the pictures always show a running pair.
class ScreenshotTour final : public QObject
{
    Q_OBJECT

public:
    ScreenshotTour(MainWindow *window, ConfigDocument *document, EngineSession *engine,
                   const QString &dir, QObject *parent = nullptr);
    void start();

private:
    bool ready() const;
    void check();
    void capture();
    bool save(QWidget *widget, const QString &name);
    bool captureDialog(QWidget *dialog, const QString &name);
    void fail(const QString &why);

    MainWindow *m_window;
    ConfigDocument *m_document;
    EngineSession *m_engine;
    QString m_dir;
    QString m_pair;
    QTimer *m_watchdog;
    bool m_done = false;
};

} // namespace tandem
