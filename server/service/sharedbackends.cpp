#include "service/sharedbackends.h"

#include "redis/redisclient.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace mort {

namespace {

bool isRedisType(const QString &type)
{
    return type == QLatin1String("redis") || type == QLatin1String("redis-cluster");
}

void addClientStats(const RedisClient *client, SharedBackendStats &s)
{
    if (!client)
        return;
    const RedisClientStats c = client->stats();
    s.redisNodes += c.nodes;
    s.redisReachable = s.redisReachable && c.reachable;
    s.redisCommands += c.commands;
    s.redisFailures += c.failures;
    s.redisTimeouts += c.timeouts;
    s.redisReconnects += c.reconnects;
    s.redisPending += c.pending;
    s.redisRttLastUs = std::max(s.redisRttLastUs, c.rttLastUs);
    s.redisRttAvgUs = std::max(s.redisRttAvgUs, c.rttAvgUs);
}

} // namespace

SharedBackends::SharedBackends(const ServerConfig &server, TaskRegistry *tasks)
    : m_cacheType(server.cache.type),
      m_lockType(isRedisType(server.lock.type) ? server.lock.type : QStringLiteral("memory"))
{
    if (isRedisType(server.cache.type)) {
        m_cacheClient = std::make_shared<RedisClient>(
            RedisOptions::fromConfig(server.cache.type, server.cache.address, server.cache.clientConfig),
            QStringLiteral("cache"));
        m_cache = std::make_unique<RedisResponseCache>(m_cacheClient, server.cache, tasks);
        qCInfo(lcEngine).noquote() << "response cache:" << server.cache.type
                                   << server.cache.address.join(QLatin1Char(','))
                                   << "(the in-process cache stays in front of it)";
    }
    if (isRedisType(server.lock.type)) {
        const bool same = m_cacheClient && server.lock.type == server.cache.type
            && server.lock.address == server.cache.address && server.lock.clientConfig == server.cache.clientConfig;
        m_lockClient = same
            ? m_cacheClient
            : std::make_shared<RedisClient>(
                RedisOptions::fromConfig(server.lock.type, server.lock.address, server.lock.clientConfig),
                QStringLiteral("lock"));
        RedisLockOptions options;
        options.lockTtlMs = qint64(server.lockTimeoutSec > 0 ? server.lockTimeoutSec : 30) * 1000;
        options.resultTtlMs = options.lockTtlMs;
        options.maxResultBytes = server.cache.maxCacheItemBytes();
        m_lock = std::make_unique<RedisLock>(m_lockClient, options, tasks);
        qCInfo(lcEngine).noquote() << "request collapsing across instances:" << server.lock.type
                                   << server.lock.address.join(QLatin1Char(','));
    }
}

SharedBackends::~SharedBackends()
{
    m_lock.reset();
    m_cache.reset();
    m_lockClient.reset();
    m_cacheClient.reset();
}

SharedBackendStats SharedBackends::stats() const
{
    SharedBackendStats s;
    s.cacheBackend = m_cache ? m_cacheType : QStringLiteral("memory");
    s.lockBackend = m_lockType;
    if (!m_cacheClient && !m_lockClient)
        return s;
    s.redisReachable = true;
    addClientStats(m_cacheClient.get(), s);
    if (m_lockClient != m_cacheClient)
        addClientStats(m_lockClient.get(), s);
    s.redisNodes.removeDuplicates();
    if (m_cache) {
        const RedisCacheStats c = m_cache->stats();
        s.sharedCacheHits = c.hits;
        s.sharedCacheMisses = c.misses;
        s.sharedCacheSets = c.sets;
        s.degradedCache = c.unavailable;
    }
    if (m_lock) {
        const RedisLockStats l = m_lock->stats();
        s.lockAcquired = l.acquired;
        s.lockWaited = l.waited;
        s.lockResults = l.results;
        s.lockLost = l.lost;
        s.degradedLock = l.unavailable;
    }
    return s;
}

} // namespace mort
