#pragma once
// The memory lock (`lock.type: memory`, http-behaviour.md §6.1): N concurrent
// requests for the same transform run ONE producer; the others receive the
// leader's immutable response (the same shared_ptr, no body copy).
//
// Waiting blocks no thread: a waiter registers a callback that fires exactly
// once -- on completion, leader failure, timeout or cancel -- so the HTTP
// thread and the workers never park on a lock (Mort's waiters were goroutines
// blocked on channels that leaked on cancel: seed findings 2, 3, 20).
//
// Timeouts: one timer thread per collapser (a plain thread, no QTimer, no
// event loop) sleeps on a wait condition until the earliest waiter deadline,
// and at most `cancelPollMs` while anyone waits: CancelToken is a flag
// without notification, so cancelled waiters are found by polling. Tests can
// switch the thread off and drive poll() with an injected clock.
//
// Duties of the caller (the engine):
//  - keys are bucket-qualified (collapseKey() in object/objectref.h, peer C2);
//  - a Leader must complete() or fail() its ticket even when its own client
//    has gone -- others wait for it; a ticket dropped unresolved fails the
//    key with lock.abandoned, so a forgotten leader costs a retry, not a hang;
//  - Busy -> 503 (+ Retry-After); LeaderFailed -> cache, then own flow;
//    TimedOut -> cache, else 504; Cancelled -> nothing to send.
//  - a leader that hangs is bounded by the engine's requestTimeout, not here:
//    its waiters time out after lockTimeout meanwhile.
#include "lock/collapseoutcome.h"
#include "lock/collapseticket.h"

#include "core/cancellation.h"

#include <functional>
#include <memory>
#include <thread>

namespace mort {

class CollapserCore;
class TaskRegistry;
struct ServerConfig;

struct CollapserOptions
{
    qint64 lockTimeoutMs = 30'000; // server.lockTimeout (s, 0 -> 30) * 1000: waiter wait limit
    int maxWaiters = 10'000;       // waiting requests over all keys; more -> Busy (503)
    int maxWaitersPerKey = 1'000;  // one hot key may not take the whole budget
    int maxKeys = 10'000;          // keys with a running leader; more -> Busy (503)
    int cancelPollMs = 50;         // how quickly a cancelled waiter is noticed and released
    bool timerThread = true;       // false: nobody times out unless poll() is called (tests)
    std::function<qint64()> nowMs; // monotonic ms; default: a QElapsedTimer

    static CollapserOptions fromConfig(const ServerConfig &config);
};

struct CollapserStats
{
    quint64 leaders = 0;   // acquire() calls that led
    quint64 collapsed = 0; // acquire() calls that waited: mort_request_collapsed_count
    quint64 busy = 0;      // acquire() refused at the bounds
    quint64 completed = 0; // waiters served the leader's response
    quint64 failed = 0;    // waiters told the leader failed (incl. abandoned)
    quint64 timedOut = 0;
    quint64 cancelled = 0;
    quint64 abandoned = 0;      // leader tickets dropped unresolved
    quint64 callbackErrors = 0; // callbacks that threw (caught at the boundary)
    qint64 liveKeys = 0;
    qint64 liveWaiters = 0;
};

class RequestCollapser
{
public:
    explicit RequestCollapser(CollapserOptions options = {}, TaskRegistry *tasks = nullptr);
    // Stops the timer thread, then resolves every remaining waiter with
    // Cancelled (lock.shutdown). Tickets may outlive the collapser: their
    // calls become no-ops.
    ~RequestCollapser();
    RequestCollapser(const RequestCollapser &) = delete;
    RequestCollapser &operator=(const RequestCollapser &) = delete;

    // Leader when nobody holds `key`; otherwise Waiter (onOutcome registered,
    // a TaskScope(CollapseWait) held until it fires; deadline = the earlier of
    // lockTimeout and `cancel`'s deadline); Busy at the bounds. onOutcome is
    // ignored unless the ticket is a Waiter. Thread-safe.
    CollapseTicket acquire(const QString &key, const CancelToken &cancel, CollapseCallback onOutcome);

    // One pass over waiters: resolve expired (TimedOut) and cancelled ones.
    // The timer thread calls it; tests without the thread call it themselves.
    void poll();

    CollapserStats stats() const;
    const CollapserOptions &options() const { return m_options; }

private:
    CollapserOptions m_options;
    std::shared_ptr<CollapserCore> m_core;
    std::thread m_timer; // std::thread, not QThread: joinable under TSan without Qt-internal noise
};

} // namespace mort
