#pragma once
// Bounded background work (storing results, filling caches): a fixed number of
// jobs may be queued or running; beyond that new jobs are dropped and counted,
// never queued without bound (seed finding: unbounded background goroutines).
#include "core/taskregistry.h"

#include <QThreadPool>

#include <atomic>
#include <functional>

namespace mort {

class BackgroundQueue
{
public:
    // `jobTimeoutMs`: a job that has not started within this time after post()
    // is dropped as stale (counted in expired()): a result store minutes late
    // helps nobody and only holds memory. A started job runs to completion.
    BackgroundQueue(int maxPending, int threads, TaskRegistry *tasks, int jobTimeoutMs = 30'000);
    ~BackgroundQueue(); // waits for running jobs

    // Returns false (and counts a drop) when the queue is full.
    bool post(std::function<void()> job);
    void waitForIdle(int timeoutMs = -1);

    qint64 pending() const { return m_pending.load(); }
    quint64 dropped() const { return m_dropped.load(); }
    quint64 expired() const { return m_expired.load(); } // dropped because they waited too long
    quint64 completed() const { return m_completed.load(); }
    quint64 exceptions() const { return m_exceptions.load(); } // jobs that threw (contained)
    int capacity() const { return m_maxPending; }

private:
    const int m_maxPending;
    const int m_jobTimeoutMs;
    TaskRegistry *m_tasks;
    QThreadPool m_pool;
    std::atomic<qint64> m_pending{0};
    std::atomic<quint64> m_dropped{0};
    std::atomic<quint64> m_expired{0};
    std::atomic<quint64> m_completed{0};
    std::atomic<quint64> m_exceptions{0};
};

} // namespace mort
