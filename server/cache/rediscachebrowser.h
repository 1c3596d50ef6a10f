#pragma once
// The Redis response cache (redisresponsecache.h) as the admin API and the
// studio's cache browser see it: a bounded SCAN of its entries, one entry's
// frame, evicting one. Blocking: call from a worker thread (the admin job
// pool, the studio's engine calls), never from the HTTP or the Redis client's
// thread; every wait has a deadline. Lists one Redis node (`cache.type: redis`
// with one address); a ring or a cluster is refused with a reason.
#include "api/cacheentry.h"
#include "cache/responsecache.h"
#include "core/expected.h"

#include <QString>

namespace mort {

class RedisClient;

class RedisCacheBrowser
{
public:
    static constexpr int kMaxScanCalls = 64; // SCAN round trips per listing
    static constexpr int kScanCount = 256;   // COUNT hint of each
    static constexpr int kMaxRows = 1000;    // entries listed at most
    static constexpr int kDefaultWaitMs = 2000;

    explicit RedisCacheBrowser(RedisClient &client, int waitMs = kDefaultWaitMs) : m_client(client), m_waitMs(waitMs) {}

    // Entries under `mort-v1:` (not the lock's keys), at most min(limit,
    // kMaxRows), each with backend "redis", its frame size, remaining TTL,
    // status and content type (read from the frame's head, not its body).
    Expected<QList<CacheEntryInfo>> list(int limit) const;
    // One entry, decoded (at most `maxDecodedBytes`); 404 when it is not there.
    Expected<CacheEntryDetail> entry(const QString &key, qint64 maxDecodedBytes) const;
    // DEL of the entry; whether it was there.
    Expected<bool> evict(const QString &key) const;

private:
    RedisClient &m_client;
    const int m_waitMs;
};

} // namespace mort
