#include "worker.h"

#include <memory>

namespace tandem {

Worker::Worker(QObject *parent)
    : QObject(parent)
{}

Worker::~Worker()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool Worker::start(Job job, QThread::Priority priority)
{
    if (m_thread)
        return false;
    auto next = std::make_shared<Continuation>();
    m_thread = QThread::create([job = std::move(job), next] { *next = job(); });
    // finished() is emitted on the worker thread: queued to this object's thread.
    connect(m_thread, &QThread::finished, this, [this, next] {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
        if (*next)
            (*next)();
    });
    m_thread->start(priority);
    return true;
}

void Worker::detach(std::function<void()> job)
{
    QThread *thread = QThread::create(std::move(job));
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void Worker::wait()
{
    if (m_thread)
        m_thread->wait();
}

} // namespace tandem
