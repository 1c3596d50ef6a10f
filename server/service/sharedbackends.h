#pragma once
// The cache and lock backends shared between instances (`cache.type` and
// `lock.type` redis | redis-cluster): their Redis clients (one when cache and
// lock name the same servers with the same options), the Redis response cache
// and the distributed lock. Built once per engine; with `memory` types it
// holds nothing and the pipeline uses only its in-process cache and collapser.
#include "cache/redisresponsecache.h"
#include "config/config.h"
#include "lock/redislock.h"
#include "service/enginestats.h"

#include <memory>

namespace mort {

class RedisClient;
class TaskRegistry;

class SharedBackends
{
public:
    SharedBackends(const ServerConfig &server, TaskRegistry *tasks);
    // The lock and cache go before their clients (RedisClient stops its thread last).
    ~SharedBackends();
    SharedBackends(const SharedBackends &) = delete;
    SharedBackends &operator=(const SharedBackends &) = delete;

    RedisResponseCache *cache() const { return m_cache.get(); }
    RedisLock *lock() const { return m_lock.get(); }

    // Backends, reachability, round trip and degradation counters for EngineStats.
    SharedBackendStats stats() const;

private:
    QString m_cacheType;
    QString m_lockType;
    std::shared_ptr<RedisClient> m_cacheClient;
    std::shared_ptr<RedisClient> m_lockClient; // may be the same object as m_cacheClient
    std::unique_ptr<RedisResponseCache> m_cache;
    std::unique_ptr<RedisLock> m_lock;
};

} // namespace mort
