// Finding 2 of issue 23 through the real engine: passes over
// limits.heavyTransformCost share a lane of all transform workers but one.
// A burst of heavy blurs never holds every worker: the ones that find the
// lane full are refused at once (503 request.heavy_throttled, Retry-After),
// at most `slots` run at a time, and everyday resizes sent meanwhile are
// answered before the first heavy blur ends. /metrics counts the refusals.
#include "integration/testserver.h"

#include <QThread>

#include <algorithm>
#include <thread>

using namespace mort;
using namespace mort::test;

namespace {

// concurrentImageProcessing far above the burst: every refusal here is the lane's.
const QString kConfig = QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  concurrentImageProcessing: 64
  requestTimeout: 120
buckets:
  media:
    transform: {kind: "query"}
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "noop"}
)yaml");

struct Outcome
{
    int status = 0;
    QByteArray error;
    QByteArray retryAfter;
    int width = 0;
    qint64 doneAtMs = 0; // since the burst started
};

double metricValue(const QByteArray &text, const QByteArray &name)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(name + ' '))
            return line.mid(name.size() + 1).toDouble();
    }
    return -1;
}

} // namespace

class TestHeavyTransforms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void heavyBurstLeavesAWorkerForEverydayTransforms()
    {
        TestServer server;
        QVERIFY(
            server.addFile(QStringLiteral("photos/photo_6000x4000.jpg"), QStringLiteral("originals/media/big.jpg")));
        QVERIFY(
            server.addFile(QStringLiteral("photos/photo_1920x1280.jpg"), QStringLiteral("originals/media/mid.jpg")));
        MORT_START(server, kConfig);
        Engine &engine = server.engine();
        const QString address = server.address();
        // The engine's lane: all transform workers but one.
        const int slots = std::max(1, QThread::idealThreadCount() - 1);
        const int heavyCount = slots + 3;

        QElapsedTimer burst;
        burst.start();
        auto fetch = [&](const QByteArray &target, Outcome &o) {
            RawHttpClient client(address);
            const Reply r = client.request("GET", target, {}, 120000);
            o.doneAtMs = burst.elapsed();
            o.status = r.status;
            o.error = r.header("X-Mort-Error");
            o.retryAfter = r.header("Retry-After");
            if (r.status == 200)
                o.width = decodeImage(r.body).width;
        };
        // Distinct blurs of 24 Mpx (cost ~2e9 each: heavy, under maxTransformCost).
        std::vector<Outcome> heavy(static_cast<size_t>(heavyCount));
        std::vector<std::thread> threads;
        for (int i = 0; i < heavyCount; ++i)
            threads.emplace_back([&, i] {
                fetch("/media/big.jpg?operation=blur&sigma=" + QByteArray::number(10 + i), heavy[size_t(i)]);
            });
        int peakRunning = 0;
        QVERIFY(pollUntil(
            [&] {
                peakRunning = std::max(peakRunning, engine.stats().heavyRunning);
                return peakRunning > 0;
            },
            30000));
        // Everyday work while the lane is busy.
        constexpr int kLight = 3;
        std::vector<Outcome> light(kLight);
        for (int i = 0; i < kLight; ++i)
            threads.emplace_back([&, i] {
                fetch("/media/mid.jpg?operation=resize&width=" + QByteArray::number(300 + i), light[size_t(i)]);
            });
        std::atomic<bool> burstOver{false};
        std::thread watcher([&] {
            for (std::thread &t : threads)
                t.join();
            burstOver = true;
        });
        while (!burstOver) {
            peakRunning = std::max(peakRunning, engine.stats().heavyRunning);
            QThread::msleep(5); // sampling the gauge, not a synchronisation
        }
        watcher.join();

        int admitted = 0;
        int refused = 0;
        qint64 firstHeavyDone = std::numeric_limits<qint64>::max();
        for (const Outcome &o : heavy) {
            if (o.status == 200) {
                ++admitted;
                QCOMPARE(o.width, 6000);
                firstHeavyDone = std::min(firstHeavyDone, o.doneAtMs);
            } else {
                QCOMPARE(o.status, 503);
                QCOMPARE(o.error, QByteArray("request.heavy_throttled"));
                QCOMPARE(o.retryAfter, QByteArray("1"));
                ++refused;
            }
        }
        QVERIFY2(admitted >= 1 && refused >= 1,
                 qPrintable(QStringLiteral("%1 admitted, %2 refused").arg(admitted).arg(refused)));
        QVERIFY2(peakRunning <= slots,
                 qPrintable(QStringLiteral("%1 heavy at once, %2 slots").arg(peakRunning).arg(slots)));
        for (int i = 0; i < kLight; ++i) {
            const Outcome &o = light[size_t(i)];
            QCOMPARE(o.status, 200);
            QCOMPARE(o.width, 300 + i);
            // Not queued behind the heavy work: a worker stayed free.
            QVERIFY2(
                o.doneAtMs < firstHeavyDone,
                qPrintable(
                    QStringLiteral("resize done at %1 ms, first blur at %2 ms").arg(o.doneAtMs).arg(firstHeavyDone)));
        }

        QCOMPARE(engine.stats().heavyRefused, quint64(refused));
        RawHttpClient scraper(server.internalAddress());
        const Reply metrics = scraper.request("GET", "/metrics", {}, 10000);
        QCOMPARE(metrics.status, 200);
        QCOMPARE(metricValue(metrics.body, "mort_transforms_heavy_refused_total"), double(refused));
        QCOMPARE(metricValue(metrics.body, "mort_transforms_heavy_running"), 0.0);
        QVERIFY(pollUntil([&] { return engine.tasks().liveTotal() == 0; }, 10000));
        qInfo("%d slots: %d heavy admitted, %d refused; resizes done before the first blur (%lld ms)", slots, admitted,
              refused, firstHeavyDone);
    }
};

QTEST_GUILESS_MAIN(TestHeavyTransforms)
#include "tst_heavytransforms.moc"
