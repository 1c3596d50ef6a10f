#include "cache/redisresponsecache.h"

#include "cache/cacheability.h"
#include "cache/responseframe.h"
#include "config/config.h"
#include "redis/redisclient.h"

namespace mort {

namespace {
// A minUseCount counter nobody completes is dropped after a day (Mort's never
// expired: one key per distinct URL, forever).
constexpr qint64 kUseCounterTtlMs = 24LL * 3600 * 1000;
// Frame overhead over the body that get() still accepts (headers).
constexpr qint64 kHeaderAllowance = 256 * 1024;
} // namespace

struct RedisResponseCache::Counters
{
    std::atomic<quint64> hits{0}, misses{0}, unavailable{0}, sets{0}, rejected{0}, belowMinUse{0}, skipped{0},
        compressed{0};
    std::atomic<qint64> storedBytes{0}, rawBytes{0}, storesInFlight{0};
};

RedisResponseCache::RedisResponseCache(std::shared_ptr<RedisClient> client, const CacheConfig &config,
                                       TaskRegistry *tasks, int maxConcurrentStores)
    : m_client(std::move(client)), m_tasks(tasks), m_maxItemBytes(config.maxCacheItemBytes()),
      m_minUseCount(config.minUseCount), m_maxConcurrentStores(std::max(1, maxConcurrentStores)),
      m_counters(std::make_shared<Counters>())
{
}

RedisResponseCache::~RedisResponseCache() = default;

QByteArray RedisResponseCache::redisKey(const QString &key)
{
    return QByteArrayLiteral("mort-v1:") + key.toUtf8();
}

void RedisResponseCache::get(const QString &key, LookupCallback callback)
{
    const QByteArray rkey = redisKey(key);
    m_client->command(rkey, {QByteArrayLiteral("GET"), rkey},
                      [counters = m_counters, maxBytes = m_maxItemBytes + kHeaderAllowance,
                       callback = std::move(callback)](RedisResult r) {
                          RedisCacheLookup out;
                          if (!r.ok()) {
                              counters->unavailable.fetch_add(1, std::memory_order_relaxed);
                              out.status = RedisCacheLookup::Status::Unavailable;
                          } else if (r.reply.type == RedisReply::Type::String
                                     && (out.response = decodeResponseFrame(r.reply.str, maxBytes))) {
                              counters->hits.fetch_add(1, std::memory_order_relaxed);
                              out.status = RedisCacheLookup::Status::Hit;
                          } else {
                              counters->misses.fetch_add(1, std::memory_order_relaxed);
                              out.status = RedisCacheLookup::Status::Miss;
                          }
                          callback(std::move(out));
                      });
}

bool RedisResponseCache::insert(const QString &key, const HttpResponse &response, std::function<void(bool)> done)
{
    int ttl = 0;
    if (response.stream || !isCacheable(response, m_maxItemBytes, &ttl)) {
        m_counters->rejected.fetch_add(1, std::memory_order_relaxed);
        return false;
    }
    return insert(key, CachedResponse::fromResponse(response), ttl, std::move(done));
}

bool RedisResponseCache::insert(const QString &key, const SharedResponse &response, int ttlSeconds,
                                std::function<void(bool)> done)
{
    if (!response || ttlSeconds <= 0 || response->body().size() >= m_maxItemBytes) {
        m_counters->rejected.fetch_add(1, std::memory_order_relaxed);
        return false;
    }
    // Bounded background: never more than maxConcurrentStores frames on their way.
    qint64 inFlight = m_counters->storesInFlight.load(std::memory_order_relaxed);
    do {
        if (inFlight >= m_maxConcurrentStores) {
            m_counters->skipped.fetch_add(1, std::memory_order_relaxed);
            return false;
        }
    } while (!m_counters->storesInFlight.compare_exchange_weak(inFlight, inFlight + 1, std::memory_order_relaxed));
    auto scope = std::make_shared<TaskScope>(m_tasks, TaskKind::CacheFill);
    const QByteArray rkey = redisKey(key);
    if (m_minUseCount <= 1) {
        store(m_client.get(), m_counters, rkey, response, ttlSeconds, std::move(scope), std::move(done));
        return true;
    }
    // Mort: INCR "count"+key; stored (and the counter deleted) on the N-th miss.
    const QByteArray countKey = QByteArrayLiteral("count") + rkey;
    m_client->command(countKey, {QByteArrayLiteral("INCR"), countKey},
                      // A raw client pointer: callbacks run only while the client lives, and a
                      // shared_ptr released here could destroy the client on its own thread.
                      [counters = m_counters, client = m_client.get(), rkey, countKey, response, ttlSeconds, scope,
                       done = std::move(done), threshold = m_minUseCount](RedisResult r) mutable {
                          if (!r.ok() || r.reply.type != RedisReply::Type::Integer) {
                              counters->unavailable.fetch_add(1, std::memory_order_relaxed);
                              counters->storesInFlight.fetch_sub(1, std::memory_order_relaxed);
                              if (done)
                                  done(false);
                              return;
                          }
                          const long long n = r.reply.integer;
                          if (quint64(std::max(0LL, n)) < threshold) {
                              if (n == 1)
                                  client->command(
                                      countKey,
                                      {QByteArrayLiteral("PEXPIRE"), countKey, QByteArray::number(kUseCounterTtlMs)},
                                      [](RedisResult) {});
                              counters->belowMinUse.fetch_add(1, std::memory_order_relaxed);
                              counters->storesInFlight.fetch_sub(1, std::memory_order_relaxed);
                              if (done)
                                  done(false);
                              return;
                          }
                          client->command(countKey, {QByteArrayLiteral("DEL"), countKey}, [](RedisResult) {});
                          store(client, counters, rkey, response, ttlSeconds, std::move(scope), std::move(done));
                      });
    return true;
}

void RedisResponseCache::store(RedisClient *client, const std::shared_ptr<Counters> &counters, const QByteArray &rkey,
                               const SharedResponse &response, int ttlSeconds, std::shared_ptr<TaskScope> scope,
                               std::function<void(bool)> done)
{
    ResponseFrameInfo info;
    QByteArray frame = encodeResponseFrame(*response, &info);
    client->command(
        rkey,
        {QByteArrayLiteral("SET"), rkey, frame, QByteArrayLiteral("PX"), QByteArray::number(qint64(ttlSeconds) * 1000)},
        [counters, info, scope = std::move(scope), done = std::move(done)](RedisResult r) {
            const bool ok = r.ok() && r.reply.isOk();
            if (ok) {
                counters->sets.fetch_add(1, std::memory_order_relaxed);
                counters->storedBytes.fetch_add(info.storedBytes, std::memory_order_relaxed);
                counters->rawBytes.fetch_add(info.rawBytes, std::memory_order_relaxed);
                if (info.compressed)
                    counters->compressed.fetch_add(1, std::memory_order_relaxed);
            } else {
                counters->unavailable.fetch_add(1, std::memory_order_relaxed);
            }
            counters->storesInFlight.fetch_sub(1, std::memory_order_relaxed);
            scope->release();
            if (done)
                done(ok);
        });
}

void RedisResponseCache::remove(const QString &key)
{
    const QByteArray rkey = redisKey(key);
    m_client->command(rkey, {QByteArrayLiteral("DEL"), rkey}, [counters = m_counters](RedisResult r) {
        if (!r.ok())
            counters->unavailable.fetch_add(1, std::memory_order_relaxed);
    });
}

RedisCacheStats RedisResponseCache::stats() const
{
    const Counters &c = *m_counters;
    RedisCacheStats s;
    s.hits = c.hits.load(std::memory_order_relaxed);
    s.misses = c.misses.load(std::memory_order_relaxed);
    s.unavailable = c.unavailable.load(std::memory_order_relaxed);
    s.sets = c.sets.load(std::memory_order_relaxed);
    s.rejected = c.rejected.load(std::memory_order_relaxed);
    s.belowMinUse = c.belowMinUse.load(std::memory_order_relaxed);
    s.skipped = c.skipped.load(std::memory_order_relaxed);
    s.compressed = c.compressed.load(std::memory_order_relaxed);
    s.storedBytes = c.storedBytes.load(std::memory_order_relaxed);
    s.rawBytes = c.rawBytes.load(std::memory_order_relaxed);
    s.storesInFlight = c.storesInFlight.load(std::memory_order_relaxed);
    return s;
}

} // namespace mort
