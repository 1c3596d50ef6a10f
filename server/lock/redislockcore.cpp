#include "lock/redislockcore.h"

#include "cache/responseframe.h"
#include "redis/redisclient.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcRedisLock, "mort.lock.redis")

namespace mort {

namespace {

const QByteArray kDone = QByteArrayLiteral("done");
const QByteArray kFailed = QByteArrayLiteral("failed");

// Delete the lock only when it is still ours; "done" is published whoever
// holds the lock now (a result for this key serves any leader's waiters),
// "failed" only when it was ours (else another leader is still working).
const QByteArray kReleaseScript =
    QByteArrayLiteral("local mine = redis.call('get', KEYS[1]) == ARGV[1]\n"
                      "if mine then redis.call('del', KEYS[1]) end\n"
                      "if mine or ARGV[2] == 'done' then redis.call('publish', KEYS[1], ARGV[2]) end\n"
                      "if mine then return 1 end return 0");
// Extend the TTL only while the lock is still ours.
const QByteArray kRefreshScript = QByteArrayLiteral(
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0");

qint64 monotonicMs()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}

} // namespace

RedisLockCore::RedisLockCore(RedisClient *client, RedisLockOptions options, TaskRegistry *tasks)
    : m_client(client), m_options(options), m_tasks(tasks)
{
}

RedisLockCore::~RedisLockCore()
{
    // Timers were deleted by shutdown() on their thread; a core never shut
    // down (no RedisLock) has none.
}

qint64 RedisLockCore::nowMs() const
{
    return monotonicMs();
}

bool RedisLockCore::post(std::function<void()> fn)
{
    std::lock_guard lock(m_gate);
    if (m_stopped)
        return false;
    m_client->post([weak = weak_from_this(), fn = std::move(fn)] {
        if (auto self = weak.lock())
            fn();
    });
    return true;
}

bool RedisLockCore::send(const QByteArray &key, QList<QByteArray> args, std::function<void(RedisResult)> callback)
{
    std::lock_guard lock(m_gate);
    if (m_stopped)
        return false;
    m_client->command(key, std::move(args), std::move(callback));
    return true;
}

void RedisLockCore::acquire(const QString &key, const CancelToken &cancel, RedisLock::Callback callback)
{
    const QByteArray lockKey = RedisLock::lockKey(key);
    const QByteArray resultKey = RedisLock::resultKey(key);
    const QByteArray token = QByteArray::number(QRandomGenerator::system()->generate64(), 16)
        + QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    const bool sent = send(lockKey,
                           {QByteArrayLiteral("SET"), lockKey, token, QByteArrayLiteral("NX"), QByteArrayLiteral("PX"),
                            QByteArray::number(m_options.lockTtlMs)},
                           [weak = weak_from_this(), lockKey, resultKey, token, cancel, callback](RedisResult r) {
                               auto self = weak.lock();
                               if (!self || self->m_stopped) {
                                   callback({RedisLockOutcome::Status::Cancelled, nullptr, nullptr});
                                   return;
                               }
                               if (!r.ok()) {
                                   self->m_unavailable.fetch_add(1, std::memory_order_relaxed);
                                   callback({RedisLockOutcome::Status::Unavailable, nullptr, nullptr});
                               } else if (r.reply.isOk()) {
                                   self->lead(lockKey, resultKey, token, callback);
                               } else {
                                   self->wait(lockKey, resultKey, cancel, callback);
                               }
                           });
    if (!sent)
        callback({RedisLockOutcome::Status::Cancelled, nullptr, nullptr});
}

void RedisLockCore::lead(const QByteArray &lockKey, const QByteArray &resultKey, const QByteArray &token,
                         const RedisLock::Callback &callback)
{
    const quint64 id = m_nextId++;
    m_leases.emplace(id, Lease{lockKey, resultKey, token, std::make_shared<TaskScope>(m_tasks, TaskKind::LockRefresh)});
    m_liveLeases.fetch_add(1, std::memory_order_relaxed);
    updateTimers();
    // A leader that finished just before we asked left its result: take it
    // instead of producing it again (closes the gap between a cache miss and
    // this lock). Redis not answering here is no reason not to lead.
    const bool sent =
        send(resultKey, {QByteArrayLiteral("GET"), resultKey},
             [weak = weak_from_this(), id, callback, maxBytes = m_options.maxResultBytes + 256 * 1024](RedisResult r) {
                 auto self = weak.lock();
                 if (!self || !self->m_leases.count(id)) {
                     callback({RedisLockOutcome::Status::Cancelled, nullptr, nullptr});
                     return;
                 }
                 SharedResponse previous;
                 if (r.ok() && r.reply.type == RedisReply::Type::String)
                     previous = decodeResponseFrame(r.reply.str, maxBytes);
                 if (previous) {
                     self->m_results.fetch_add(1, std::memory_order_relaxed);
                     // Our waiters (if any came) may take the same result; it is not stored again.
                     self->releaseLease(id, nullptr, true);
                     callback({RedisLockOutcome::Status::Result, previous, nullptr});
                     return;
                 }
                 self->m_acquired.fetch_add(1, std::memory_order_relaxed);
                 callback({RedisLockOutcome::Status::Acquired, nullptr, std::make_shared<RedisLockLease>(weak, id)});
             });
    if (!sent)
        callback({RedisLockOutcome::Status::Cancelled, nullptr, nullptr});
}

void RedisLockCore::releaseLease(quint64 id, SharedResponse response, bool resultAlreadyStored)
{
    auto it = m_leases.find(id);
    if (it == m_leases.end())
        return;
    Lease lease = std::move(it->second);
    m_leases.erase(it);
    m_liveLeases.fetch_sub(1, std::memory_order_relaxed);
    updateTimers();
    const bool share = resultAlreadyStored || (response && response->body().size() < m_options.maxResultBytes);
    auto releaseLock = [weak = weak_from_this(), lease, share] {
        auto self = weak.lock();
        if (!self)
            return;
        self->send(lease.lockKey,
                   {QByteArrayLiteral("EVAL"), kReleaseScript, QByteArrayLiteral("1"), lease.lockKey, lease.token,
                    share ? kDone : kFailed},
                   [scope = lease.refreshScope](RedisResult) { scope->release(); });
    };
    if (!share || resultAlreadyStored) {
        releaseLock();
        return;
    }
    // The result goes first: a waiter told "done" must find it.
    send(lease.resultKey,
         {QByteArrayLiteral("SET"), lease.resultKey, encodeResponseFrame(*response), QByteArrayLiteral("PX"),
          QByteArray::number(m_options.resultTtlMs)},
         [releaseLock](RedisResult) { releaseLock(); });
}

void RedisLockCore::wait(const QByteArray &lockKey, const QByteArray &resultKey, const CancelToken &cancel,
                         RedisLock::Callback callback)
{
    if (int(m_waiters.size()) >= m_options.maxWaiters) {
        m_unavailable.fetch_add(1, std::memory_order_relaxed);
        callback({RedisLockOutcome::Status::Unavailable, nullptr, nullptr});
        return;
    }
    const quint64 id = m_nextId++;
    qint64 deadline = nowMs() + m_options.lockTtlMs;
    if (!cancel.deadline().isForever())
        deadline = std::min(deadline, nowMs() + std::max<qint64>(0, cancel.deadline().remainingTime()));
    Waiter w{lockKey, resultKey, cancel, deadline, std::move(callback), TaskScope(m_tasks, TaskKind::PubSub), 0, false};
    m_waiters.emplace(id, std::move(w));
    m_liveWaiters.fetch_add(1, std::memory_order_relaxed);
    m_waited.fetch_add(1, std::memory_order_relaxed);
    updateTimers();
    // On the Redis thread m_stopped cannot change under us (shutdown runs here too).
    const quint64 subscription = m_client->subscribe(
        lockKey,
        [weak = weak_from_this(), id](const QByteArray *payload) {
            if (auto self = weak.lock())
                self->onMessage(id, payload);
        },
        [weak = weak_from_this(), id](RedisResult r) {
            if (auto self = weak.lock())
                self->onSubscribed(id, r);
        });
    auto it = m_waiters.find(id);
    if (it != m_waiters.end())
        it->second.subscriptionId = subscription;
    else
        m_client->unsubscribe(subscription);
}

void RedisLockCore::onSubscribed(quint64 id, const RedisResult &result)
{
    auto it = m_waiters.find(id);
    if (it == m_waiters.end())
        return;
    if (!result.ok()) {
        m_unavailable.fetch_add(1, std::memory_order_relaxed);
        finish(id, {RedisLockOutcome::Status::Unavailable, nullptr, nullptr});
        return;
    }
    // The leader may have released before we listened: look once.
    send(it->second.lockKey, {QByteArrayLiteral("EXISTS"), it->second.lockKey},
         [weak = weak_from_this(), id](RedisResult r) {
             auto self = weak.lock();
             if (!self || !self->m_waiters.count(id))
                 return;
             if (!r.ok()) {
                 self->m_unavailable.fetch_add(1, std::memory_order_relaxed);
                 self->finish(id, {RedisLockOutcome::Status::Unavailable, nullptr, nullptr});
             } else if (r.reply.integer == 0) {
                 self->fetchResult(id);
             }
         });
}

void RedisLockCore::onMessage(quint64 id, const QByteArray *payload)
{
    if (!m_waiters.count(id))
        return;
    if (!payload) {
        // The subscription was lost: a release could pass unseen. Degrade.
        m_unavailable.fetch_add(1, std::memory_order_relaxed);
        finish(id, {RedisLockOutcome::Status::Unavailable, nullptr, nullptr});
    } else if (*payload == kDone) {
        fetchResult(id);
    } else {
        m_released.fetch_add(1, std::memory_order_relaxed);
        finish(id, {RedisLockOutcome::Status::Released, nullptr, nullptr});
    }
}

void RedisLockCore::fetchResult(quint64 id)
{
    Waiter &w = m_waiters.at(id);
    if (w.fetching)
        return;
    w.fetching = true;
    send(w.resultKey, {QByteArrayLiteral("GET"), w.resultKey},
         [weak = weak_from_this(), id, maxBytes = m_options.maxResultBytes + 256 * 1024](RedisResult r) {
             auto self = weak.lock();
             if (!self || !self->m_waiters.count(id))
                 return;
             SharedResponse response;
             if (r.ok() && r.reply.type == RedisReply::Type::String)
                 response = decodeResponseFrame(r.reply.str, maxBytes);
             if (response) {
                 self->m_results.fetch_add(1, std::memory_order_relaxed);
                 self->finish(id, {RedisLockOutcome::Status::Result, response, nullptr});
             } else {
                 self->m_released.fetch_add(1, std::memory_order_relaxed);
                 self->finish(id, {RedisLockOutcome::Status::Released, nullptr, nullptr});
             }
         });
}

void RedisLockCore::finish(quint64 id, RedisLockOutcome outcome)
{
    auto it = m_waiters.find(id);
    if (it == m_waiters.end())
        return;
    Waiter w = std::move(it->second);
    m_waiters.erase(it);
    m_liveWaiters.fetch_sub(1, std::memory_order_relaxed);
    if (!m_stopped && w.subscriptionId)
        m_client->unsubscribe(w.subscriptionId);
    w.scope.release();
    updateTimers();
    if (w.callback)
        w.callback(std::move(outcome));
}

void RedisLockCore::pollWaiters()
{
    const qint64 now = nowMs();
    std::vector<std::pair<quint64, RedisLockOutcome::Status>> done;
    for (const auto &[id, w] : m_waiters) {
        if (w.cancel.isCancelled())
            done.emplace_back(id, RedisLockOutcome::Status::Cancelled);
        else if (now >= w.deadlineMs || w.cancel.isExpired())
            done.emplace_back(id, RedisLockOutcome::Status::TimedOut);
    }
    for (const auto &[id, status] : done) {
        (status == RedisLockOutcome::Status::Cancelled ? m_cancelled : m_timedOut)
            .fetch_add(1, std::memory_order_relaxed);
        finish(id, {status, nullptr, nullptr});
    }
}

void RedisLockCore::refreshLeases()
{
    for (auto &[id, lease] : m_leases) {
        if (lease.lost)
            continue;
        m_refreshes.fetch_add(1, std::memory_order_relaxed);
        send(lease.lockKey,
             {QByteArrayLiteral("EVAL"), kRefreshScript, QByteArrayLiteral("1"), lease.lockKey, lease.token,
              QByteArray::number(m_options.lockTtlMs)},
             [weak = weak_from_this(), id = id](RedisResult r) {
                 auto self = weak.lock();
                 if (!self || !r.ok() || r.reply.integer != 0)
                     return; // refreshed, or Redis did not answer: try again next period
                 auto it = self->m_leases.find(id);
                 if (it == self->m_leases.end() || it->second.lost)
                     return;
                 it->second.lost = true;
                 self->m_lost.fetch_add(1, std::memory_order_relaxed);
                 qCWarning(lcRedisLock).noquote()
                     << "Redis lock" << QString::fromUtf8(it->second.lockKey)
                     << "expired while its transform was still running; another instance may run it too"
                        " (raise server.lockTimeout above the longest transform)";
             });
    }
}

void RedisLockCore::updateTimers()
{
    if (m_stopped)
        return;
    if (!m_pollTimer) {
        m_pollTimer = new QTimer;
        QObject::connect(m_pollTimer, &QTimer::timeout, [weak = weak_from_this()] {
            if (auto self = weak.lock())
                self->pollWaiters();
        });
        m_refreshTimer = new QTimer;
        QObject::connect(m_refreshTimer, &QTimer::timeout, [weak = weak_from_this()] {
            if (auto self = weak.lock())
                self->refreshLeases();
        });
    }
    if (m_waiters.empty())
        m_pollTimer->stop();
    else if (!m_pollTimer->isActive())
        m_pollTimer->start(m_options.cancelPollMs);
    if (m_leases.empty())
        m_refreshTimer->stop();
    else if (!m_refreshTimer->isActive())
        m_refreshTimer->start(int(std::max<qint64>(10, m_options.lockTtlMs / 2)));
}

void RedisLockCore::shutdown()
{
    while (!m_waiters.empty()) {
        m_cancelled.fetch_add(1, std::memory_order_relaxed);
        finish(m_waiters.begin()->first, {RedisLockOutcome::Status::Cancelled, nullptr, nullptr});
    }
    {
        std::lock_guard lock(m_gate);
        m_stopped = true;
    }
    // Held leases stop refreshing; their locks expire by TTL.
    m_liveLeases.fetch_sub(qint64(m_leases.size()), std::memory_order_relaxed);
    m_leases.clear();
    delete m_pollTimer;
    delete m_refreshTimer;
    m_pollTimer = nullptr;
    m_refreshTimer = nullptr;
}

RedisLockStats RedisLockCore::stats() const
{
    RedisLockStats s;
    s.acquired = m_acquired.load(std::memory_order_relaxed);
    s.waited = m_waited.load(std::memory_order_relaxed);
    s.results = m_results.load(std::memory_order_relaxed);
    s.released = m_released.load(std::memory_order_relaxed);
    s.timedOut = m_timedOut.load(std::memory_order_relaxed);
    s.cancelled = m_cancelled.load(std::memory_order_relaxed);
    s.unavailable = m_unavailable.load(std::memory_order_relaxed);
    s.refreshes = m_refreshes.load(std::memory_order_relaxed);
    s.lost = m_lost.load(std::memory_order_relaxed);
    s.liveLeases = m_liveLeases.load(std::memory_order_relaxed);
    s.liveWaiters = m_liveWaiters.load(std::memory_order_relaxed);
    return s;
}

} // namespace mort
