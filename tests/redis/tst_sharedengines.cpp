// Two engines ("instances") sharing one real redis-server as cache.type and
// lock.type redis (issue 20): the second instance serves the first one's
// result without a transform; concurrent cold requests over both transform
// once; Redis killed or slowed never costs an answer, and the instances share
// again once it is back. Each instance has its own transform storage, so a
// result can only travel through Redis.
#include "integration/testserver.h"
#include "redistestserver.h"

#include <QCryptographicHash>
#include <QSet>

#include <memory>
#include <vector>

using namespace mort;
using namespace mort::test;

namespace {

// `type` is cache.type and lock.type: redis (one node) or redis-cluster.
QString configFor(const QStringList &redisAddresses, const QString &originals, const QString &type = "redis")
{
    return QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "localhost:0"
  concurrentImageProcessing: 50
  lockTimeout: 10
  cache:
    type: @TYPE@
    address: [@REDIS@]
    clientConfig: {commandTimeoutMs: "300", connectTimeoutMs: "300"}
  lock:
    type: @TYPE@
    address: [@REDIS@]
    clientConfig: {commandTimeoutMs: "300", connectTimeoutMs: "300"}
headers:
  - statusCodes: [200]
    values: {"cache-control": "max-age=600, public"}
buckets:
  c:
    transform:
      kind: query
    storages:
      basic: {kind: "local-meta", rootPath: "@ORIGINALS@"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
)yaml")
        .replace(QLatin1String("@REDIS@"),
                 QLatin1Char('"') + redisAddresses.join(QLatin1String("\", \"")) + QLatin1Char('"'))
        .replace(QLatin1String("@TYPE@"), type)
        .replace(QLatin1String("@ORIGINALS@"), originals);
}

quint64 transforms(TestServer &s)
{
    return s.engine().stats().transformsExecuted;
}

void expectIdle(TestServer &s)
{
    TaskRegistry &t = s.engine().tasks();
    QTRY_COMPARE_WITH_TIMEOUT(t.live(TaskKind::PubSub), qint64(0), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(t.live(TaskKind::LockRefresh), qint64(0), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(t.live(TaskKind::CollapseWait), qint64(0), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(t.live(TaskKind::CacheFill), qint64(0), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(t.live(TaskKind::Request), qint64(0), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(s.engine().stats().shared.redisPending, qint64(0), 5000);
}

// 20 identical cold requests spread over two instances: one transform in all,
// one body, and the idle instance got the result through Redis.
void coldRequestsOverBothTransformOnce(TestServer &a, TestServer &b)
{
    const QByteArray request =
        RawHttpClient::requestBytes("GET", "/c/big.jpg?operation=resize&width=640", {{"Host", "x"}});
    std::vector<std::unique_ptr<RawHttpClient>> clients;
    for (int i = 0; i < 20; ++i) {
        clients.push_back(std::make_unique<RawHttpClient>(i % 2 ? b.address() : a.address()));
        QVERIFY(clients.back()->isConnected());
    }
    for (auto &c : clients)
        QVERIFY(c->send(request));
    QSet<QByteArray> bodies;
    for (auto &c : clients) {
        const Reply r = c->read(false, 60000);
        QCOMPARE(r.status, 200);
        QCOMPARE(decodeImage(r.body).width, 640);
        bodies.insert(QCryptographicHash::hash(r.body, QCryptographicHash::Md5));
    }
    QCOMPARE(transforms(a) + transforms(b), 1u);
    QCOMPARE(bodies.size(), 1);
    // The instance that did not transform got the result from the other one through Redis.
    TestServer &idle = transforms(a) ? b : a;
    const SharedBackendStats s = idle.engine().stats().shared;
    QVERIFY2(s.lockResults + s.sharedCacheHits >= 1, "no result travelled through Redis");
}

} // namespace

class TestSharedEngines : public QObject
{
    Q_OBJECT

    std::unique_ptr<RedisTestServer> m_redis;
    QTemporaryDir m_originals;
    std::unique_ptr<TestServer> m_a;
    std::unique_ptr<TestServer> m_b;

private Q_SLOTS:
    void initTestCase()
    {
        if (!redisToolsInstalled())
            QSKIP("redis-server/redis-cli not installed (packaging/install-deps.sh installs them)");
        QDir().mkpath(m_originals.filePath("c"));
        QVERIFY(QFile::copy(testDataPath("photos/photo_6000x4000.jpg"), m_originals.filePath("c/big.jpg")));
        QVERIFY(QFile::copy(testDataPath("photos/photo_800x600.jpg"), m_originals.filePath("c/small.jpg")));
    }
    void init()
    {
        m_redis = std::make_unique<RedisTestServer>();
        QVERIFY(m_redis->start());
        for (auto *server : {&m_a, &m_b}) {
            *server = std::make_unique<TestServer>();
            const QString error = (*server)->start(configFor({m_redis->address()}, m_originals.path()));
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QTRY_VERIFY_WITH_TIMEOUT((*server)->engine().stats().shared.redisReachable, 5000);
        }
    }
    void cleanup()
    {
        if (m_a)
            expectIdle(*m_a);
        if (m_b)
            expectIdle(*m_b);
        m_a.reset();
        m_b.reset();
        m_redis.reset();
    }

    void backendsAreReported()
    {
        const SharedBackendStats s = m_a->engine().stats().shared;
        QCOMPARE(s.cacheBackend, QStringLiteral("redis"));
        QCOMPARE(s.lockBackend, QStringLiteral("redis"));
        QCOMPARE(s.redisNodes, QStringList{m_redis->address()});
        QVERIFY(s.redisReachable);
        QVERIFY(s.redisRttAvgUs > 0);
        const QByteArray metrics = [&] {
            RawHttpClient c(m_a->internalAddress());
            return c.request("GET", "/metrics").body;
        }();
        QVERIFY(metrics.contains("mort_redis_up 1"));
        QVERIFY(metrics.contains("mort_redis_commands_total"));
    }

    void secondInstanceServesTheFirstOnesResultWithoutATransform()
    {
        const Reply first = m_a->get("/c/small.jpg?operation=resize&width=200");
        QCOMPARE(first.status, 200);
        QCOMPARE(transforms(*m_a), 1u);
        // The store into Redis runs in the background: wait for it, bounded.
        QTRY_COMPARE_WITH_TIMEOUT(m_a->engine().stats().shared.sharedCacheSets, 1u, 5000);
        const Reply second = m_b->get("/c/small.jpg?operation=resize&width=200");
        QCOMPARE(second.status, 200);
        QCOMPARE(second.header("x-mort-cache"), QByteArray("hit"));
        QCOMPARE(second.body, first.body);
        QCOMPARE(second.header("ETag"), first.header("ETag"));
        QCOMPARE(transforms(*m_b), 0u);
        QCOMPARE(m_b->engine().stats().shared.sharedCacheHits, 1u);
    }

    void concurrentColdRequestsOverBothInstancesTransformOnce() { coldRequestsOverBothTransformOnce(*m_a, *m_b); }

    // The cluster types (issue 20 item 5): two instances on a 3-node Redis
    // cluster (cache.type and lock.type redis-cluster) collapse and share as
    // on one node, and nothing is left behind.
    void clusterInstancesShareOneTransform()
    {
        RedisTestCluster cluster;
        QVERIFY(cluster.start());
        TestServer a;
        TestServer b;
        for (TestServer *server : {&a, &b}) {
            const QString error = server->start(configFor(cluster.addresses(), m_originals.path(), "redis-cluster"));
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QTRY_VERIFY_WITH_TIMEOUT(server->engine().stats().shared.redisReachable, 5000);
        }
        QCOMPARE(a.engine().stats().shared.cacheBackend, QStringLiteral("redis-cluster"));
        QCOMPARE(a.engine().stats().shared.lockBackend, QStringLiteral("redis-cluster"));
        coldRequestsOverBothTransformOnce(a, b);
        if (QTest::currentTestFailed())
            return;
        // A fresh URL made on A is a hit on B through the cluster.
        const quint64 sets = a.engine().stats().shared.sharedCacheSets;
        QCOMPARE(a.get("/c/small.jpg?operation=resize&width=222").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(a.engine().stats().shared.sharedCacheSets, sets + 1, 5000);
        const quint64 before = transforms(b);
        const Reply shared = b.get("/c/small.jpg?operation=resize&width=222");
        QCOMPARE(shared.status, 200);
        QCOMPARE(shared.header("x-mort-cache"), QByteArray("hit"));
        QCOMPARE(transforms(b), before);
        expectIdle(a);
        expectIdle(b);
    }

    // Acceptance: kill -9 of redis-server while requests run -> every request
    // still answered 200, the degradation counted, nothing left behind; the
    // instances share again once Redis is back.
    void redisKilledMidRunStillAnswersAndRecovers()
    {
        QVERIFY(m_a->get("/c/small.jpg?operation=resize&width=100").status == 200);
        m_redis->kill();
        for (int i = 0; i < 30; ++i) {
            const QByteArray target = i % 3 == 0 ? QByteArray("/c/small.jpg")
                                                 : "/c/small.jpg?operation=resize&width=" + QByteArray::number(101 + i);
            const Reply r = (i % 2 ? m_b : m_a)->get(target, {}, 10000);
            QCOMPARE(r.status, 200);
        }
        const SharedBackendStats down = m_a->engine().stats().shared;
        QVERIFY(!down.redisReachable);
        QVERIFY(down.degradedCache > 0);
        QVERIFY(down.degradedLock > 0);
        expectIdle(*m_a);
        expectIdle(*m_b);
        // Back: shared again (a fresh URL made on A is a hit on B).
        QVERIFY(m_redis->start());
        QTRY_VERIFY_WITH_TIMEOUT(m_a->engine().stats().shared.redisReachable, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(m_b->engine().stats().shared.redisReachable, 10'000);
        const quint64 sets = m_a->engine().stats().shared.sharedCacheSets;
        QCOMPARE(m_a->get("/c/small.jpg?operation=resize&width=333").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_a->engine().stats().shared.sharedCacheSets, sets + 1, 5000);
        const quint64 before = transforms(*m_b);
        const Reply shared = m_b->get("/c/small.jpg?operation=resize&width=333");
        QCOMPARE(shared.status, 200);
        QCOMPARE(shared.header("x-mort-cache"), QByteArray("hit"));
        QCOMPARE(transforms(*m_b), before);
    }

    // A Redis that stops answering costs a request at most the command
    // timeout per Redis step, never a worker held until Redis wakes. CLIENT
    // PAUSE holds every client's commands as DEBUG SLEEP would, but answers
    // itself at once, so the test knows Redis is stalled from here on.
    void slowRedisNeverHoldsARequestPastTheCommandTimeout()
    {
        QCOMPARE(m_redis->cli({"CLIENT", "PAUSE", "3000"}), QByteArray("OK"));
        QElapsedTimer t;
        t.start();
        const Reply original = m_a->get("/c/small.jpg", {}, 5000);
        QCOMPARE(original.status, 200);
        const Reply transformed = m_a->get("/c/small.jpg?operation=resize&width=250", {}, 5000);
        QCOMPARE(transformed.status, 200);
        // Two requests, each at most: cache lookup + lock, 300 ms each, plus the work.
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(m_a->engine().stats().shared.redisTimeouts >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(m_a->engine().stats().shared.redisReachable, 10'000);
    }
};

QTEST_GUILESS_MAIN(TestSharedEngines)
#include "tst_sharedengines.moc"
