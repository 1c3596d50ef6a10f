#pragma once
// The memory response cache (`cache.type: memory`, http-behaviour.md §7): an
// LRU bounded in bytes. Entries are immutable shared responses, so a hit hands
// out the stored object itself -- no body bytes are copied (seed finding 7:
// Mort copied the response on set and again on every get).
#include "api/cacheentry.h"
#include "cache/cachedresponse.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <list>
#include <vector>

namespace mort {

struct CacheConfig;

// One entry as the cache holds it, for inspection (admin API, studio):
// the row plus the shared response itself (headers and body, no copy).
struct CacheEntryDetail
{
    CacheEntryInfo info;
    SharedResponse response;
};

// Counters for `mort_cache_ratio{status="hit|miss|set"}` and the stats snapshot.
struct ResponseCacheStats
{
    quint64 hits = 0;
    quint64 misses = 0;    // includes expired entries found on lookup
    quint64 sets = 0;      // successful inserts (replacing a key counts)
    quint64 evictions = 0; // dropped to make room (LRU), not expiry or remove()
    quint64 expired = 0;   // dropped because their max-age passed
    quint64 rejected = 0;  // insert refused: too big, ttl <= 0
    qint64 bytes = 0;      // sum of cost() of live entries, always <= capacity
    qint64 items = 0;
    qint64 capacity = 0;
};

class ResponseCache
{
public:
    using Clock = std::function<qint64()>; // milliseconds, monotonic

    // `nowMs` defaults to a monotonic clock; tests inject their own so TTLs
    // expire without sleeping.
    ResponseCache(qint64 capacityBytes, qint64 maxItemBytes, Clock nowMs = {});
    // cacheSize and maxCacheItemBytes() (Mort's 2·N MiB quirk, config.md §2.1).
    explicit ResponseCache(const CacheConfig &config, Clock nowMs = {});
    ~ResponseCache();
    ResponseCache(const ResponseCache &) = delete;
    ResponseCache &operator=(const ResponseCache &) = delete;

    // The stored object itself (nullptr on miss). Counts a hit or a miss; an
    // expired entry is a miss and is dropped.
    SharedResponse get(const QString &key);

    // Stores `response` for `ttlSeconds`. Refused (false, counted as
    // rejected) when ttlSeconds <= 0, the body is >= maxItemBytes(), or the
    // entry alone would not fit in capacity(). Evicts least recently used
    // entries until it fits. Replaces an existing entry for `key`. `url`: the
    // request it answers, kept for inspection (CacheEntryInfo::url); its few
    // bytes are part of the entry's fixed overhead.
    bool insert(const QString &key, SharedResponse response, int ttlSeconds, const QString &url = {});
    // Applies isCacheable() first (TTL from max-age); false when not cacheable.
    bool insert(const QString &key, const HttpResponse &response, const QString &url = {});

    // PUT/DELETE invalidation of the exact key. True when something was removed.
    bool remove(const QString &key);
    void clear();
    // Drops every expired entry now (idle cleanup); returns how many.
    int purgeExpired();

    // Most recently used first; at most `limit` rows (< 0: all). Does not
    // count hits nor change the LRU order.
    QList<CacheEntryInfo> entries(int limit) const;
    // One entry without counting a hit or touching the LRU order; nullopt
    // when `key` is not cached (or expired).
    std::optional<CacheEntryDetail> peek(const QString &key) const;
    ResponseCacheStats stats() const;

    qint64 capacity() const { return m_capacity; }
    qint64 maxItemBytes() const { return m_maxItemBytes; }

private:
    struct Node
    {
        QString key;
        QString url;
        SharedResponse response;
        qint64 cost;
        qint64 insertedMs;
        qint64 expiresMs;
        quint64 hits;
    };
    using NodeList = std::list<Node>;
    // Dropped responses are moved here and destroyed after the mutex is
    // released: freeing a large body never happens under the lock.
    using Released = std::vector<SharedResponse>;

    void unlinkLocked(NodeList::iterator it, Released &released);

    const qint64 m_capacity;
    const qint64 m_maxItemBytes;
    const Clock m_now;

    mutable QMutex m_mutex;
    NodeList m_lru; // front = most recently used
    QHash<QString, NodeList::iterator> m_index;
    qint64 m_bytes = 0;
    quint64 m_hits = 0;
    quint64 m_misses = 0;
    quint64 m_sets = 0;
    quint64 m_evictions = 0;
    quint64 m_expired = 0;
    quint64 m_rejected = 0;
};

} // namespace mort
