#include "redis/redisrouter.h"

#include "redis/clusterslot.h"

#include <QCryptographicHash>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcRedis)

namespace mort {

namespace {

// Rendezvous (highest random weight) score of `key` on `node`: every instance
// computes the same owner without shared state, and only the keys of a node
// that leaves move.
quint64 rendezvousScore(const QString &node, const QByteArray &key)
{
    QCryptographicHash h(QCryptographicHash::Md5);
    h.addData(node.toLatin1());
    h.addData(QByteArrayView("\0", 1));
    h.addData(key);
    const QByteArray d = h.result();
    quint64 v = 0;
    for (int i = 0; i < 8; ++i)
        v = (v << 8) | quint8(d[i]);
    return v;
}

// "MOVED 3999 127.0.0.1:6381" / "ASK 3999 127.0.0.1:6381" -> the node.
bool parseRedirect(const QByteArray &error, int *slot, RedisNodeAddress *node)
{
    const QList<QByteArray> parts = error.split(' ');
    if (parts.size() != 3)
        return false;
    bool ok = false;
    *slot = parts[1].toInt(&ok);
    return ok && RedisOptions::parseAddress(QString::fromLatin1(parts[2]), node);
}

} // namespace

RedisRouter::RedisRouter(RedisOptions options, Shared shared)
    : m_options(std::move(options)), m_shared(std::move(shared))
{
    m_slotOwner.assign(kRedisClusterSlots, -1);
}

RedisRouter::~RedisRouter()
{
    shutdown();
}

void RedisRouter::start()
{
    for (const RedisNodeAddress &node : m_options.nodes)
        connectionFor(node, false);
    if (m_options.mode == RedisOptions::Mode::Cluster)
        refreshSlots();
    updateReachability();
}

void RedisRouter::shutdown()
{
    if (m_stopped)
        return;
    m_stopped = true;
    // Waiters learn their subscription is gone before the connections stop.
    std::map<quint64, Subscription> subscriptions;
    subscriptions.swap(m_subscriptions);
    for (auto &[id, s] : subscriptions)
        if (s.onMessage)
            s.onMessage(nullptr);
    for (RedisConnection *c : std::as_const(m_subscriberConnections))
        c->stop();
    for (RedisConnection *c : std::as_const(m_commandConnections))
        c->stop();
    qDeleteAll(m_subscriberConnections);
    qDeleteAll(m_commandConnections);
    m_subscriberConnections.clear();
    m_commandConnections.clear();
    updateReachability();
}

RedisConnection *RedisRouter::connectionFor(const RedisNodeAddress &node, bool subscriber)
{
    QHash<QString, RedisConnection *> &pool = subscriber ? m_subscriberConnections : m_commandConnections;
    const QString text = node.text();
    if (RedisConnection *c = pool.value(text))
        return c;
    auto *c = new RedisConnection(node, m_options, m_shared.counters.get(), this);
    pool.insert(text, c);
    if (subscriber) {
        c->setMessageHandler([this](const QByteArray &channel, const QByteArray &payload) {
            // Copy the handlers first: one may unsubscribe while we iterate.
            std::vector<RedisClient::MessageHandler> handlers;
            for (const auto &[id, s] : m_subscriptions)
                if (s.channel == channel)
                    handlers.push_back(s.onMessage);
            for (const auto &h : handlers)
                if (h)
                    h(&payload);
        });
        c->onStateChanged = [this, c](RedisConnection::State state) { onSubscriberState(c, state); };
    } else {
        c->onStateChanged = [this](RedisConnection::State) { updateReachability(); };
    }
    c->start();
    return c;
}

RedisConnection *RedisRouter::route(const QByteArray &key, bool subscriber)
{
    switch (m_options.mode) {
    case RedisOptions::Mode::Single: return connectionFor(m_options.nodes.first(), subscriber);
    case RedisOptions::Mode::Ring: {
        // Highest score among the nodes that are not down; all down: the
        // highest overall (its connection fails fast).
        const RedisNodeAddress *best = nullptr;
        const RedisNodeAddress *bestUp = nullptr;
        quint64 bestScore = 0;
        quint64 bestUpScore = 0;
        for (const RedisNodeAddress &node : m_options.nodes) {
            const quint64 score = rendezvousScore(node.text(), key);
            if (!best || score > bestScore) {
                best = &node;
                bestScore = score;
            }
            RedisConnection *c = m_commandConnections.value(node.text());
            const bool down = c && c->state() == RedisConnection::State::BackingOff;
            if (!down && (!bestUp || score > bestUpScore)) {
                bestUp = &node;
                bestUpScore = score;
            }
        }
        return connectionFor(bestUp ? *bestUp : *best, subscriber);
    }
    case RedisOptions::Mode::Cluster: {
        const int owner = m_slotOwner[size_t(redisClusterSlot(key))];
        if (owner >= 0)
            return connectionFor(m_slotNodes[owner], subscriber);
        // Map unknown yet: any seed node that is not down; a MOVED tells the rest.
        for (const RedisNodeAddress &node : m_options.nodes) {
            RedisConnection *c = connectionFor(node, subscriber);
            if (c->state() != RedisConnection::State::BackingOff)
                return c;
        }
        return connectionFor(m_options.nodes.first(), subscriber);
    }
    }
    return connectionFor(m_options.nodes.first(), subscriber);
}

void RedisRouter::command(const QByteArray &routingKey, const QList<QByteArray> &args, RedisClient::Callback callback)
{
    if (m_stopped) {
        callback(RedisResult::failed(RedisResult::Failure::Shutdown));
        return;
    }
    dispatch(route(routingKey, false), args, std::move(callback), 5);
}

void RedisRouter::dispatch(RedisConnection *connection, const QList<QByteArray> &args, RedisClient::Callback callback,
                           int redirectsLeft)
{
    if (m_options.mode != RedisOptions::Mode::Cluster) {
        connection->send(args, std::move(callback));
        return;
    }
    connection->send(args, [this, args, callback = std::move(callback), redirectsLeft](RedisResult r) mutable {
        if (m_stopped || r.failure != RedisResult::Failure::None || !r.reply.isError() || redirectsLeft <= 0) {
            callback(std::move(r));
            return;
        }
        const bool moved = r.reply.str.startsWith("MOVED ");
        const bool ask = r.reply.str.startsWith("ASK ");
        int slot = -1;
        RedisNodeAddress target;
        if ((!moved && !ask) || !parseRedirect(r.reply.str, &slot, &target) || slot < 0 || slot >= kRedisClusterSlots) {
            callback(std::move(r));
            return;
        }
        m_shared.counters->redirects.fetch_add(1, std::memory_order_relaxed);
        RedisConnection *next = connectionFor(target, false);
        if (moved) {
            int index = m_slotNodes.indexOf(target);
            if (index < 0) {
                m_slotNodes.append(target);
                index = int(m_slotNodes.size()) - 1;
            }
            m_slotOwner[size_t(slot)] = index;
            refreshSlots(); // one MOVED usually means a whole range moved
        } else {
            // ASK: this one command goes to the importing node, preceded by ASKING
            // on the same connection (replies are in order, so they stay adjacent).
            next->send({QByteArrayLiteral("ASKING")}, [](RedisResult) {});
        }
        dispatch(next, args, std::move(callback), redirectsLeft - 1);
    });
}

void RedisRouter::refreshSlots()
{
    if (m_refreshing || m_stopped)
        return;
    m_refreshing = true;
    RedisConnection *c = route(QByteArray(), false);
    const RedisNodeAddress asked = c->address();
    c->send({QByteArrayLiteral("CLUSTER"), QByteArrayLiteral("SLOTS")}, [this, asked](RedisResult r) {
        m_refreshing = false;
        if (r.ok())
            applySlots(asked, r.reply);
        updateReachability();
    });
}

void RedisRouter::applySlots(const RedisNodeAddress &askedNode, const RedisReply &reply)
{
    if (reply.type != RedisReply::Type::Array || reply.elements.isEmpty())
        return;
    std::vector<int> owner(kRedisClusterSlots, -1);
    QList<RedisNodeAddress> nodes;
    for (const RedisReply &range : reply.elements) {
        if (range.elements.size() < 3 || range.elements[2].elements.size() < 2)
            continue;
        const long long first = range.elements[0].integer;
        const long long last = range.elements[1].integer;
        RedisNodeAddress master;
        master.host = range.elements[2].elements[0].str;
        master.port = quint16(range.elements[2].elements[1].integer);
        if (master.host.isEmpty())
            master.host = askedNode.host; // "" = the node that answered
        int index = int(nodes.indexOf(master));
        if (index < 0) {
            nodes.append(master);
            index = int(nodes.size()) - 1;
        }
        for (long long s = std::max(0LL, first); s <= last && s < kRedisClusterSlots; ++s)
            owner[size_t(s)] = index;
    }
    m_slotOwner.swap(owner);
    m_slotNodes = nodes;
    m_slotsKnown = true;
    for (const RedisNodeAddress &node : std::as_const(nodes))
        connectionFor(node, false);
}

void RedisRouter::updateReachability()
{
    int ready = 0;
    for (RedisConnection *c : std::as_const(m_commandConnections))
        if (c->state() == RedisConnection::State::Ready)
            ++ready;
    m_shared.nodesReady->store(ready, std::memory_order_relaxed);
    m_shared.nodesKnown->store(int(m_commandConnections.size()), std::memory_order_relaxed);
    const bool cluster = m_options.mode == RedisOptions::Mode::Cluster;
    m_shared.reachable->store(ready > 0 && (!cluster || m_slotsKnown), std::memory_order_relaxed);
    if (cluster && ready > 0 && !m_slotsKnown)
        refreshSlots();
}

void RedisRouter::subscribe(quint64 id, const QByteArray &channel, RedisClient::MessageHandler onMessage,
                            RedisClient::Callback confirmed)
{
    if (m_stopped) {
        confirmed(RedisResult::failed(RedisResult::Failure::Shutdown));
        return;
    }
    RedisConnection *c = route(channel, true);
    m_subscriptions.emplace(id, Subscription{channel, c, std::move(onMessage)});
    c->subscribe(channel, [this, id, confirmed = std::move(confirmed)](RedisResult r) {
        if (!r.ok())
            m_subscriptions.erase(id); // nothing will come; the caller was told
        m_shared.channels->store(
            [this] {
                int n = 0;
                for (RedisConnection *s : std::as_const(m_subscriberConnections))
                    n += s->channelCount();
                return n;
            }(),
            std::memory_order_relaxed);
        confirmed(std::move(r));
    });
}

void RedisRouter::unsubscribe(quint64 id)
{
    auto it = m_subscriptions.find(id);
    if (it == m_subscriptions.end())
        return;
    const QByteArray channel = it->second.channel;
    RedisConnection *c = it->second.connection;
    m_subscriptions.erase(it);
    for (const auto &[otherId, s] : m_subscriptions)
        if (s.channel == channel && s.connection == c)
            return; // someone else still listens
    c->unsubscribe(channel);
    int n = 0;
    for (RedisConnection *s : std::as_const(m_subscriberConnections))
        n += s->channelCount();
    m_shared.channels->store(n, std::memory_order_relaxed);
}

void RedisRouter::onSubscriberState(RedisConnection *connection, RedisConnection::State state)
{
    if (state == RedisConnection::State::Ready || state == RedisConnection::State::Connecting)
        return;
    // The connection dropped: a message published meanwhile is lost, so every
    // waiter on it is told now (it falls back) instead of waiting for nothing.
    std::vector<std::pair<quint64, RedisClient::MessageHandler>> lost;
    for (auto it = m_subscriptions.begin(); it != m_subscriptions.end();) {
        if (it->second.connection == connection) {
            lost.emplace_back(it->first, std::move(it->second.onMessage));
            connection->unsubscribe(it->second.channel);
            it = m_subscriptions.erase(it);
        } else {
            ++it;
        }
    }
    for (auto &[id, handler] : lost)
        if (handler)
            handler(nullptr);
    int n = 0;
    for (RedisConnection *s : std::as_const(m_subscriberConnections))
        n += s->channelCount();
    m_shared.channels->store(n, std::memory_order_relaxed);
}

} // namespace mort
