#include "lock/collapsercore.h"

#include <QDebug>

#include <chrono>

namespace mort {

namespace {

Error timeoutError(qint64 waitedMs)
{
    return Error::upstream("lock.timeout", 504, QStringLiteral("timeout"),
                           QStringLiteral("collapsed request waited %1 ms for its leader").arg(waitedMs));
}

Error cancelledError(const QString &detail)
{
    return Error{"lock.cancelled", 499, QStringLiteral("client closed request"), detail, ErrorCause::Client};
}

CollapseOutcome failedOutcome(CollapseOutcome::Status status, Error error)
{
    CollapseOutcome outcome;
    outcome.status = status;
    outcome.error = std::move(error);
    return outcome;
}

} // namespace

CollapserCore::CollapserCore(CollapserOptions options, TaskRegistry *tasks)
    : m_options(std::move(options)), m_tasks(tasks)
{
}

CollapseTicket CollapserCore::acquire(const QString &key, const CancelToken &cancel, CollapseCallback onOutcome)
{
    std::lock_guard locker(m_mutex);
    if (m_stopping) {
        ++m_stats.busy;
        return {};
    }
    const auto slot = m_slots.find(key);
    if (slot == m_slots.end()) {
        if (m_slots.size() >= m_options.maxKeys) {
            ++m_stats.busy;
            return {};
        }
        const quint64 generation = m_nextGeneration++;
        m_slots.insert(key, Slot{generation, {}});
        ++m_stats.leaders;
        return CollapseTicket(weak_from_this(), CollapseTicket::Role::Leader, key, generation);
    }
    if (qsizetype(m_waiters.size()) >= m_options.maxWaiters || slot->waiters.size() >= m_options.maxWaitersPerKey) {
        ++m_stats.busy;
        return {};
    }

    const qint64 now = m_options.nowMs();
    qint64 waitMs = m_options.lockTimeoutMs;
    if (!cancel.deadline().isForever())
        waitMs = qMin(waitMs, qMax<qint64>(0, cancel.deadline().remainingTime()));
    const qint64 deadline = now + waitMs;

    const quint64 id = m_nextId++;
    m_waiters.emplace(id,
                      Waiter{key, cancel, std::move(onOutcome), TaskScope(m_tasks, TaskKind::CollapseWait), deadline});
    slot->waiters.append(id);
    const auto inserted = m_deadlines.emplace(deadline, id).first;
    ++m_stats.collapsed;
    // The timer sleeps until the earliest deadline (or the poll interval when
    // it had no waiters): wake it only when this one must be seen sooner.
    if (inserted == m_deadlines.begin())
        m_wake.notify_all();
    return CollapseTicket(weak_from_this(), CollapseTicket::Role::Waiter, key, id);
}

CollapserCore::Delivery CollapserCore::takeWaiterLocked(quint64 id, CollapseOutcome outcome, bool removeFromSlot)
{
    const auto it = m_waiters.find(id);
    Waiter &w = it->second;
    m_deadlines.erase({w.deadlineMs, id});
    if (removeFromSlot) {
        const auto slot = m_slots.find(w.key);
        if (slot != m_slots.end())
            slot->waiters.removeOne(id);
    }
    Delivery d{std::move(w.callback), std::move(w.scope), std::move(outcome)};
    m_waiters.erase(it);
    return d;
}

void CollapserCore::resolveLeader(const QString &key, quint64 generation, SharedResponse response, const Error *error,
                                  bool abandoned)
{
    Deliveries out;
    {
        std::lock_guard locker(m_mutex);
        const auto slot = m_slots.find(key);
        if (slot == m_slots.end() || slot->generation != generation)
            return;
        const QList<quint64> waiters = std::move(slot->waiters);
        m_slots.erase(slot);
        if (abandoned)
            ++m_stats.abandoned;

        Error failure;
        if (error)
            failure = *error;
        else if (!response)
            failure = Error::internal("lock.no_response", QStringLiteral("leader completed without a response"));
        const bool failed = error || !response;

        out.reserve(waiters.size());
        for (quint64 id : waiters) {
            const auto w = m_waiters.find(id);
            CollapseOutcome outcome;
            if (w->second.cancel.isCancelled()) {
                // Spec §6.1: waiters that cancelled are skipped -- nobody would read it.
                outcome = failedOutcome(CollapseOutcome::Status::Cancelled,
                                        cancelledError(QStringLiteral("cancelled before the leader finished")));
                ++m_stats.cancelled;
            } else if (failed) {
                outcome = failedOutcome(CollapseOutcome::Status::LeaderFailed, failure);
                ++m_stats.failed;
            } else {
                outcome.status = CollapseOutcome::Status::Completed;
                outcome.response = response; // the same object for everyone: a refcount bump
                ++m_stats.completed;
            }
            out.push_back(takeWaiterLocked(id, std::move(outcome), false));
        }
    }
    deliver(out);
}

void CollapserCore::cancelWaiter(quint64 id)
{
    Deliveries out;
    {
        std::lock_guard locker(m_mutex);
        if (m_waiters.find(id) == m_waiters.end())
            return; // already resolved: exactly once
        ++m_stats.cancelled;
        out.push_back(takeWaiterLocked(
            id, failedOutcome(CollapseOutcome::Status::Cancelled, cancelledError(QStringLiteral("wait cancelled"))),
            true));
    }
    deliver(out);
}

void CollapserCore::poll()
{
    Deliveries out;
    {
        std::lock_guard locker(m_mutex);
        const qint64 now = m_options.nowMs();
        while (!m_deadlines.empty() && m_deadlines.begin()->first <= now) {
            const quint64 id = m_deadlines.begin()->second;
            ++m_stats.timedOut;
            out.push_back(takeWaiterLocked(
                id, failedOutcome(CollapseOutcome::Status::TimedOut, timeoutError(m_options.lockTimeoutMs)), true));
        }
        std::vector<quint64> cancelled;
        for (const auto &[id, w] : m_waiters)
            if (w.cancel.isCancelled())
                cancelled.push_back(id);
        for (quint64 id : cancelled) {
            ++m_stats.cancelled;
            out.push_back(takeWaiterLocked(
                id, failedOutcome(CollapseOutcome::Status::Cancelled, cancelledError(QStringLiteral("client gone"))),
                true));
        }
    }
    deliver(out);
}

void CollapserCore::deliver(Deliveries &deliveries)
{
    for (Delivery &d : deliveries) {
        d.scope.release(); // collapse-wait ends when the waiter is answered
        if (!d.callback)
            continue;
        try {
            d.callback(std::move(d.outcome));
        } catch (...) {
            // A throwing callback must not cost the other waiters their answer.
            std::lock_guard locker(m_mutex);
            ++m_stats.callbackErrors;
            qWarning("RequestCollapser: a waiter callback threw; ignored");
        }
    }
    // Callbacks (and whatever they captured) are destroyed here, outside the mutex.
    deliveries.clear();
}

void CollapserCore::runTimerLoop()
{
    std::unique_lock locker(m_mutex);
    while (!m_stopping) {
        if (m_waiters.empty()) {
            m_wake.wait(locker); // nothing can expire: sleep until a waiter arrives
        } else {
            qint64 waitMs = m_options.cancelPollMs;
            if (!m_deadlines.empty())
                waitMs = qMin(waitMs, m_deadlines.begin()->first - m_options.nowMs());
            if (waitMs > 0)
                m_wake.wait_for(locker, std::chrono::milliseconds(waitMs));
        }
        if (m_stopping)
            break;
        // A spurious or early wake-up costs one cheap pass, nothing more.
        locker.unlock();
        poll();
        locker.lock();
    }
}

void CollapserCore::stopTimer()
{
    std::lock_guard locker(m_mutex);
    m_stopping = true;
    m_wake.notify_all();
}

void CollapserCore::shutdown()
{
    Deliveries out;
    {
        std::lock_guard locker(m_mutex);
        m_stopping = true;
        std::vector<quint64> ids;
        ids.reserve(m_waiters.size());
        for (const auto &entry : m_waiters)
            ids.push_back(entry.first);
        for (quint64 id : ids) {
            ++m_stats.cancelled;
            out.push_back(takeWaiterLocked(
                id,
                failedOutcome(CollapseOutcome::Status::Cancelled,
                              Error{"lock.shutdown", 503, QStringLiteral("shutting down"),
                                    QStringLiteral("collapser destroyed while waiting"), ErrorCause::Internal}),
                false));
        }
        m_slots.clear(); // late leader resolutions find no slot: no-ops
    }
    deliver(out);
}

CollapserStats CollapserCore::stats() const
{
    std::lock_guard locker(m_mutex);
    CollapserStats s = m_stats;
    s.liveKeys = m_slots.size();
    s.liveWaiters = qint64(m_waiters.size());
    return s;
}

} // namespace mort
