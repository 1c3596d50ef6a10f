#pragma once
// Distributed request collapsing on Redis (`lock.type: redis | redis-cluster`,
// config.md §2.2, http-behaviour.md §6.1), for the request that already leads
// its key on this instance (RequestCollapser): one leader over all instances.
//
//  - lock: SET mort-v1:lock:<key> <token> NX PX lockTimeout; the holder
//    refreshes it every lockTimeout/2 (compare-and-PEXPIRE) while it works: a
//    `lock-refresh` task per held lease.
//  - release: the leader stores its response as a frame under
//    mort-v1:result:<key> (short TTL), then compare-and-deletes the lock and
//    PUBLISHes "done" on the channel named like the lock key ("failed" when it
//    produced nothing shareable). A lease dropped unreleased fails.
//  - waiters: SUBSCRIBE to the channel (a `pubsub` task each), then look once
//    whether the lock is already gone (the release may have come before the
//    subscription), and wait for the message, lockTimeout, or their request's
//    cancel/deadline. "done" -> GET the result frame: the waiter's instance
//    serves it without a transform of its own. Every path unsubscribes.
//
// Redis down, slow or overloaded -> Unavailable at once or within the client's
// command timeout: the caller degrades to local collapsing (runs the flow).
// Callbacks run on the Redis client's thread, exactly once; post them on.
#include "cache/cachedresponse.h"
#include "core/cancellation.h"
#include "core/taskregistry.h"

#include <QString>

#include <functional>
#include <memory>

namespace mort {

class RedisClient;
class RedisLockCore;

struct RedisLockOptions
{
    qint64 lockTtlMs = 30'000;        // server.lockTimeout * 1000: lock TTL and waiter wait limit
    qint64 resultTtlMs = 30'000;      // how long a leader's result frame stays for late waiters
    qint64 maxResultBytes = 10 << 20; // larger results are not handed over (waiters run themselves)
    int maxWaiters = 10'000;          // waiting requests on this instance; more -> Unavailable
    int cancelPollMs = 50;            // how quickly a cancelled or expired waiter is released
};

struct RedisLockStats
{
    quint64 acquired = 0; // this instance led the key over all instances
    quint64 waited = 0;   // another instance led: waited for it
    quint64 results = 0;  // waiters that received the other instance's result
    quint64 released = 0; // waiters whose leader released without a result
    quint64 timedOut = 0;
    quint64 cancelled = 0;
    quint64 unavailable = 0; // Redis did not answer: degraded to local collapsing
    quint64 refreshes = 0;
    quint64 lost = 0; // a refresh found the lock no longer ours (expired, taken over)
    qint64 liveLeases = 0;
    qint64 liveWaiters = 0;
};

// The leader's hold on a key. Move it with the work; complete() or fail()
// once. Destroyed unreleased = fail() (released on every path).
class RedisLockLease
{
public:
    RedisLockLease(std::weak_ptr<RedisLockCore> core, quint64 id);
    ~RedisLockLease();
    RedisLockLease(const RedisLockLease &) = delete;
    RedisLockLease &operator=(const RedisLockLease &) = delete;

    // Hands `response` to the waiters of every instance (when it fits
    // maxResultBytes and is a final answer), then releases the lock.
    void complete(const SharedResponse &response);
    void fail();

private:
    void release(const SharedResponse &response);
    std::weak_ptr<RedisLockCore> m_core;
    quint64 m_id;
    bool m_done = false;
};

struct RedisLockOutcome
{
    enum class Status {
        Acquired,    // lead: run the flow, then lease->complete()/fail()
        Result,      // another instance's leader finished (while we waited, or just before we
                     // took the lock: its result frame was still there): `response` is its answer
        Released,    // the other leader ended without a result for us: run the flow yourself
        TimedOut,    // lockTimeout passed (spec: response cache, else 504)
        Cancelled,   // the request's token stopped (client gone or its deadline)
        Unavailable, // Redis did not answer: degrade, run the flow yourself
    };
    Status status = Status::Unavailable;
    SharedResponse response;               // Result
    std::shared_ptr<RedisLockLease> lease; // Acquired
};

class RedisLock
{
public:
    using Callback = std::function<void(RedisLockOutcome)>;

    RedisLock(std::shared_ptr<RedisClient> client, RedisLockOptions options, TaskRegistry *tasks);
    // Waiters still waiting get Cancelled; held leases stop refreshing (their
    // locks expire by TTL).
    ~RedisLock();
    RedisLock(const RedisLock &) = delete;
    RedisLock &operator=(const RedisLock &) = delete;

    static QByteArray lockKey(const QString &key);
    static QByteArray resultKey(const QString &key);

    // Any thread; `callback` runs once on the Redis thread.
    void acquire(const QString &key, const CancelToken &cancel, Callback callback);

    RedisLockStats stats() const;
    const RedisLockOptions &options() const { return m_options; }

private:
    std::shared_ptr<RedisClient> m_client;
    const RedisLockOptions m_options;
    std::shared_ptr<RedisLockCore> m_core;
};

} // namespace mort
