#pragma once
// The engine's Redis client: one thread ("redis") owning every connection of
// one `cache` or `lock` section; callable from any thread.
//
// Topologies (RedisOptions::Mode): one node; a ring of nodes (each key on one
// node by rendezvous hashing, skipping nodes that are down); a Redis Cluster
// (slot map from CLUSTER SLOTS, MOVED and ASK redirects followed, the map
// refreshed after a MOVED).
//
// Callbacks run on the client's thread, exactly once while the client lives.
// Keep them short: post results to the thread that wants them. A callback
// still queued when the client is destroyed is destroyed without being called
// (its captures, e.g. task scopes, are released).
#include "redis/rediscounters.h"
#include "redis/redisoptions.h"
#include "redis/redisreply.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace mort {

class RedisRouter;

struct RedisClientStats
{
    QString mode;           // "single", "ring", "cluster"
    QStringList nodes;      // configured addresses
    bool reachable = false; // at least one node answers (cluster: and its slot map is known)
    int nodesReady = 0;
    int nodesKnown = 0; // command connections (cluster: every master seen in the slot map)
    quint64 commands = 0;
    quint64 failures = 0;
    quint64 errorReplies = 0;
    quint64 timeouts = 0;
    quint64 connectFailures = 0;
    quint64 reconnects = 0;
    quint64 overloaded = 0;
    quint64 redirects = 0;
    quint64 messages = 0;
    qint64 pending = 0;
    qint64 rttLastUs = 0;
    qint64 rttAvgUs = 0;
    int subscriptions = 0; // channels subscribed, all subscriber connections
};

class RedisClient
{
public:
    using Callback = std::function<void(RedisResult)>;
    // nullptr payload: the subscription was lost (the subscriber connection
    // dropped); stop waiting for a message on it.
    using MessageHandler = std::function<void(const QByteArray *payload)>;

    // Starts the thread and connects at once; never blocks on the network.
    RedisClient(RedisOptions options, QString name);
    // Fails what is pending with Shutdown, then stops the thread. Never call
    // it from a callback.
    ~RedisClient();
    RedisClient(const RedisClient &) = delete;
    RedisClient &operator=(const RedisClient &) = delete;

    // Any thread. `routingKey` picks the node (ring, cluster); give the key
    // the command touches.
    void command(QByteArray routingKey, QList<QByteArray> args, Callback callback);

    // Any thread. `onMessage` gets every message on `channel` until
    // unsubscribe(); `confirmed` runs once when the server confirmed (or it
    // failed: then no message will come). Returns the subscription's id.
    quint64 subscribe(QByteArray channel, MessageHandler onMessage, Callback confirmed);
    void unsubscribe(quint64 id);

    // Runs `fn` on the client's thread (timers of users live there). post():
    // queued, any thread; runBlocking(): waits for it, never from the client's thread.
    void post(std::function<void()> fn);
    void runBlocking(std::function<void()> fn);

    // Any thread; cheap (atomics only).
    RedisClientStats stats() const;
    bool reachable() const { return m_reachable->load(std::memory_order_relaxed); }
    const RedisOptions &options() const { return m_options; }
    const QString &name() const { return m_name; }
    QThread *thread() const { return m_thread; }

private:
    const RedisOptions m_options;
    const QString m_name;
    std::shared_ptr<RedisCounters> m_counters;
    std::shared_ptr<std::atomic<bool>> m_reachable;
    std::shared_ptr<std::atomic<int>> m_nodesReady;
    std::shared_ptr<std::atomic<int>> m_nodesKnown;
    std::shared_ptr<std::atomic<int>> m_channels;
    std::atomic<quint64> m_nextSubscription{1};
    QThread *m_thread = nullptr;
    RedisRouter *m_router = nullptr; // lives on m_thread
};

} // namespace mort
