// requestTimeout (spec config.md §2, http-behaviour.md §6.3, peer R2/R3): a
// transform still running when the deadline passes is killed inside libvips
// and answered 504 image.deadline (not Mort's 499: the client is still there);
// the worker is freed and the server keeps serving.
#include "testserver.h"

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "localhost:0"
  requestTimeout: 1
buckets:
  t:
    transform:
      kind: "query"
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
)yaml");

} // namespace

class TestRequestTimeout : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->addFile(QStringLiteral("photos/photo_6000x4000.jpg"), QStringLiteral("originals/t/big.jpg")));
        MORT_START(*m_server, kConfig);
    }
    void cleanup() { m_server.reset(); }

    void heavyTransformPastDeadlineIs504()
    {
        Engine &engine = m_server->engine();
        // Full-size gaussian blur, sigma 30, of 24 Mpx: several seconds of
        // libvips work on one thread, far beyond the 1 s deadline, yet under
        // limits.maxTransformCost (sigma 50 is refused up front: 422
        // image.too_costly, tst_transformcost).
        QElapsedTimer timer;
        timer.start();
        const Reply r = m_server->get("/t/big.jpg?operation=blur&sigma=30", {}, 60000);
        const qint64 elapsed = timer.elapsed();
        qInfo("deadline answer after %lld ms", elapsed);
        QCOMPARE(r.status, 504);
        QCOMPARE(r.header("X-Mort-Error"), QByteArray("image.deadline"));
        QCOMPARE(r.body, QByteArray("{\"message\": \"error\"}"));
        QVERIFY2(elapsed >= 900, "answered before the deadline");
        QVERIFY2(elapsed < 10000, "the transform was not killed at the deadline");
        // The killed libvips work really stops and nothing is stored.
        QTRY_COMPARE_WITH_TIMEOUT(engine.tasks().live(TaskKind::Transform), qint64(0), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(engine.tasks().liveTotal(), qint64(0), 10000);
        engine.waitForBackground(5000);
        QCOMPARE(engine.stats().resultsStored, quint64(0));
        QCOMPARE(engine.stats().transformsFailed, quint64(1));

        // A quick transform still fits in the deadline.
        const Reply quick = m_server->get("/t/big.jpg?width=200");
        QCOMPARE(quick.status, 200);
        QCOMPARE(decodeImage(quick.body).width, 200);
    }
};

QTEST_GUILESS_MAIN(TestRequestTimeout)
#include "tst_requesttimeout.moc"
