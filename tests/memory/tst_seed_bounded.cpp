// Seed findings about containers that grew without bound: 1 (storage client
// cache), 5 (background cache/store goroutines), 8 (cache entry size). Each
// test fails if the bound is lifted or the size accounting drifts.
// Coverage: 1, 5, 8 fully (finding 19 -- clients closed -- lives in
// tst_seed_storage.cpp, where storage instances can be counted).
#include "seedsupport.h"

#include "cache/cachedresponse.h"

#include <QSemaphore>

#include <memory>
#include <vector>

using namespace mort;
using namespace mort::test;

namespace {

StorageConfig noopConfig(int i)
{
    StorageConfig c;
    c.name = QStringLiteral("basic");
    c.kind = QStringLiteral("noop");
    c.extra.insert(QStringLiteral("tenant"), QString::number(i)); // a distinct storage config per i
    return c;
}

} // namespace

class TestSeedBounded : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Finding 1: Mort's global `storageCache` map kept one client per storage
    // config forever. Rule: a bounded LRU keyed by the config fingerprint. Proves:
    // after 500 distinct configs the cache holds <= capacity clients, every
    // evicted client is really gone (no one else keeps it) and a cached config
    // is served without creating a new client.
    void finding01_storageClientCacheIsBounded()
    {
        constexpr int kCapacity = 8;
        constexpr int kConfigs = 500;
        StorageClientCache cache(kCapacity);
        std::vector<std::weak_ptr<Storage>> made;
        for (int i = 0; i < kConfigs; ++i) {
            auto client = cache.client(noopConfig(i), QStringLiteral("bucket"));
            QVERIFY(client.ok());
            made.push_back(*client);
            QVERIFY2(cache.size() <= kCapacity,
                     qPrintable(QStringLiteral("size %1 after %2 configs").arg(cache.size()).arg(i + 1)));
        }
        int alive = 0;
        for (const auto &w : made)
            alive += w.expired() ? 0 : 1;
        QCOMPARE(cache.size(), kCapacity);
        QCOMPARE(alive, kCapacity); // evicted clients were destroyed, not parked somewhere
        QCOMPARE(cache.createdCount(), quint64(kConfigs));
        QCOMPARE(cache.evictedCount(), quint64(kConfigs - kCapacity));

        // The most recent config is a hit: same client, nothing created.
        auto again = cache.client(noopConfig(kConfigs - 1), QStringLiteral("bucket"));
        QVERIFY(again.ok());
        QCOMPARE(again->get(), made.back().lock().get());
        QCOMPARE(cache.createdCount(), quint64(kConfigs));
    }

    // Finding 5: Mort started one goroutine per cache set/store, unbounded, each
    // holding a copy of the response. Rule: a bounded background queue; overflow
    // is dropped and counted. Proves: under a flood of 5000 posts while workers
    // are blocked, pending never exceeds capacity, the rest are dropped and
    // counted, dropped jobs release their payload at once (only accepted jobs
    // hold it), and the Background task count returns to 0.
    void finding05_backgroundQueueIsBoundedUnderFlood()
    {
        constexpr int kCapacity = 16;
        constexpr int kFlood = 5000;
        TaskRegistry tasks;
        QSemaphore gate; // workers block here until the flood is over
        QSemaphore started;
        auto payload = std::make_shared<QByteArray>(64 * 1024, 'p'); // stands in for a response body
        {
            BackgroundQueue queue(kCapacity, 2, &tasks);
            // Opens the gate on every exit (also a failed QCOMPARE) before ~BackgroundQueue waits.
            struct OpenGate
            {
                QSemaphore &gate;
                ~OpenGate() { gate.release(kFlood); }
            } openGate{gate};
            int accepted = 0;
            qint64 maxPending = 0;
            for (int i = 0; i < kFlood; ++i) {
                accepted += queue.post([&gate, &started, payload] {
                    started.release();
                    gate.acquire();
                    Q_UNUSED(payload);
                })
                    ? 1
                    : 0;
                maxPending = qMax(maxPending, queue.pending());
            }
            QVERIFY(started.tryAcquire(2, 10000)); // both workers are busy: nothing drained during the flood
            QCOMPARE(accepted, kCapacity);
            QVERIFY2(maxPending <= kCapacity, qPrintable(QStringLiteral("pending reached %1").arg(maxPending)));
            QCOMPARE(queue.dropped(), quint64(kFlood - kCapacity));
            QCOMPARE(tasks.live(TaskKind::Background), qint64(kCapacity));
            // 1 (ours) + one per accepted job: dropped jobs did not keep the payload.
            QCOMPARE(payload.use_count(), long(1 + kCapacity));

            gate.release(kFlood);
            queue.waitForIdle(10000);
            QCOMPARE(queue.pending(), qint64(0));
            QCOMPARE(queue.completed(), quint64(kCapacity));
        }
        QCOMPARE(tasks.live(TaskKind::Background), qint64(0));
        QCOMPARE(tasks.liveTotal(), qint64(0));
        QCOMPARE(payload.use_count(), long(1));
    }

    // Finding 8: Mort's Size() re-read the body and re-walked the headers on
    // every eviction check (and counted len, not the allocation). Rule: the
    // cost is computed once at creation and charges the body's allocation. Proves:
    // cost() = capacity + header bytes + 350 (a body with spare capacity pins it),
    // the cache's byte total is exactly the sum of its entries' costs after each
    // of 300 inserts and never exceeds capacity.
    void finding08_cacheEntrySizeIsComputedOnceAndBytesBounded()
    {
        QByteArray grown(16, 'g');
        grown.reserve(256 * 1024); // 16 bytes used, 256 KiB pinned
        const HttpHeaders headers{{"Content-Type", "image/jpeg"}, {"Cache-Control", "max-age=60"}};
        const SharedResponse entry = CachedResponse::create(200, headers, grown);
        qint64 headerBytes = 0;
        for (const auto &h : headers)
            headerBytes += h.first.size() + h.second.size();
        QCOMPARE(entry->headerBytes(), headerBytes);
        QCOMPARE(entry->cost(), grown.capacity() + headerBytes + CachedResponse::kEntryOverheadBytes);
        QVERIFY(entry->cost() >= 256 * 1024);

        constexpr qint64 kCapacity = 1 << 20;
        ResponseCache cache(kCapacity, 512 * 1024);
        for (int i = 0; i < 300; ++i) {
            const qsizetype size = 1000 + (i * 7919) % 200000;
            const SharedResponse r = CachedResponse::create(200, headers, QByteArray(size, char('a' + i % 26)));
            QVERIFY(cache.insert(QStringLiteral("k%1").arg(i), r, 60));
            const ResponseCacheStats s = cache.stats();
            qint64 sum = 0;
            for (const CacheEntryInfo &e : cache.entries(-1))
                sum += e.size;
            QVERIFY2(s.bytes <= kCapacity, qPrintable(QStringLiteral("bytes %1 > capacity").arg(s.bytes)));
            QCOMPARE(s.bytes, sum);
        }
        QVERIFY(cache.stats().evictions > 0);
        // An entry that alone exceeds the capacity is refused, not squeezed in.
        QVERIFY(!cache.insert(QStringLiteral("huge"), CachedResponse::create(200, headers, QByteArray(kCapacity, 'h')),
                              60));
        QVERIFY(cache.stats().bytes <= kCapacity);
    }

    // Finding 8, end to end: the engine's response cache stays within cacheSize
    // while 40 distinct cacheable originals (~115 KB each, 4.6 MB in total) are
    // served through a 1 MiB cache.
    void finding08_engineResponseCacheStaysWithinCacheSize()
    {
        TestServer server;
        for (int i = 0; i < 40; ++i)
            QVERIFY(server.addFile(QStringLiteral("photos/photo_800x600.jpg"),
                                   QStringLiteral("originals/b/p%1.jpg").arg(i)));
        MORT_START(server, QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "localhost:0"
  cache:
    type: memory
    cacheSize: 1048576
headers:
  - statusCodes: [200]
    values: {"cache-control": "max-age=600, public"}
buckets:
  b:
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
)yaml"));
        RawHttpClient client(server.address());
        for (int i = 0; i < 40; ++i) {
            const Reply r = client.request("GET", "/b/p" + QByteArray::number(i) + ".jpg");
            QCOMPARE(r.status, 200);
            const ResponseCacheStats s = server.engine().responseCache().stats();
            QVERIFY2(s.bytes <= s.capacity,
                     qPrintable(QStringLiteral("cache bytes %1 > %2").arg(s.bytes).arg(s.capacity)));
        }
        const ResponseCacheStats s = server.engine().responseCache().stats();
        QCOMPARE(s.capacity, qint64(1048576));
        QVERIFY(s.sets >= 40);
        QVERIFY(s.evictions > 0);
        QVERIFY(s.items < 40);
    }
};

QTEST_GUILESS_MAIN(TestSeedBounded)
#include "tst_seed_bounded.moc"
