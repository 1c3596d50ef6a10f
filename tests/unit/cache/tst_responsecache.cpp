// The memory response cache (http-behaviour.md §7, DESIGN §3).
#include "cache/responsecache.h"

#include "cache/cacheability.h"
#include "config/config.h"

#include <QRandomGenerator>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace mort;

namespace {

constexpr qint64 kOverhead = CachedResponse::kEntryOverheadBytes;

// A body whose allocation equals its length, so cost = bytes + overhead.
SharedResponse bodyOf(qint64 bytes, char fill = 'x')
{
    return CachedResponse::create(200, {}, QByteArray(bytes, fill));
}

HttpResponse cacheableResponse(QByteArray body, int maxAge = 60)
{
    HttpResponse r(200, std::move(body), "image/jpeg");
    r.setHeader("Cache-Control", "max-age=" + QByteArray::number(maxAge));
    return r;
}

struct FakeClock
{
    std::shared_ptr<std::atomic<qint64>> now = std::make_shared<std::atomic<qint64>>(0);
    ResponseCache::Clock fn() const
    {
        auto n = now;
        return [n] { return n->load(); };
    }
};

} // namespace

class TestResponseCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void costIsBodyHeadersAndOverheadCountedOnce()
    {
        const auto r =
            CachedResponse::create(200, {{"Content-Type", "image/png"}, {"ETag", "\"abc\""}}, QByteArray(1000, 'x'));
        QCOMPARE(r->headerBytes(), qint64(12 + 9 + 4 + 5));
        QCOMPARE(r->cost(), qint64(1000 + 30 + kOverhead));
    }

    void costChargesTheBodyAllocationNotItsLength()
    {
        QByteArray grown;
        grown.reserve(8192);
        grown.append("abc");
        QVERIFY(grown.capacity() >= 8192);
        const auto r = CachedResponse::create(200, {}, grown);
        QCOMPARE(r->cost(), qint64(grown.capacity()) + kOverhead);
    }

    void lruEvictsLeastRecentlyUsedByBytes()
    {
        const qint64 unit = 1000 + kOverhead; // cost of a 1000-byte body
        ResponseCache cache(3 * unit, 1 << 20);
        QVERIFY(cache.insert("a", bodyOf(1000), 60));
        QVERIFY(cache.insert("b", bodyOf(1000), 60));
        QVERIFY(cache.insert("c", bodyOf(1000), 60));
        QCOMPARE(cache.stats().bytes, 3 * unit);

        QVERIFY(cache.get("a")); // a is now the most recently used; b the least
        QVERIFY(cache.insert("d", bodyOf(1000), 60));
        QVERIFY(!cache.get("b"));
        QCOMPARE(cache.stats().evictions, 1u);

        // Order now (MRU first): d, a, c. An entry costing two units evicts c and a.
        QVERIFY(cache.insert("big", bodyOf(2 * unit - kOverhead), 60));
        const auto rows = cache.entries(-1);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).key, QStringLiteral("big"));
        QCOMPARE(rows.at(1).key, QStringLiteral("d"));
        const auto s = cache.stats();
        QCOMPARE(s.evictions, 3u);
        QCOMPARE(s.bytes, 3 * unit);
        QCOMPARE(s.items, 2);
        QCOMPARE(s.sets, 5u);
    }

    void replacingAKeyRechargesItsBytes()
    {
        ResponseCache cache(100000, 1 << 20);
        QVERIFY(cache.insert("k", bodyOf(1000), 60));
        QVERIFY(cache.insert("k", bodyOf(300), 60));
        const auto s = cache.stats();
        QCOMPARE(s.items, 1);
        QCOMPARE(s.bytes, 300 + kOverhead);
        QCOMPARE(s.evictions, 0u);
        QCOMPARE(cache.get("k")->body().size(), 300);
    }

    void itemSizeLimitIsExclusive()
    {
        ResponseCache cache(1 << 20, 1000);
        QVERIFY(cache.insert("below", bodyOf(999), 60));
        QVERIFY(!cache.insert("at", bodyOf(1000), 60));
        QVERIFY(!cache.insert("above", bodyOf(5000), 60));
        QVERIFY(!cache.get("at"));
        const auto s = cache.stats();
        QCOMPARE(s.items, 1);
        QCOMPARE(s.rejected, 2u);
        QCOMPARE(s.sets, 1u);
    }

    void entryLargerThanCapacityIsRefusedWithoutFlushingTheCache()
    {
        ResponseCache cache(2000, 1 << 20);
        QVERIFY(cache.insert("small", bodyOf(100), 60));
        QVERIFY(!cache.insert("huge", bodyOf(1700), 60)); // 1700 + 350 > 2000
        QVERIFY(cache.get("small"));
        QCOMPARE(cache.stats().evictions, 0u);
    }

    void mortDoublesMaxCacheItemSizeMB()
    {
        // config.md §2.1: maxCacheItemSizeMB N means 2·N MiB; unset means 10 MiB.
        CacheConfig config;
        config.cacheSize = 64 << 20;
        QCOMPARE(ResponseCache(config).maxItemBytes(), qint64(10 << 20));

        config.maxCacheItemSizeMB = 1;
        ResponseCache cache(config);
        QCOMPARE(cache.capacity(), qint64(64 << 20));
        QCOMPARE(cache.maxItemBytes(), qint64(2 << 20));
        QVERIFY(cache.insert("1.5MiB", bodyOf(3 << 19), 60)); // above N MiB, below 2·N
        QVERIFY(!cache.insert("2MiB", bodyOf(2 << 20), 60));
        QVERIFY(cache.insert("2MiB-1", bodyOf((2 << 20) - 1), 60));
    }

    void ttlExpiresWithoutSleeping()
    {
        FakeClock clock;
        ResponseCache cache(1 << 20, 1 << 20, clock.fn());
        QVERIFY(cache.insert("k", bodyOf(10), 10));
        clock.now->store(9999);
        QVERIFY(cache.get("k"));
        clock.now->store(10000);
        QVERIFY(!cache.get("k"));
        const auto s = cache.stats();
        QCOMPARE(s.hits, 1u);
        QCOMPARE(s.misses, 1u);
        QCOMPARE(s.expired, 1u);
        QCOMPARE(s.items, 0);
        QCOMPARE(s.bytes, 0);
    }

    void ttlComesFromMaxAge()
    {
        FakeClock clock;
        ResponseCache cache(1 << 20, 1 << 20, clock.fn());
        QVERIFY(cache.insert("k", cacheableResponse("body", 3)));
        QCOMPARE(cache.entries(1).at(0).ttlMs, 3000);
        clock.now->store(2999);
        QVERIFY(cache.get("k"));
        clock.now->store(3000);
        QVERIFY(!cache.get("k"));
    }

    void uncacheableResponseIsNotInserted()
    {
        ResponseCache cache(1 << 20, 1 << 20);
        HttpResponse noMaxAge(200, "x", "text/plain");
        QVERIFY(!cache.insert("a", noMaxAge));
        HttpResponse notFound = cacheableResponse("x");
        notFound.status = 404;
        QVERIFY(!cache.insert("b", notFound));
        QVERIFY(!cache.insert("c", bodyOf(10), 0));
        const auto s = cache.stats();
        QCOMPARE(s.items, 0);
        QCOMPARE(s.rejected, 3u);
        QCOMPARE(s.sets, 0u);
    }

    void purgeExpiredDropsOnlyExpired()
    {
        FakeClock clock;
        ResponseCache cache(1 << 20, 1 << 20, clock.fn());
        QVERIFY(cache.insert("short", bodyOf(10), 1));
        QVERIFY(cache.insert("long", bodyOf(20), 100));
        clock.now->store(1000);
        QCOMPARE(cache.purgeExpired(), 1);
        QCOMPARE(cache.stats().items, 1);
        QCOMPARE(cache.stats().bytes, 20 + kOverhead);
        QVERIFY(cache.get("long"));
    }

    void hitSharesTheInsertedBodyBytes()
    {
        // The allocation-level proof of "cache hit = refcount bump": the body
        // pointer of the inserted response and of every hit is the same.
        ResponseCache cache(4 << 20, 4 << 20);
        const HttpResponse original = cacheableResponse(QByteArray(1 << 20, 'z'));
        const char *bytes = original.body.constData();
        QVERIFY(cache.insert("img", original));

        const SharedResponse hit1 = cache.get("img");
        const SharedResponse hit2 = cache.get("img");
        QVERIFY(hit1);
        QCOMPARE(hit1.get(), hit2.get());
        QCOMPARE(hit1->body().constData(), bytes);
        QCOMPARE(hit2->body().constData(), bytes);
        // Handing it to the transport shares the bytes too.
        const HttpResponse sent = hit1->toHttpResponse();
        QCOMPARE(sent.body.constData(), bytes);
        QCOMPARE(sent.header("Cache-Control"), QByteArray("max-age=60"));
        QCOMPARE(cache.stats().hits, 2u);
    }

    void immutableEntrySurvivesCallerMutation()
    {
        ResponseCache cache(1 << 20, 1 << 20);
        HttpResponse mine = cacheableResponse("original");
        QVERIFY(cache.insert("k", mine));
        mine.body[0] = 'X'; // detaches the caller's copy only
        mine.setHeader("Cache-Control", "no-cache");
        HttpResponse served = cache.get("k")->toHttpResponse();
        served.body.append("!"); // a plugin decorating its copy
        const auto again = cache.get("k");
        QCOMPARE(again->body(), QByteArray("original"));
        QCOMPARE(again->header("Cache-Control"), QByteArray("max-age=60"));
    }

    void removeAndClear()
    {
        ResponseCache cache(1 << 20, 1 << 20);
        QVERIFY(cache.insert("bucket/a.jpg", bodyOf(10), 60));
        QVERIFY(cache.insert("bucket/a.jpgbytes=0-1", bodyOf(2), 60));
        QVERIFY(cache.remove("bucket/a.jpg"));
        QVERIFY(!cache.remove("bucket/a.jpg"));
        QVERIFY(cache.get("bucket/a.jpgbytes=0-1")); // Range variants are separate keys (spec §7)
        QCOMPARE(cache.stats().bytes, 2 + kOverhead);
        cache.clear();
        const auto s = cache.stats();
        QCOMPARE(s.items, 0);
        QCOMPARE(s.bytes, 0);
        QVERIFY(cache.entries(-1).isEmpty());
    }

    void entriesListMostRecentFirstWithoutTouching()
    {
        FakeClock clock;
        ResponseCache cache(1 << 20, 1 << 20, clock.fn());
        QVERIFY(cache.insert("first", CachedResponse::create(200, {{"Content-Type", "image/png"}}, "png"), 60));
        clock.now->store(500);
        QVERIFY(cache.insert("second", CachedResponse::create(206, {{"content-type", "image/webp"}}, "webp!"), 60));
        clock.now->store(700);
        QVERIFY(cache.get("first"));
        QVERIFY(cache.get("first"));
        clock.now->store(1000);

        const auto rows = cache.entries(10);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).key, QStringLiteral("first"));
        QCOMPARE(rows.at(0).hits, 2u);
        QCOMPARE(rows.at(0).ageMs, 1000);
        QCOMPARE(rows.at(0).ttlMs, 59000);
        QCOMPARE(rows.at(0).contentType, QByteArray("image/png"));
        QCOMPARE(rows.at(0).status, 200);
        QCOMPARE(rows.at(0).bodyBytes, 3);
        QCOMPARE(rows.at(0).size, 3 + 12 + 9 + kOverhead);
        QCOMPARE(rows.at(1).key, QStringLiteral("second"));
        QCOMPARE(rows.at(1).hits, 0u);
        QCOMPARE(rows.at(1).ageMs, 500);
        QCOMPARE(rows.at(1).contentType, QByteArray("image/webp"));

        QCOMPARE(cache.entries(1).size(), 1);
        QCOMPARE(cache.entries(0).size(), 0);
        QCOMPARE(cache.stats().hits, 2u); // listing counted nothing
        // Listing did not reorder: "second" is still the LRU victim. Fill
        // exactly what is left beside "first".
        const qint64 firstCost = rows.at(0).size;
        QVERIFY(cache.insert("filler", bodyOf(cache.capacity() - firstCost - kOverhead), 60));
        QCOMPARE(cache.stats().evictions, 1u);
        QVERIFY(!cache.get("second"));
        QVERIFY(cache.get("first"));
        QCOMPARE(cache.stats().bytes, cache.capacity());
    }

    void entryKeepsTheRequestItAnswers()
    {
        ResponseCache cache(1 << 20, 1 << 20);
        QVERIFY(cache.insert("transform:demo/1f2e", cacheableResponse("small"), QStringLiteral("/demo/small/a.jpg")));
        QVERIFY(cache.insert("transform:demo/9c4b", bodyOf(10), 60, QStringLiteral("/demo/medium/a.jpg")));
        QVERIFY(cache.insert("rendered", bodyOf(10), 60)); // no request: a placeholder render
        const auto rows = cache.entries(-1);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).url, QString());
        QCOMPARE(rows.at(1).url, QStringLiteral("/demo/medium/a.jpg"));
        QCOMPARE(rows.at(2).url, QStringLiteral("/demo/small/a.jpg"));
        QCOMPARE(cache.peek("transform:demo/1f2e")->info.url, QStringLiteral("/demo/small/a.jpg"));
        // Replacing an entry takes the new request's URL.
        QVERIFY(cache.insert("transform:demo/1f2e", bodyOf(10), 60, QStringLiteral("/demo/small/a.jpg?v=2")));
        QCOMPARE(cache.peek("transform:demo/1f2e")->info.url, QStringLiteral("/demo/small/a.jpg?v=2"));
    }

    void concurrentHammerNeverExceedsCapacity()
    {
        const qint64 capacity = 64 * 1024;
        ResponseCache cache(capacity, 16 * 1024);
        std::atomic<bool> overCapacity{false};
        std::atomic<bool> stop{false};
        std::atomic<quint64> observations{0};

        std::thread observer([&] {
            while (!stop.load()) {
                const auto s = cache.stats();
                if (s.bytes > capacity || s.bytes < 0)
                    overCapacity = true;
                ++observations;
            }
        });
        std::vector<std::thread> workers;
        for (int t = 0; t < 4; ++t) {
            workers.emplace_back([&, t] {
                QRandomGenerator rng(1234 + t);
                for (int i = 0; i < 20000; ++i) {
                    const QString key = QString::number(rng.bounded(200));
                    switch (rng.bounded(5)) {
                    case 0:
                    case 1: cache.insert(key, bodyOf(rng.bounded(1, 12 * 1024)), 60); break;
                    case 2:
                    case 3:
                        if (const auto r = cache.get(key); r && r->status() != 200)
                            overCapacity = true;
                        break;
                    default:
                        if (rng.bounded(50) == 0)
                            cache.remove(key);
                        else
                            cache.entries(5);
                        break;
                    }
                    if (cache.stats().bytes > capacity)
                        overCapacity = true;
                }
            });
        }
        for (auto &w : workers)
            w.join();
        stop = true;
        observer.join();

        QVERIFY(!overCapacity.load());
        QVERIFY(observations.load() > 0);
        // Bookkeeping is exact: the byte counter equals the sum of the entries.
        const auto rows = cache.entries(-1);
        qint64 sum = 0;
        for (const auto &row : rows)
            sum += row.size;
        const auto s = cache.stats();
        QCOMPARE(s.bytes, sum);
        QCOMPARE(s.items, rows.size());
        QVERIFY(s.bytes <= capacity);
        QVERIFY(s.evictions > 0);
    }
};

QTEST_GUILESS_MAIN(TestResponseCache)
#include "tst_responsecache.moc"
