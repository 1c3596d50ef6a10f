#pragma once
// Internal to RedisLock: the state of leases and waiters, touched only on the
// Redis client's thread; leases and callbacks reach it through a weak_ptr.
#include "lock/redislock.h"
#include "redis/redisreply.h"

#include <QTimer>

#include <atomic>
#include <map>
#include <mutex>

namespace mort {

class RedisLockCore : public std::enable_shared_from_this<RedisLockCore>
{
public:
    RedisLockCore(RedisClient *client, RedisLockOptions options, TaskRegistry *tasks);
    ~RedisLockCore();

    // Any thread: false once shut down (the client may be gone then).
    bool post(std::function<void()> fn);
    // Redis thread.
    void acquire(const QString &key, const CancelToken &cancel, RedisLock::Callback callback);
    // `response` null: failed, unless `resultAlreadyStored` (announce "done" for the stored one).
    void releaseLease(quint64 id, SharedResponse response, bool resultAlreadyStored = false);
    // Redis thread, from ~RedisLock: waiters get Cancelled, timers stop, nothing is sent afterwards.
    void shutdown();

    RedisLockStats stats() const;

private:
    struct Lease
    {
        QByteArray lockKey;
        QByteArray resultKey;
        QByteArray token;
        std::shared_ptr<TaskScope> refreshScope; // lock-refresh: held until the release round trip ends
        bool lost = false;
    };
    struct Waiter
    {
        QByteArray lockKey;
        QByteArray resultKey;
        CancelToken cancel;
        qint64 deadlineMs;
        RedisLock::Callback callback;
        TaskScope scope; // pubsub
        quint64 subscriptionId = 0;
        bool fetching = false;
    };

    bool send(const QByteArray &key, QList<QByteArray> args, std::function<void(RedisResult)> callback);
    void lead(const QByteArray &lockKey, const QByteArray &resultKey, const QByteArray &token,
              const RedisLock::Callback &callback);
    void wait(const QByteArray &lockKey, const QByteArray &resultKey, const CancelToken &cancel,
              RedisLock::Callback callback);
    void onSubscribed(quint64 id, const RedisResult &result);
    void onMessage(quint64 id, const QByteArray *payload);
    void fetchResult(quint64 id);
    void finish(quint64 id, RedisLockOutcome outcome);
    void pollWaiters();
    void refreshLeases();
    void updateTimers();
    qint64 nowMs() const;

    RedisClient *const m_client;
    const RedisLockOptions m_options;
    TaskRegistry *const m_tasks;

    std::mutex m_gate; // guards m_stopped against use of m_client from other threads
    bool m_stopped = false;

    std::map<quint64, Lease> m_leases;
    std::map<quint64, Waiter> m_waiters;
    quint64 m_nextId = 1;
    QTimer *m_pollTimer = nullptr; // created on the Redis thread on first use
    QTimer *m_refreshTimer = nullptr;

    std::atomic<quint64> m_acquired{0}, m_waited{0}, m_results{0}, m_released{0}, m_timedOut{0}, m_cancelled{0},
        m_unavailable{0}, m_refreshes{0}, m_lost{0};
    std::atomic<qint64> m_liveLeases{0}, m_liveWaiters{0};
};

} // namespace mort
