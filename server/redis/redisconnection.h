#pragma once
// One connection to one Redis node: hiredis' async API driven by Qt socket
// notifiers and timers on the thread that owns the object (the RedisClient's
// thread; never the HTTP thread, never a worker).
//
// Why not hiredis' adapters/qt.h: it declares a Q_OBJECT class in a system
// header (moc would have to process /usr/include), and hiredis 0.14 has no
// connect or command timeouts at all. We need both: a Redis that stops
// answering (DEBUG SLEEP, a dead host behind a firewall) must cost a caller at
// most commandTimeoutMs, never a hang.
//
// Life cycle: Connecting -> Ready; any failure (refused, closed, a command
// without reply past its deadline, no handshake within connectTimeoutMs)
// fails every pending command, frees the hiredis context and backs off
// (reconnectMinMs doubling up to reconnectMaxMs) before connecting again.
// While backing off, commands fail at once with Unavailable: callers degrade
// instead of queueing.
#include "redis/redisoptions.h"
#include "redis/redisreply.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>
#include <map>
#include <set>

struct redisAsyncContext;
class QSocketNotifier;

namespace mort {

struct RedisCounters;

class RedisConnection : public QObject
{
public:
    enum class State { Stopped, Connecting, Ready, BackingOff };
    using Callback = std::function<void(RedisResult)>;
    using MessageHandler = std::function<void(const QByteArray &channel, const QByteArray &payload)>;

    RedisConnection(RedisNodeAddress address, const RedisOptions &options, RedisCounters *counters,
                    QObject *parent = nullptr);
    ~RedisConnection() override;

    void start();
    // Fails every pending command with Shutdown and disconnects for good.
    void stop();

    // Sends one command; `callback` runs exactly once on this thread, maybe
    // before send() returns (Unavailable, Overloaded, Shutdown).
    void send(const QList<QByteArray> &args, Callback callback);

    // Subscriber use (a connection that subscribes sends nothing else):
    // `confirmed` runs once the server confirmed the subscription (ok) or it
    // failed; messages of every channel go to the handler. Channels are
    // subscribed again after a reconnect.
    void setMessageHandler(MessageHandler handler) { m_onMessage = std::move(handler); }
    void subscribe(const QByteArray &channel, Callback confirmed);
    void unsubscribe(const QByteArray &channel);
    int channelCount() const { return int(m_channels.size()); }

    State state() const { return m_state; }
    const RedisNodeAddress &address() const { return m_address; }
    int pendingCount() const { return int(m_pending.size()); }
    // Called on every state change (the client tracks reachability with it).
    std::function<void(State)> onStateChanged;

private:
    struct Pending
    {
        Callback callback;
        qint64 deadlineMs;
        QElapsedTimer sent;
    };

    static void replyThunk(redisAsyncContext *ac, void *reply, void *privdata);
    static void subscriptionThunk(redisAsyncContext *ac, void *reply, void *privdata);
    static void connectThunk(const redisAsyncContext *ac, int status);
    static void disconnectThunk(const redisAsyncContext *ac, int status);
    static void addRead(void *self);
    static void delRead(void *self);
    static void addWrite(void *self);
    static void delWrite(void *self);
    static void cleanup(void *self);

    void connectNow();
    void sendHandshake();
    bool sendRaw(const QList<QByteArray> &args, Callback callback, qint64 deadlineMs);
    void onReply(quint64 id, const void *reply);
    void onSubscriptionReply(const void *reply);
    void onDeadline();
    void armDeadlineTimer();
    // Fails all pending with `failure` (the one `timedOutId` with Timeout),
    // frees the context, and backs off. `why` goes into the log line.
    void fail(const QByteArray &why, RedisResult::Failure failure, quint64 timedOutId = 0);
    void setState(State state);
    void dropNotifiers();
    qint64 nowMs() const { return m_clock.elapsed(); }

    const RedisNodeAddress m_address;
    const RedisOptions m_options;
    RedisCounters *const m_counters;

    redisAsyncContext *m_ctx = nullptr;
    QSocketNotifier *m_read = nullptr;
    QSocketNotifier *m_write = nullptr;
    State m_state = State::Stopped;
    bool m_everReady = false;
    bool m_loggedDown = false;
    int m_backoffMs = 0;
    QElapsedTimer m_clock;
    QTimer m_deadlineTimer;
    QTimer m_connectTimer;
    QTimer m_retryTimer;

    quint64 m_nextId = 1;
    std::map<quint64, Pending> m_pending;             // by id = send order
    std::set<std::pair<qint64, quint64>> m_deadlines; // (deadline ms, id)

    MessageHandler m_onMessage;
    QSet<QByteArray> m_channels;                         // wanted subscriptions
    std::multimap<QByteArray, quint64> m_confirmWaiters; // channel -> pending id of its SUBSCRIBE
};

} // namespace mort
