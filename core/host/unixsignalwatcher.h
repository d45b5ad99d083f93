#pragma once

#include <QObject>

class QSocketNotifier;

namespace tandem {

// Turns SIGTERM/SIGINT/SIGHUP into a Qt signal through a self-pipe, so the handling
// (stopping the engine, reloading) runs in the event loop and not in the handler.
class UnixSignalWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignalWatcher(const QList<int> &signalNumbers, QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void signalReceived(int signalNumber);

private:
    QSocketNotifier *m_notifier;
    QList<int> m_signals;
};

} // namespace tandem
