#include "redis/redisclient.h"

#include "redis/redisrouter.h"

#include "core/threadhandoff.h"

#include <QThread>

namespace mort {

namespace {
// Queues `job` on `context`'s thread: what the caller did before (including
// what the job captured) happens-before the job. Under TSan the edge is made
// visible, as startInPool() does for pools (core/threadhandoff.h).
void postJob(QObject *context, std::function<void()> job)
{
#ifdef MORT_TSAN
    auto edge = std::make_shared<char>(0);
    tsanRelease(edge.get());
    TsanIgnoredScope handover;
    QMetaObject::invokeMethod(
        context,
        [edge, job = std::move(job)] {
            tsanAcquire(edge.get());
            job();
        },
        Qt::QueuedConnection);
#else
    QMetaObject::invokeMethod(context, std::move(job), Qt::QueuedConnection);
#endif
}
} // namespace

RedisClient::RedisClient(RedisOptions options, QString name)
    : m_options(std::move(options)), m_name(std::move(name)), m_counters(std::make_shared<RedisCounters>()),
      m_reachable(std::make_shared<std::atomic<bool>>(false)), m_nodesReady(std::make_shared<std::atomic<int>>(0)),
      m_nodesKnown(std::make_shared<std::atomic<int>>(0)), m_channels(std::make_shared<std::atomic<int>>(0))
{
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("redis-") + m_name);
    m_router = new RedisRouter(m_options, {m_counters, m_reachable, m_nodesReady, m_nodesKnown, m_channels});
    m_router->moveToThread(m_thread);
    m_thread->start();
    if (!m_options.nodes.isEmpty())
        postJob(m_router, [r = m_router] { r->start(); });
}

RedisClient::~RedisClient()
{
    // The router and its connections are deleted on their own thread (their
    // socket notifiers and timers belong to it), then the thread ends.
    runBlockingOn(m_router, [r = m_router] { delete r; });
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

void RedisClient::command(QByteArray routingKey, QList<QByteArray> args, Callback callback)
{
    if (m_options.nodes.isEmpty()) {
        callback(RedisResult::failed(RedisResult::Failure::Unavailable));
        return;
    }
    postJob(m_router,
            [r = m_router, key = std::move(routingKey), args = std::move(args), cb = std::move(callback)]() mutable {
                r->command(key, args, std::move(cb));
            });
}

quint64 RedisClient::subscribe(QByteArray channel, MessageHandler onMessage, Callback confirmed)
{
    const quint64 id = m_nextSubscription.fetch_add(1, std::memory_order_relaxed);
    if (m_options.nodes.isEmpty()) {
        confirmed(RedisResult::failed(RedisResult::Failure::Unavailable));
        return id;
    }
    postJob(m_router,
            [r = m_router, id, channel = std::move(channel), onMessage = std::move(onMessage),
             confirmed = std::move(confirmed)]() mutable {
                r->subscribe(id, channel, std::move(onMessage), std::move(confirmed));
            });
    return id;
}

void RedisClient::unsubscribe(quint64 id)
{
    postJob(m_router, [r = m_router, id] { r->unsubscribe(id); });
}

void RedisClient::post(std::function<void()> fn)
{
    postJob(m_router, std::move(fn));
}

void RedisClient::runBlocking(std::function<void()> fn)
{
    runBlockingOn(m_router, std::move(fn));
}

RedisClientStats RedisClient::stats() const
{
    RedisClientStats s;
    switch (m_options.mode) {
    case RedisOptions::Mode::Single: s.mode = QStringLiteral("single"); break;
    case RedisOptions::Mode::Ring: s.mode = QStringLiteral("ring"); break;
    case RedisOptions::Mode::Cluster: s.mode = QStringLiteral("cluster"); break;
    }
    for (const RedisNodeAddress &n : m_options.nodes)
        s.nodes << n.text();
    const RedisCounters &c = *m_counters;
    s.reachable = reachable();
    s.nodesReady = m_nodesReady->load(std::memory_order_relaxed);
    s.nodesKnown = m_nodesKnown->load(std::memory_order_relaxed);
    s.commands = c.commands.load(std::memory_order_relaxed);
    s.failures = c.failures.load(std::memory_order_relaxed);
    s.errorReplies = c.errorReplies.load(std::memory_order_relaxed);
    s.timeouts = c.timeouts.load(std::memory_order_relaxed);
    s.connectFailures = c.connectFailures.load(std::memory_order_relaxed);
    s.reconnects = c.reconnects.load(std::memory_order_relaxed);
    s.overloaded = c.overloaded.load(std::memory_order_relaxed);
    s.redirects = c.redirects.load(std::memory_order_relaxed);
    s.messages = c.messages.load(std::memory_order_relaxed);
    s.pending = c.pending.load(std::memory_order_relaxed);
    s.rttLastUs = c.rttLastUs.load(std::memory_order_relaxed);
    const quint64 n = c.rttCount.load(std::memory_order_relaxed);
    s.rttAvgUs = n ? qint64(quint64(c.rttTotalUs.load(std::memory_order_relaxed)) / n) : 0;
    s.subscriptions = m_channels->load(std::memory_order_relaxed);
    return s;
}

} // namespace mort
