// The Redis response cache against a real redis-server (http-behaviour.md §7):
// frames under mort-v1:, TTL from max-age, minUseCount as Mort, item limit,
// compression, bounded stores, and a Redis that is gone.
#include "cache/redisresponsecache.h"
#include "cache/responseframe.h"
#include "config/config.h"
#include "redis/redisclient.h"
#include "redistestserver.h"

#include <QTest>

#include <future>

using namespace mort;
using namespace mort::test;

namespace {

HttpResponse cacheable(QByteArray body, const QByteArray &type = "image/jpeg", int maxAge = 60, int status = 200)
{
    HttpResponse r(status, std::move(body), type);
    r.setHeader("Cache-Control", "max-age=" + QByteArray::number(maxAge));
    return r;
}

RedisCacheLookup lookup(RedisResponseCache &cache, const QString &key)
{
    auto p = std::make_shared<std::promise<RedisCacheLookup>>();
    auto f = p->get_future();
    cache.get(key, [p](RedisCacheLookup l) { p->set_value(std::move(l)); });
    if (f.wait_for(std::chrono::seconds(5)) != std::future_status::ready)
        return {RedisCacheLookup::Status::Unavailable, nullptr};
    return f.get();
}

bool insertAndWait(RedisResponseCache &cache, const QString &key, const HttpResponse &r)
{
    auto p = std::make_shared<std::promise<bool>>();
    auto f = p->get_future();
    if (!cache.insert(key, r, [p](bool ok) { p->set_value(ok); }))
        return false;
    return f.wait_for(std::chrono::seconds(5)) == std::future_status::ready && f.get();
}

} // namespace

class TestRedisResponseCache : public QObject
{
    Q_OBJECT

    RedisTestServer m_server;
    std::shared_ptr<RedisClient> m_client;
    TaskRegistry m_tasks;

    std::unique_ptr<RedisResponseCache> makeCache(quint64 minUseCount = 0, qint64 maxItemMB = 0, int maxStores = 50)
    {
        CacheConfig config;
        config.type = QStringLiteral("redis");
        config.minUseCount = minUseCount;
        config.maxCacheItemSizeMB = maxItemMB;
        return std::make_unique<RedisResponseCache>(m_client, config, &m_tasks, maxStores);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!redisToolsInstalled())
            QSKIP("redis-server/redis-cli not installed (packaging/install-deps.sh installs them)");
        QVERIFY(m_server.start());
        m_client = std::make_shared<RedisClient>(
            RedisOptions::fromConfig("redis", {m_server.address()}, {{"commandTimeoutMs", "300"}}), "cache");
        QTRY_VERIFY_WITH_TIMEOUT(m_client->reachable(), 5000);
    }
    void init() { QCOMPARE(m_server.cli({"FLUSHALL"}), QByteArray("OK")); }
    void cleanup() { QCOMPARE(m_tasks.live(TaskKind::CacheFill), 0); }
    void cleanupTestCase() { m_client.reset(); }

    void storedResponseIsAHitWithMaxAgeAsTtl()
    {
        auto cache = makeCache();
        QVERIFY(insertAndWait(*cache, "media/a.jpg", cacheable("jpegbytes")));
        QCOMPARE(m_server.cli({"EXISTS", "mort-v1:media/a.jpg"}), QByteArray("1"));
        const int pttl = m_server.cli({"PTTL", "mort-v1:media/a.jpg"}).toInt();
        QVERIFY2(pttl > 55'000 && pttl <= 60'000, qPrintable(QString::number(pttl)));
        const RedisCacheLookup hit = lookup(*cache, "media/a.jpg");
        QCOMPARE(hit.status, RedisCacheLookup::Status::Hit);
        QCOMPARE(hit.response->status(), 200);
        QCOMPARE(hit.response->body(), QByteArray("jpegbytes"));
        QCOMPARE(hit.response->header("Cache-Control"), QByteArray("max-age=60"));
        QCOMPARE(lookup(*cache, "media/b.jpg").status, RedisCacheLookup::Status::Miss);
        const RedisCacheStats s = cache->stats();
        QCOMPARE(s.sets, quint64(1));
        QCOMPARE(s.hits, quint64(1));
        QCOMPARE(s.misses, quint64(1));
        cache->remove("media/a.jpg");
        QTRY_COMPARE_WITH_TIMEOUT(m_server.cli({"EXISTS", "mort-v1:media/a.jpg"}), QByteArray("0"), 5000);
    }

    void uncacheableResponsesAreNotStored_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("maxAge");
        QTest::addColumn<qint64>("bodyBytes");
        QTest::newRow("notFound") << 404 << 60 << qint64(10);
        QTest::newRow("noMaxAge") << 200 << 0 << qint64(10);
        // maxCacheItemSizeMB: 1 -> Mort's 2 MiB limit (config.md §2.1 quirk).
        QTest::newRow("atItemLimit") << 200 << 60 << qint64(2 * 1024 * 1024);
    }
    void uncacheableResponsesAreNotStored()
    {
        QFETCH(int, status);
        QFETCH(int, maxAge);
        QFETCH(qint64, bodyBytes);
        auto cache = makeCache(0, 1);
        HttpResponse r = cacheable(QByteArray(bodyBytes, 'x'), "image/jpeg", maxAge, status);
        if (maxAge == 0)
            r.headers.clear();
        QVERIFY(!cache->insert("k", r));
        QCOMPARE(cache->stats().rejected, quint64(1));
        QCOMPARE(m_server.cli({"DBSIZE"}), QByteArray("0"));
        // One byte under the limit is stored.
        if (bodyBytes > 100)
            QVERIFY(insertAndWait(*cache, "k", cacheable(QByteArray(bodyBytes - 1, 'x'))));
    }

    void minUseCountStoresOnTheNthMiss()
    {
        auto cache = makeCache(3);
        QVERIFY(!insertAndWait(*cache, "hot.jpg", cacheable("x")));
        QCOMPARE(m_server.cli({"GET", "countmort-v1:hot.jpg"}), QByteArray("1"));
        const int counterTtl = m_server.cli({"PTTL", "countmort-v1:hot.jpg"}).toInt();
        QVERIFY2(counterTtl > 0, qPrintable(QString::number(counterTtl)));
        QVERIFY(!insertAndWait(*cache, "hot.jpg", cacheable("x")));
        QCOMPARE(m_server.cli({"EXISTS", "mort-v1:hot.jpg"}), QByteArray("0"));
        QVERIFY(insertAndWait(*cache, "hot.jpg", cacheable("x")));
        QCOMPARE(m_server.cli({"EXISTS", "mort-v1:hot.jpg"}), QByteArray("1"));
        QTRY_COMPARE_WITH_TIMEOUT(m_server.cli({"EXISTS", "countmort-v1:hot.jpg"}), QByteArray("0"), 5000);
        QCOMPARE(cache->stats().belowMinUse, quint64(2));
    }

    void compressibleResponsesAreStoredCompressed()
    {
        auto cache = makeCache();
        const QByteArray json = QByteArray("{\"key\": \"value\"}, ").repeated(2000);
        QVERIFY(insertAndWait(*cache, "list.json", cacheable(json, "application/json")));
        const int stored = m_server.cli({"STRLEN", "mort-v1:list.json"}).toInt();
        QVERIFY2(stored < json.size() / 10, qPrintable(QString::number(stored)));
        QCOMPARE(lookup(*cache, "list.json").response->body(), json);
        QCOMPARE(cache->stats().compressed, quint64(1));
    }

    void corruptEntryIsAMiss()
    {
        auto cache = makeCache();
        QCOMPARE(m_server.cli({"SET", "mort-v1:bad", "not a frame"}), QByteArray("OK"));
        QCOMPARE(lookup(*cache, "bad").status, RedisCacheLookup::Status::Miss);
    }

    void storesAreBounded()
    {
        auto cache = makeCache(0, 0, 2);
        QCOMPARE(m_server.cli({"CLIENT", "PAUSE", "200"}), QByteArray("OK"));
        QVERIFY(cache->insert("s1", cacheable("1")));
        QVERIFY(cache->insert("s2", cacheable("2")));
        QVERIFY(!cache->insert("s3", cacheable("3")));
        QCOMPARE(cache->stats().skipped, quint64(1));
        QVERIFY(m_tasks.live(TaskKind::CacheFill) <= 2);
        QTRY_COMPARE_WITH_TIMEOUT(cache->stats().storesInFlight, qint64(0), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_tasks.live(TaskKind::CacheFill), qint64(0), 5000);
    }

    // Last: kills the server. Lookups answer Unavailable within the command
    // timeout, stores give up, nothing stays in flight.
    void redisGoneIsUnavailableNotAHang()
    {
        auto cache = makeCache();
        m_server.kill();
        QTRY_VERIFY_WITH_TIMEOUT(!m_client->reachable(), 5000);
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < 20; ++i)
            QCOMPARE(lookup(*cache, "x").status, RedisCacheLookup::Status::Unavailable);
        QVERIFY(!insertAndWait(*cache, "x", cacheable("x")));
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(cache->stats().unavailable, quint64(21));
        QCOMPARE(cache->stats().storesInFlight, qint64(0));
        QCOMPARE(m_client->stats().pending, qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestRedisResponseCache)
#include "tst_redisresponsecache.moc"
