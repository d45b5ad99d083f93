#pragma once

#include <QObject>
#include <QThread>

#include <functional>

namespace tandem {

// Tandem's one way to run work off the calling thread (docs/threads.md). The job runs on a
// thread of its own and returns what is to happen next, which then runs on the owner's
// thread through its event loop:
//
//     m_worker.start([input] {
//         const Result r = slowWork(input);          // worker thread: touches no member
//         return [this, r] { useResult(r); };        // owner's thread, later
//     });
//
// One job at a time. The owner holds the Worker as a member, declared after whatever the
// job reads: destroying the Worker waits for a running job, and a continuation that has
// not run by then is dropped.
class Worker final : public QObject
{
    Q_OBJECT

public:
    using Continuation = std::function<void()>;
    using Job = std::function<Continuation()>;

    explicit Worker(QObject *parent = nullptr);
    ~Worker() override;

    // false (and nothing starts) while a job runs or its continuation has not run yet.
    bool start(Job job, QThread::Priority priority = QThread::InheritPriority);
    bool isBusy() const { return m_thread != nullptr; }
    // Blocks until a running job ends; its continuation still comes through the event loop.
    void wait();

    // A job nothing comes back from and nobody waits for (telling an engine of a change
    // from a window that may close first). It must hold copies of all it uses.
    static void detach(std::function<void()> job);

private:
    QThread *m_thread = nullptr;
};

} // namespace tandem
