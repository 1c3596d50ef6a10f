#pragma once
// Internal to RedisClient: lives on the client's thread and owns the
// connections; picks the node for each key and follows cluster redirects.
#include "redis/redisclient.h"
#include "redis/redisconnection.h"

#include <QHash>
#include <QObject>

#include <map>
#include <vector>

namespace mort {

class RedisRouter : public QObject
{
public:
    struct Shared
    {
        std::shared_ptr<RedisCounters> counters;
        std::shared_ptr<std::atomic<bool>> reachable;
        std::shared_ptr<std::atomic<int>> nodesReady;
        std::shared_ptr<std::atomic<int>> nodesKnown;
        std::shared_ptr<std::atomic<int>> channels;
    };

    RedisRouter(RedisOptions options, Shared shared);
    ~RedisRouter() override;

    void start();
    void shutdown();
    void command(const QByteArray &routingKey, const QList<QByteArray> &args, RedisClient::Callback callback);
    void subscribe(quint64 id, const QByteArray &channel, RedisClient::MessageHandler onMessage,
                   RedisClient::Callback confirmed);
    void unsubscribe(quint64 id);

private:
    RedisConnection *connectionFor(const RedisNodeAddress &node, bool subscriber);
    RedisConnection *route(const QByteArray &key, bool subscriber);
    void dispatch(RedisConnection *connection, const QList<QByteArray> &args, RedisClient::Callback callback,
                  int redirectsLeft);
    void refreshSlots();
    void applySlots(const RedisNodeAddress &askedNode, const RedisReply &reply);
    void updateReachability();
    void onSubscriberState(RedisConnection *connection, RedisConnection::State state);

    const RedisOptions m_options;
    Shared m_shared;
    bool m_stopped = false;
    QHash<QString, RedisConnection *> m_commandConnections;    // by "host:port"
    QHash<QString, RedisConnection *> m_subscriberConnections; // by "host:port"
    // Cluster: node of each slot, as an index into m_slotNodes; -1 unknown.
    std::vector<int> m_slotOwner;
    QList<RedisNodeAddress> m_slotNodes;
    bool m_slotsKnown = false;
    bool m_refreshing = false;

    struct Subscription
    {
        QByteArray channel;
        RedisConnection *connection;
        RedisClient::MessageHandler onMessage;
    };
    std::map<quint64, Subscription> m_subscriptions;
};

} // namespace mort
