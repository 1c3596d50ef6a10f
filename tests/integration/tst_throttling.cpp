// Throttling (spec http-behaviour.md §6.2, peer-differences R4): with
// concurrentImageProcessing 1, a transform that needs the slot while another
// one holds it gets 503 with Retry-After: 1 and X-Mort-Error request.throttled;
// originals are never throttled; once the slot is free, transforms succeed.
#include "testserver.h"

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "localhost:0"
  concurrentImageProcessing: 1
buckets:
  t:
    transform:
      kind: "query"
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
)yaml");

// Full-size blur of the 24 Mpx photo: about a second of libvips work.
QByteArray heavyTarget(int variant)
{
    return "/t/big.jpg?operation=blur&sigma=10&quality=" + QByteArray::number(variant % 90 + 5);
}

void verifyThrottled(const Reply &r)
{
    QCOMPARE(r.status, 503);
    QCOMPARE(r.header("Retry-After"), QByteArray("1"));
    QCOMPARE(r.header("X-Mort-Error"), QByteArray("request.throttled"));
    QCOMPARE(r.body, QByteArray("{\"message\": \"error\"}"));
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("*"));
}

} // namespace

class TestThrottling : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->addFile(QStringLiteral("photos/photo_6000x4000.jpg"), QStringLiteral("originals/t/big.jpg")));
        QVERIFY(m_server->addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("originals/t/small.jpg")));
        MORT_START(*m_server, kConfig);
    }
    void cleanup() { m_server.reset(); }

    void requestNeedingBusySlotGets503()
    {
        Engine &engine = m_server->engine();
        RawHttpClient holder(m_server->address());
        QVERIFY(holder.send(RawHttpClient::requestBytes("GET", heavyTarget(1))));
        QTRY_VERIFY_WITH_TIMEOUT(engine.tasks().live(TaskKind::Transform) >= 1, 10000); // the slot is taken

        // Transforms of the same large photo while the slot is held.
        for (const QByteArray &target : {QByteArray("/t/big.jpg?width=300"), QByteArray("/t/big.jpg?width=400")}) {
            QVERIFY2(engine.tasks().live(TaskKind::Transform) >= 1, "holder finished too early for this check");
            verifyThrottled(m_server->get(target));
        }
        QCOMPARE(engine.stats().throttled, quint64(2));
        // Originals are never throttled.
        QCOMPARE(m_server->get("/t/small.jpg").status, 200);

        const Reply held = holder.read(false, 60000);
        QCOMPARE(held.status, 200);
        QCOMPARE(decodeImage(held.body).width, 6000);

        // The slot is free again: the throttled request now succeeds.
        const Reply retry = m_server->get("/t/big.jpg?width=300");
        QCOMPARE(retry.status, 200);
        const Decoded d = decodeImage(retry.body);
        QCOMPARE(d.width, 300);
        QCOMPARE(d.height, 200);
        QCOMPARE(engine.stats().throttled, quint64(2));
    }

    void concurrentTransformsOfLargePhotoSomeAreThrottled()
    {
        Engine &engine = m_server->engine();
        constexpr int kClients = 4;
        std::vector<std::unique_ptr<RawHttpClient>> clients;
        for (int i = 0; i < kClients; ++i) {
            clients.push_back(std::make_unique<RawHttpClient>(m_server->address()));
            QVERIFY(clients.back()->isConnected());
        }
        for (int i = 0; i < kClients; ++i)
            QVERIFY(clients[size_t(i)]->send(RawHttpClient::requestBytes("GET", heavyTarget(10 + i))));
        int ok = 0, throttled = 0;
        for (auto &c : clients) {
            const Reply r = c->read(false, 60000);
            if (r.status == 200) {
                ++ok;
                QCOMPARE(decodeImage(r.body).width, 6000);
            } else {
                verifyThrottled(r);
                ++throttled;
            }
        }
        qInfo("%d of %d concurrent transforms succeeded, %d throttled", ok, kClients, throttled);
        QVERIFY(ok >= 1);
        QVERIFY(throttled >= 1);
        QCOMPARE(engine.stats().throttled, quint64(throttled));
        QCOMPARE(engine.stats().transformsExecuted, quint64(ok));

        const Reply after = m_server->get("/t/big.jpg?width=600");
        QCOMPARE(after.status, 200);
        QCOMPARE(decodeImage(after.body).width, 600);
        QTRY_COMPARE_WITH_TIMEOUT(engine.stats().transformsInFlight, qint64(0), 10000);
    }
};

QTEST_GUILESS_MAIN(TestThrottling)
#include "tst_throttling.moc"
