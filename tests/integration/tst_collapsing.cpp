// Request collapsing and the response cache on the real engine (spec
// http-behaviour.md §6.1, §7): identical cold transforms run once, a leader
// whose client leaves still serves its waiters, cache hits skip storage.
#include "testserver.h"

#include "cache/responsecache.h"

#include <QCryptographicHash>

#include <memory>
#include <vector>

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "localhost:0"
  concurrentImageProcessing: 200
  cache:
    type: memory
    cacheSize: 67108864
headers:
  - statusCodes: [200]
    values: {"cache-control": "max-age=600, public"}
buckets:
  c:
    transform:
      kind: query
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
)yaml");

} // namespace

class TestCollapsing : public QObject
{
    Q_OBJECT
    std::unique_ptr<TestServer> m_server;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->addFile(QStringLiteral("photos/photo_6000x4000.jpg"), QStringLiteral("originals/c/big.jpg")));
        QVERIFY(m_server->addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("originals/c/small.jpg")));
        const QString error = m_server->start(kConfig);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    void cleanup() { m_server.reset(); }

    void hundredConcurrentIdenticalColdRequestsRunOneTransform()
    {
        const QByteArray request =
            RawHttpClient::requestBytes("GET", "/c/big.jpg?operation=resize&width=300", {{"Host", "x"}});
        std::vector<std::unique_ptr<RawHttpClient>> clients;
        for (int i = 0; i < 100; ++i) {
            clients.push_back(std::make_unique<RawHttpClient>(m_server->address()));
            QVERIFY(clients.back()->isConnected());
        }
        for (auto &c : clients)
            QVERIFY(c->send(request));
        QSet<QByteArray> bodies;
        for (auto &c : clients) {
            const Reply r = c->read(false, 60000);
            QCOMPARE(r.status, 200);
            QCOMPARE(decodeImage(r.body).width, 300);
            bodies.insert(QCryptographicHash::hash(r.body, QCryptographicHash::Md5));
        }
        const EngineStats s = m_server->engine().stats();
        QCOMPARE(s.transformsExecuted, 1u);
        QCOMPARE(bodies.size(), 1);               // every client got the same bytes
        QCOMPARE(s.collapsed + s.cacheHits, 99u); // the others waited or found the cache
        QTRY_COMPARE(m_server->engine().tasks().liveTotal(), 0);
    }

    void leaderWhoseClientLeavesStillServesItsWaiters()
    {
        const QByteArray request =
            RawHttpClient::requestBytes("GET", "/c/big.jpg?operation=blur&sigma=8&width=2000", {{"Host", "x"}});
        RawHttpClient leader(m_server->address());
        QVERIFY(leader.send(request));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->engine().tasks().live(TaskKind::Transform), 1, 10000);
        std::vector<std::unique_ptr<RawHttpClient>> waiters;
        for (int i = 0; i < 5; ++i) {
            waiters.push_back(std::make_unique<RawHttpClient>(m_server->address()));
            QVERIFY(waiters.back()->send(request));
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_server->engine().stats().collapsed, 5u, 10000);
        leader.abort();
        for (auto &w : waiters) {
            const Reply r = w->read(false, 60000);
            QCOMPARE(r.status, 200);
        }
        QCOMPARE(m_server->engine().stats().transformsExecuted, 1u);
        QTRY_COMPARE(m_server->engine().tasks().live(TaskKind::CollapseWait), 0);
    }

    void lonelyLeaderWhoseClientLeavesStopsWorking()
    {
        RawHttpClient leader(m_server->address());
        const quint64 executed = m_server->engine().stats().transformsExecuted;
        QVERIFY(leader.send(RawHttpClient::requestBytes("GET", "/c/big.jpg?operation=blur&sigma=40", {{"Host", "x"}})));
        // Running in libvips, not only admitted (a transform task lives from admission on).
        QTRY_COMPARE_WITH_TIMEOUT(m_server->engine().stats().transformsExecuted, executed + 1, 10000);
        leader.abort();
        // Nobody waits for it: the transform is killed, not finished (it would take ~30 s).
        QTRY_COMPARE_WITH_TIMEOUT(m_server->engine().tasks().live(TaskKind::Transform), 0, 5000);
        QCOMPARE(m_server->engine().stats().transformsFailed, 1u);
    }

    void secondGetOfAnOriginalIsACacheHitWithoutStorage()
    {
        const Reply first = m_server->get("/c/small.jpg");
        QCOMPARE(first.status, 200);
        QVERIFY(!first.has("x-mort-cache"));
        const quint64 downloads = m_server->engine().stats().downloads;
        const Reply second = m_server->get("/c/small.jpg");
        QCOMPARE(second.status, 200);
        QCOMPARE(second.header("x-mort-cache"), QByteArray("hit"));
        QCOMPARE(second.body, first.body);
        QCOMPARE(second.header("ETag"), first.header("ETag"));
        QCOMPARE(m_server->engine().stats().downloads, downloads); // storage not touched
        QCOMPARE(m_server->engine().responseCache().stats().hits, 1u);
    }

    void cacheHitStillAnswersConditionals()
    {
        const Reply first = m_server->get("/c/small.jpg");
        const Reply second = m_server->get("/c/small.jpg", {{"If-None-Match", first.header("ETag")}});
        QCOMPARE(second.status, 304);
        QCOMPARE(second.header("x-mort-cache"), QByteArray("hit"));
        QVERIFY(second.body.isEmpty());
    }

    void minUseCountCachesOnTheNthMissOnly()
    {
        TestServer server;
        QVERIFY(server.addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("originals/c/small.jpg")));
        QString config = kConfig;
        config.replace(QLatin1String("    cacheSize: 67108864"),
                       QLatin1String("    cacheSize: 67108864\n    minUseCount: 3"));
        const QString error = server.start(config);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!server.get("/c/small.jpg").has("x-mort-cache")); // miss 1: counted only
        QVERIFY(!server.get("/c/small.jpg").has("x-mort-cache")); // miss 2: counted only
        QVERIFY(!server.get("/c/small.jpg").has("x-mort-cache")); // miss 3: now stored
        QCOMPARE(server.get("/c/small.jpg").header("x-mort-cache"), QByteArray("hit"));
        QCOMPARE(server.engine().responseCache().stats().sets, 1u);
    }

    void rangeRequestsBypassTheCache()
    {
        QCOMPARE(m_server->get("/c/small.jpg").status, 200);
        const Reply ranged = m_server->get("/c/small.jpg", {{"Range", "bytes=0-9"}});
        QCOMPARE(ranged.status, 206);
        QVERIFY(!ranged.has("x-mort-cache"));
        QCOMPARE(ranged.body.size(), 10);
    }
};

QTEST_GUILESS_MAIN(TestCollapsing)
#include "tst_collapsing.moc"
