#pragma once
// The Redis response cache (`cache.type: redis | redis-cluster`,
// http-behaviour.md §7): responses as compact frames (cache/responseframe.h)
// under `mort-v1:` + key with the response's max-age as TTL; `minUseCount` as
// Mort: INCR of `count` + the Redis key, stored on the N-th cacheable miss.
//
// Nothing here blocks: get() answers through a callback on the Redis client's
// thread (post it on). A Redis that is down or slow answers Unavailable within
// the client's command timeout; the engine then serves without a shared cache.
// Stores run in the background, at most `maxConcurrentStores` at a time (Mort:
// 50), each a `cache-fill` task; more are skipped and counted.
#include "cache/cachedresponse.h"
#include "core/taskregistry.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace mort {

class RedisClient;
struct CacheConfig;

struct RedisCacheLookup
{
    enum class Status { Hit, Miss, Unavailable };
    Status status = Status::Miss;
    SharedResponse response; // Hit only
};

struct RedisCacheStats
{
    quint64 hits = 0;
    quint64 misses = 0;      // incl. frames that did not decode
    quint64 unavailable = 0; // lookups or stores Redis did not answer (down, slow, overloaded)
    quint64 sets = 0;        // frames stored
    quint64 rejected = 0;    // not cacheable: status, max-age, size
    quint64 belowMinUse = 0; // counted towards minUseCount, not stored yet
    quint64 skipped = 0;     // store refused: maxConcurrentStores already running
    quint64 compressed = 0;  // stored frames that zlib made smaller
    qint64 storedBytes = 0;  // frame bytes sent by SET, total
    qint64 rawBytes = 0;     // the same responses uncompressed, total
    qint64 storesInFlight = 0;
};

class RedisResponseCache
{
public:
    using LookupCallback = std::function<void(RedisCacheLookup)>;

    RedisResponseCache(std::shared_ptr<RedisClient> client, const CacheConfig &config, TaskRegistry *tasks,
                       int maxConcurrentStores = 50);
    ~RedisResponseCache();

    static QByteArray redisKey(const QString &key);

    // Any thread; `callback` runs once on the Redis thread.
    void get(const QString &key, LookupCallback callback);
    // Applies isCacheable() (2xx, max-age > 0, size below maxCacheItemBytes)
    // and minUseCount, then stores in the background. False when refused at
    // once (not cacheable, store bound); `done` (optional, Redis thread) tells
    // whether the frame was stored.
    bool insert(const QString &key, const HttpResponse &response, std::function<void(bool)> done = {});
    bool insert(const QString &key, const SharedResponse &response, int ttlSeconds,
                std::function<void(bool)> done = {});
    // PUT/DELETE invalidation of the exact key (fire and forget).
    void remove(const QString &key);

    RedisCacheStats stats() const;
    qint64 maxItemBytes() const { return m_maxItemBytes; }
    RedisClient &client() const { return *m_client; }

private:
    struct Counters;
    // Static: runs from Redis callbacks, which may outlive this object (never the client).
    static void store(RedisClient *client, const std::shared_ptr<Counters> &counters, const QByteArray &redisKey,
                      const SharedResponse &response, int ttlSeconds, std::shared_ptr<TaskScope> scope,
                      std::function<void(bool)> done);

    std::shared_ptr<RedisClient> m_client;
    TaskRegistry *m_tasks;
    const qint64 m_maxItemBytes;
    const quint64 m_minUseCount;
    const int m_maxConcurrentStores;
    std::shared_ptr<Counters> m_counters;
};

} // namespace mort
