#pragma once
// Internal: the shared state behind RequestCollapser. Tickets hold it by
// weak_ptr so a ticket that outlives the collapser is harmless.
#include "lock/requestcollapser.h"

#include "core/taskregistry.h"

#include <QHash>
#include <QList>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mort {

class CollapserCore : public std::enable_shared_from_this<CollapserCore>
{
public:
    CollapserCore(CollapserOptions options, TaskRegistry *tasks);

    CollapseTicket acquire(const QString &key, const CancelToken &cancel, CollapseCallback onOutcome);
    // `error` null = success with `response`. Ignored unless `generation` still
    // leads `key` (the first resolution wins).
    void resolveLeader(const QString &key, quint64 generation, SharedResponse response, const Error *error,
                       bool abandoned);
    void cancelWaiter(quint64 id);
    void poll();

    // Timer thread body; returns after stopTimer().
    void runTimerLoop();
    void stopTimer();
    // Resolves every waiter with Cancelled and refuses new work.
    void shutdown();

    CollapserStats stats() const;

private:
    struct Waiter
    {
        QString key;
        CancelToken cancel;
        CollapseCallback callback;
        TaskScope scope; // collapse-wait, ends just before the callback runs
        qint64 deadlineMs;
    };
    struct Slot
    {
        quint64 generation;
        QList<quint64> waiters;
    };
    struct Delivery
    {
        CollapseCallback callback;
        TaskScope scope;
        CollapseOutcome outcome;
    };
    using Deliveries = std::vector<Delivery>;

    // Removes waiter `id` (which must exist) from every index.
    Delivery takeWaiterLocked(quint64 id, CollapseOutcome outcome, bool removeFromSlot);
    // Outside the mutex: end each task scope, then call back, catching throws.
    void deliver(Deliveries &deliveries);

    const CollapserOptions m_options;
    TaskRegistry *const m_tasks;

    // std::mutex/condition_variable rather than QMutex/QWaitCondition: the
    // system Qt is not built with TSan, and its QWaitCondition releases the
    // mutex where TSan cannot see it (false "double lock" reports). libstdc++
    // waits through pthread_cond_wait, which TSan intercepts.
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::unordered_map<quint64, Waiter> m_waiters;
    QHash<QString, Slot> m_slots;
    std::set<std::pair<qint64, quint64>> m_deadlines; // (deadline ms, waiter id), earliest first
    quint64 m_nextId = 1;
    quint64 m_nextGeneration = 1;
    CollapserStats m_stats; // liveKeys/liveWaiters filled in stats()
};

} // namespace mort
