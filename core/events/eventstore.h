#pragma once

#include "base/sqlitefile.h"
#include "event.h"

#include <QList>
#include <QObject>
#include <QTimer>

namespace tandem {

// The event history on disk: SQLite in the state directory (WAL, so the console and
// tandemctl read while the engine writes). Appends are batched into one transaction
// every 50 ms; the cap ("Maximum number of events to capture") is enforced here, the
// oldest going first. A damaged or foreign file is moved aside, never reused or lost.
class EventStore final : public QObject
{
    Q_OBJECT

public:
    // Stays 1 while changes are additive: the reason column, added in place to files
    // from before it, has a default, so an older Tandem (a restored backup, a tandemd not
    // yet restarted after an upgrade) still reads and writes the file.
    static constexpr int SchemaVersion = 1;
    static constexpr int BatchIntervalMs = 50;
    static constexpr int BatchSize = 1000;

    // The tables of the file, for open() and for checking one a backup brings.
    static const SqliteSchema &schema();

    explicit EventStore(const QString &stateDir, QObject *parent = nullptr);
    ~EventStore() override; // commits what is queued

    // Opens or creates the database. *notice tells when a damaged or foreign file had
    // to be moved aside (the engine posts it as an Error event). False: unusable.
    bool open(QString *notice, QString *error);
    QString filePath() const { return m_file.path(); }
    void setCap(int maxEvents);
    int cap() const { return m_cap; }

    void append(const Event &event);
    // Commits the queue now in one transaction and applies the cap.
    bool flush(QString *error = nullptr);
    // Events with an id above afterId, oldest first.
    QList<Event> read(qint64 afterId = 0, int limit = -1, QList<qint64> *ids = nullptr) const;
    qint64 count() const;
    bool reset(QString *error);
    // Goes up by one with every reset.
    qint64 resetGeneration() const;

Q_SIGNALS:
    // A write failed (disk full, file gone): the events stay queued and are retried.
    void writeFailed(const QString &message);

private:
    SqliteFile m_file;
    int m_cap = 5000;
    QList<Event> m_queue;
    QTimer m_batchTimer;
    bool m_failing = false;
};

} // namespace tandem
