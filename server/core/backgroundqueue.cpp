#include "core/backgroundqueue.h"

#include "core/threadhandoff.h"

#include <QDeadlineTimer>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcBackground, "mort.background")

namespace mort {

BackgroundQueue::BackgroundQueue(int maxPending, int threads, TaskRegistry *tasks, int jobTimeoutMs)
    : m_maxPending(maxPending), m_jobTimeoutMs(jobTimeoutMs), m_tasks(tasks)
{
    m_pool.setMaxThreadCount(threads);
    m_pool.setObjectName(QStringLiteral("mort-background"));
}

BackgroundQueue::~BackgroundQueue()
{
    joinPool(m_pool);
}

bool BackgroundQueue::post(std::function<void()> job)
{
    // Reserve a slot only if one is free: a fetch_add-then-undo let pending()
    // read above capacity while a flood of rejected posts was in flight.
    qint64 current = m_pending.load();
    do {
        if (current >= m_maxPending) {
            m_dropped.fetch_add(1);
            return false;
        }
    } while (!m_pending.compare_exchange_weak(current, current + 1));
    auto scope = std::make_shared<TaskScope>(m_tasks, TaskKind::Background);
    const QDeadlineTimer startBy(m_jobTimeoutMs);
    startInPool(m_pool, [this, job = std::move(job), scope, startBy] {
        if (startBy.hasExpired()) {
            m_expired.fetch_add(1); // stale: not worth running any more
            scope->release();
            m_pending.fetch_sub(1);
            return;
        }
        try {
            job();
        } catch (const std::exception &e) {
            m_exceptions.fetch_add(1);
            qCWarning(lcBackground) << "background job failed:" << e.what();
        } catch (...) {
            m_exceptions.fetch_add(1);
            qCWarning(lcBackground) << "background job failed with an unknown exception";
        }
        scope->release();
        m_completed.fetch_add(1);
        m_pending.fetch_sub(1);
    });
    return true;
}

void BackgroundQueue::waitForIdle(int timeoutMs)
{
    joinPool(m_pool, timeoutMs);
}

} // namespace mort
