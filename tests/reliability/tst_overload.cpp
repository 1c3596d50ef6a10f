// Battery item 5 of issue 23: overload far past concurrentImageProcessing.
// 60 distinct heavy transforms at once against 2 slots: the excess is
// answered at once with 503 + Retry-After (never queued behind the heavy
// work), every admitted one completes with its image, and the internal
// listener's /metrics keeps answering quickly all the while. Afterwards no
// task is left.
#include "integration/testserver.h"

#include <algorithm>
#include <thread>

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  concurrentImageProcessing: 2
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
    QByteArray retryAfter;
    QByteArray error;
    int width = 0;
    qint64 ms = 0;
};

} // namespace

class TestOverload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void excessIsRefusedFastWhileMetricsAnswer()
    {
        TestServer server;
        QVERIFY(
            server.addFile(QStringLiteral("photos/photo_6000x4000.jpg"), QStringLiteral("originals/media/big.jpg")));
        MORT_START(server, kConfig);
        const QString address = server.address();
        const QString internal = server.internalAddress();

        constexpr int kClients = 60;
        std::vector<Outcome> outcomes(kClients);
        std::atomic<bool> stormOver{false};
        std::vector<std::thread> clients;
        for (int i = 0; i < kClients; ++i) {
            clients.emplace_back([&, i] {
                QElapsedTimer t;
                t.start();
                RawHttpClient client(address);
                const Reply r = client.request("GET",
                                               "/media/big.jpg?operation=blur&sigma=8&operation=resize&width="
                                                   + QByteArray::number(400 + i),
                                               {}, 60000);
                Outcome &o = outcomes[size_t(i)];
                o.ms = t.elapsed();
                o.status = r.status;
                o.retryAfter = r.header("Retry-After");
                o.error = r.header("X-Mort-Error");
                if (r.status == 200)
                    o.width = decodeImage(r.body).width;
            });
        }
        // /metrics while the storm lasts.
        std::thread done([&] {
            for (std::thread &c : clients)
                c.join();
            stormOver = true;
        });
        int scrapes = 0;
        qint64 slowestScrape = 0;
        while (!stormOver) {
            QElapsedTimer t;
            t.start();
            RawHttpClient client(internal);
            const Reply metrics = client.request("GET", "/metrics", {}, 10000);
            slowestScrape = std::max(slowestScrape, t.elapsed());
            QCOMPARE(metrics.status, 200);
            ++scrapes;
            QTest::qWait(10); // pacing: a scrape every ~10 ms, not a synchronisation
        }
        done.join();

        int admitted = 0;
        int refused = 0;
        qint64 slowestRefusal = 0;
        qint64 fastestAdmitted = std::numeric_limits<qint64>::max();
        for (int i = 0; i < kClients; ++i) {
            const Outcome &o = outcomes[size_t(i)];
            if (o.status == 200) {
                ++admitted;
                QCOMPARE(o.width, 400 + i);
                fastestAdmitted = std::min(fastestAdmitted, o.ms);
            } else {
                QCOMPARE(o.status, 503);
                QCOMPARE(o.retryAfter, QByteArray("1"));
                QCOMPARE(o.error, QByteArray("request.throttled"));
                ++refused;
                slowestRefusal = std::max(slowestRefusal, o.ms);
            }
        }
        QVERIFY2(admitted >= 2, qPrintable(QString::number(admitted)));
        QVERIFY2(refused >= kClients / 2, qPrintable(QString::number(refused)));
        // "At once": nine in ten refusals arrived before the first admitted
        // transform finished (a thread of this test may be descheduled on a
        // busy machine, so not all), and every one within 3 s.
        std::vector<qint64> refusalMs;
        for (const Outcome &o : outcomes) {
            if (o.status == 503)
                refusalMs.push_back(o.ms);
        }
        std::sort(refusalMs.begin(), refusalMs.end());
        const qint64 p90 = refusalMs[refusalMs.size() * 9 / 10];
        QVERIFY2(p90 < fastestAdmitted && slowestRefusal < 3000,
                 qPrintable(QStringLiteral("90% of 503s within %1 ms, slowest %2 ms, first 200 after %3 ms")
                                .arg(p90)
                                .arg(slowestRefusal)
                                .arg(fastestAdmitted)));
        QVERIFY2(scrapes >= 3 && slowestScrape < 1000,
                 qPrintable(QStringLiteral("%1 scrapes, slowest %2 ms").arg(scrapes).arg(slowestScrape)));
        QVERIFY(pollUntil([&] { return server.engine().tasks().liveTotal() == 0; }, 10000));
        qInfo("%d admitted (200, the first after %lld ms), %d refused (503): 90%% within %lld ms, all within %lld ms; "
              "%d /metrics scrapes, slowest %lld ms",
              admitted, fastestAdmitted, refused, p90, slowestRefusal, scrapes, slowestScrape);
    }
};

QTEST_GUILESS_MAIN(TestOverload)
#include "tst_overload.moc"
