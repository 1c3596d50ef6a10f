#include "storage/storageclientcache.h"
#include "storagetestutil.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace mort;
using namespace mort::testutil;

class TestStorageClientCache : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;

    StorageConfig configNo(int i) const
    {
        auto config = fileConfig(QStringLiteral("local-meta"), m_tmp.path() + QStringLiteral("/root%1").arg(i));
        return config;
    }

private Q_SLOTS:
    void boundedLiveClients()
    {
        StorageClientCache cache(4);
        QCOMPARE(cache.capacity(), 4);
        std::vector<std::weak_ptr<Storage>> handed;
        for (int i = 0; i < 10; ++i) {
            auto client = cache.client(configNo(i), QStringLiteral("bucket"));
            QVERIFY(client);
            handed.push_back(*client);
            QVERIFY(cache.size() <= 4);
        }
        QCOMPARE(cache.size(), 4);
        QCOMPARE(cache.createdCount(), 10u);
        QCOMPARE(cache.evictedCount(), 6u);
        // Evicted clients are gone (nobody else holds them): closed, not leaked.
        int alive = 0;
        for (const auto &weak : handed)
            alive += weak.expired() ? 0 : 1;
        QCOMPARE(alive, 4);
    }

    void sameConfigSameClient()
    {
        StorageClientCache cache;
        auto a = cache.client(configNo(1), QStringLiteral("bucket"));
        auto b = cache.client(configNo(1), QStringLiteral("bucket"));
        QVERIFY(a && b);
        QCOMPARE(a->get(), b->get());
        QCOMPARE(cache.createdCount(), 1u);

        // Any differing part of the key makes another client.
        QVERIFY(cache.client(configNo(1), QStringLiteral("other"))->get() != a->get());
        auto renamed = configNo(1);
        renamed.name = QStringLiteral("transform");
        QVERIFY(cache.client(renamed, QStringLiteral("bucket"))->get() != a->get());
        auto reconfigured = configNo(1);
        reconfigured.pathPrefix = QStringLiteral("p");
        QVERIFY(cache.client(reconfigured, QStringLiteral("bucket"))->get() != a->get());
        auto extra = configNo(1);
        extra.headers = {{QStringLiteral("x-amz-meta-a"), QStringLiteral("b")}};
        QVERIFY(cache.client(extra, QStringLiteral("bucket"))->get() != a->get());
        QCOMPARE(cache.createdCount(), 5u);

        QCOMPARE(StorageClientCache::fingerprint(configNo(1)), StorageClientCache::fingerprint(configNo(1)));
        QVERIFY(StorageClientCache::fingerprint(configNo(1)) != StorageClientCache::fingerprint(reconfigured));
    }

    void leastRecentlyUsedIsEvicted()
    {
        StorageClientCache cache(3);
        auto first = cache.client(configNo(1), QStringLiteral("b"))->get();
        auto second = cache.client(configNo(2), QStringLiteral("b"))->get();
        QVERIFY(cache.client(configNo(3), QStringLiteral("b")));
        QCOMPARE(cache.client(configNo(1), QStringLiteral("b"))->get(), first); // touch 1: 2 is now oldest
        QVERIFY(cache.client(configNo(4), QStringLiteral("b")));
        QCOMPARE(cache.evictedCount(), 1u);
        QCOMPARE(cache.client(configNo(1), QStringLiteral("b"))->get(), first);
        QCOMPARE(cache.createdCount(), 4u);
        QVERIFY(cache.client(configNo(2), QStringLiteral("b"))); // recreated
        QCOMPARE(cache.createdCount(), 5u);
        Q_UNUSED(second);
    }

    void evictedClientStaysUsableForItsHolder()
    {
        StorageClientCache cache(1);
        auto held = *cache.client(configNo(1), QStringLiteral("b"));
        QVERIFY(cache.client(configNo(2), QStringLiteral("b")));
        QCOMPARE(cache.evictedCount(), 1u);
        QVERIFY(held->put(QStringLiteral("/k"), "v", {}));
        QCOMPARE(held->get(QStringLiteral("/k"))->body, QByteArray("v"));
        std::weak_ptr<Storage> weak = held;
        held.reset();
        QVERIFY(weak.expired());
    }

    void clearDropsEverything()
    {
        StorageClientCache cache;
        std::weak_ptr<Storage> weak = *cache.client(configNo(1), QStringLiteral("b"));
        QVERIFY(cache.client(configNo(2), QStringLiteral("b")));
        cache.clear();
        QCOMPARE(cache.size(), 0);
        QCOMPARE(cache.evictedCount(), 2u);
        QVERIFY(weak.expired());
        QVERIFY(cache.client(configNo(1), QStringLiteral("b")));
        QCOMPARE(cache.createdCount(), 3u);
    }

    // s3 and http clients too: one per distinct setting (a rotated secret or
    // a moved endpoint is a new client, the old one closed once unused), at
    // most `capacity` alive. They hold no connection between calls.
    void networkClientsAreKeyedByTheirSettingsAndBounded()
    {
        StorageClientCache cache(3);
        StorageConfig s3;
        s3.name = QStringLiteral("basic");
        s3.kind = QStringLiteral("s3");
        s3.accessKey = QStringLiteral("key");
        s3.secretAccessKey = QStringLiteral("secret");
        s3.endpoint = QStringLiteral("http://127.0.0.1:9000");
        auto first = cache.client(s3, QStringLiteral("b"));
        QVERIFY(first);
        QCOMPARE((*first)->kind(), QStringLiteral("s3"));
        QCOMPARE(cache.client(s3, QStringLiteral("b"))->get(), first->get());
        std::weak_ptr<Storage> old = *first;
        first = Error::notFound(); // the request lets go
        s3.secretAccessKey = QStringLiteral("rotated");
        QVERIFY(cache.client(s3, QStringLiteral("b"))->get() != nullptr);
        QCOMPARE(cache.createdCount(), 2u);
        StorageConfig http;
        http.name = QStringLiteral("basic");
        http.kind = QStringLiteral("http");
        for (int i = 0; i < 5; ++i) {
            http.url = QStringLiteral("http://origin%1.example/<item>").arg(i);
            QVERIFY(cache.client(http, QStringLiteral("b")));
            QVERIFY(cache.size() <= 3);
        }
        QVERIFY(old.expired()); // evicted and unused: closed
        cache.clear();
        QCOMPARE(cache.size(), 0);
    }

    void failuresAreNotCached()
    {
        StorageClientCache cache;
        StorageConfig bad;
        bad.name = QStringLiteral("basic");
        bad.kind = QStringLiteral("s3");
        for (int i = 0; i < 3; ++i) {
            auto client = cache.client(bad, QStringLiteral("b"));
            QVERIFY(!client);
            QCOMPARE(client.error().httpStatus, 503);
        }
        QCOMPARE(cache.failedCount(), 3u);
        QCOMPARE(cache.size(), 0);
        QCOMPARE(cache.createdCount(), 0u);
    }

    void concurrentUse()
    {
        StorageClientCache cache(4);
        std::atomic<int> errors{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < 500; ++i) {
                    auto client = cache.client(configNo((i + t) % 8), QStringLiteral("b"));
                    if (!client || !*client || cache.size() > 4)
                        ++errors;
                }
            });
        }
        for (auto &t : threads)
            t.join();
        QCOMPARE(errors.load(), 0);
        QVERIFY(cache.size() <= 4);
        QCOMPARE(cache.createdCount() - cache.evictedCount(), quint64(cache.size()));
    }
};

QTEST_GUILESS_MAIN(TestStorageClientCache)
#include "tst_storageclientcache.moc"
