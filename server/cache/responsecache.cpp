#include "cache/responsecache.h"

#include "cache/cacheability.h"
#include "config/config.h"

#include <QElapsedTimer>

namespace mort {

namespace {

ResponseCache::Clock monotonicClock()
{
    // One QElapsedTimer per cache, started at construction: monotonic, and
    // immune to wall-clock jumps that would expire or resurrect entries.
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    return [timer] { return timer->elapsed(); };
}

} // namespace

ResponseCache::ResponseCache(qint64 capacityBytes, qint64 maxItemBytes, Clock nowMs)
    : m_capacity(qMax<qint64>(0, capacityBytes)), m_maxItemBytes(qMax<qint64>(0, maxItemBytes)),
      m_now(nowMs ? std::move(nowMs) : monotonicClock())
{
}

ResponseCache::ResponseCache(const CacheConfig &config, Clock nowMs)
    : ResponseCache(config.cacheSize, config.maxCacheItemBytes(), std::move(nowMs))
{
}

ResponseCache::~ResponseCache() = default;

void ResponseCache::unlinkLocked(NodeList::iterator it, Released &released)
{
    m_bytes -= it->cost;
    released.push_back(std::move(it->response));
    m_index.remove(it->key);
    m_lru.erase(it);
}

SharedResponse ResponseCache::get(const QString &key)
{
    const qint64 now = m_now();
    Released released; // destroyed after the locker: outside the lock
    QMutexLocker locker(&m_mutex);
    const auto found = m_index.find(key);
    if (found == m_index.end()) {
        ++m_misses;
        return nullptr;
    }
    const NodeList::iterator it = found.value();
    if (it->expiresMs <= now) {
        ++m_misses;
        ++m_expired;
        unlinkLocked(it, released);
        return nullptr;
    }
    m_lru.splice(m_lru.begin(), m_lru, it);
    ++it->hits;
    ++m_hits;
    return it->response;
}

bool ResponseCache::insert(const QString &key, SharedResponse response, int ttlSeconds, const QString &url)
{
    const qint64 now = m_now();
    Released released;
    QMutexLocker locker(&m_mutex);
    if (!response || ttlSeconds <= 0 || response->body().size() >= m_maxItemBytes || response->cost() > m_capacity) {
        ++m_rejected;
        return false;
    }
    if (const auto found = m_index.find(key); found != m_index.end())
        unlinkLocked(found.value(), released);
    const qint64 cost = response->cost();
    while (m_bytes + cost > m_capacity && !m_lru.empty()) {
        unlinkLocked(std::prev(m_lru.end()), released);
        ++m_evictions;
    }
    m_lru.push_front(Node{key, url, std::move(response), cost, now, now + qint64(ttlSeconds) * 1000, 0});
    m_index.insert(key, m_lru.begin());
    m_bytes += cost;
    ++m_sets;
    return true;
}

bool ResponseCache::insert(const QString &key, const HttpResponse &response, const QString &url)
{
    int ttl = 0;
    if (!isCacheable(response, m_maxItemBytes, &ttl)) {
        QMutexLocker locker(&m_mutex);
        ++m_rejected;
        return false;
    }
    return insert(key, CachedResponse::fromResponse(response), ttl, url);
}

bool ResponseCache::remove(const QString &key)
{
    Released released;
    QMutexLocker locker(&m_mutex);
    const auto found = m_index.find(key);
    if (found == m_index.end())
        return false;
    unlinkLocked(found.value(), released);
    return true;
}

void ResponseCache::clear()
{
    NodeList dropped; // bodies freed after unlock
    {
        QMutexLocker locker(&m_mutex);
        dropped.swap(m_lru);
        m_index.clear();
        m_bytes = 0;
    }
}

int ResponseCache::purgeExpired()
{
    const qint64 now = m_now();
    Released released;
    QMutexLocker locker(&m_mutex);
    int purged = 0;
    for (auto it = m_lru.begin(); it != m_lru.end();) {
        const auto next = std::next(it);
        if (it->expiresMs <= now) {
            unlinkLocked(it, released);
            ++m_expired;
            ++purged;
        }
        it = next;
    }
    return purged;
}

namespace {

template<typename Node>
CacheEntryInfo infoOf(const Node &node, qint64 now)
{
    CacheEntryInfo info;
    info.key = node.key;
    info.url = node.url;
    info.size = node.cost;
    info.bodyBytes = node.response->body().size();
    info.status = node.response->status();
    info.contentType = node.response->contentType();
    info.hits = node.hits;
    info.ageMs = now - node.insertedMs;
    info.ttlMs = node.expiresMs - now;
    return info;
}

} // namespace

QList<CacheEntryInfo> ResponseCache::entries(int limit) const
{
    const qint64 now = m_now();
    QList<CacheEntryInfo> rows;
    QMutexLocker locker(&m_mutex);
    const qsizetype count = limit < 0 ? qsizetype(m_lru.size()) : qMin<qsizetype>(limit, m_lru.size());
    rows.reserve(count);
    for (auto it = m_lru.begin(); it != m_lru.end() && rows.size() < count; ++it)
        rows.append(infoOf(*it, now));
    return rows;
}

std::optional<CacheEntryDetail> ResponseCache::peek(const QString &key) const
{
    const qint64 now = m_now();
    QMutexLocker locker(&m_mutex);
    const auto found = m_index.constFind(key);
    if (found == m_index.constEnd() || (*found)->expiresMs <= now)
        return std::nullopt;
    return CacheEntryDetail{infoOf(**found, now), (*found)->response};
}

ResponseCacheStats ResponseCache::stats() const
{
    QMutexLocker locker(&m_mutex);
    ResponseCacheStats s;
    s.hits = m_hits;
    s.misses = m_misses;
    s.sets = m_sets;
    s.evictions = m_evictions;
    s.expired = m_expired;
    s.rejected = m_rejected;
    s.bytes = m_bytes;
    s.items = qint64(m_lru.size());
    s.capacity = m_capacity;
    return s;
}

} // namespace mort
