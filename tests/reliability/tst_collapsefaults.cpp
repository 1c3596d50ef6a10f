// Battery item 6 of issue 23: collapsing under faults, through the real
// server. Waiters of a leader that fails all get the leader's exact error;
// 1,000 requests on 10 keys, half of them cancelled at a random moment
// (before, during or after their leader's transform), leave every client
// that stayed with the right image and every task count back at zero.
// (A leader whose own client leaves: tst_collapsing.)
#include "integration/testserver.h"

#include <mutex>
#include <random>
#include <thread>

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  concurrentImageProcessing: 100
buckets:
  media:
    transform: {kind: "query"}
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "noop"}
)yaml");

} // namespace

class TestCollapseFaults : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(
            m_server->addFile(QStringLiteral("photos/photo_1920x1280.jpg"), QStringLiteral("originals/media/a.jpg")));
        QVERIFY(m_server->addFile(QStringLiteral("hostile/truncated_50pct.jpg"),
                                  QStringLiteral("originals/media/broken.jpg")));
        MORT_START(*m_server, kConfig);
    }
    void cleanup() { m_server.reset(); }

    void waitersGetTheLeadersFailure()
    {
        constexpr int kClients = 20;
        std::vector<Reply> replies(kClients);
        std::vector<std::thread> clients;
        const QString address = m_server->address();
        for (int i = 0; i < kClients; ++i) {
            clients.emplace_back([&, i] {
                replies[size_t(i)] =
                    RawHttpClient(address).request("GET", "/media/broken.jpg?operation=resize&width=99");
            });
        }
        for (std::thread &c : clients)
            c.join();
        for (const Reply &r : replies) {
            QCOMPARE(r.status, 422);
            QCOMPARE(r.header("X-Mort-Error"), QByteArray("image.corrupt"));
        }
        const EngineStats stats = m_server->engine().stats();
        // Each failure ran at most once per leader: far fewer runs than requests.
        QVERIFY2(stats.transformsFailed + stats.collapsed >= quint64(kClients) && stats.transformsFailed < kClients,
                 qPrintable(
                     QStringLiteral("%1 failed runs, %2 collapsed").arg(stats.transformsFailed).arg(stats.collapsed)));
        QVERIFY(pollUntil([&] { return m_server->engine().tasks().liveTotal() == 0; }, 10000));
        // The key is free again: a good request on it leads and succeeds.
        QCOMPARE(m_server->get("/media/a.jpg?operation=resize&width=99").status, 200);
    }

    void thousandRandomCancellationsLeaveNoTrace()
    {
        constexpr int kThreads = 20;
        constexpr int kPerThread = 50;
        constexpr int kKeys = 10;
        std::atomic<int> stayed{0};
        std::atomic<int> cancelled{0};
        std::atomic<int> wrong{0};
        std::mutex whyMutex;
        QStringList why; // what each wrong answer was: a failure says which kind
        const auto wrongAnswer = [&](const QString &what) {
            ++wrong;
            std::lock_guard<std::mutex> lock(whyMutex);
            why << what;
        };
        std::vector<std::thread> threads;
        const QString address = m_server->address();
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                std::mt19937 rng(0x6d6f7274u + unsigned(t)); // seeded: a failure reproduces
                for (int n = 0; n < kPerThread; ++n) {
                    const int width = 200 + int(rng() % kKeys);
                    RawHttpClient client(address);
                    const QByteArray target = "/media/a.jpg?operation=resize&width=" + QByteArray::number(width);
                    if (!client.send(RawHttpClient::requestBytes("GET", target))) {
                        wrongAnswer(QStringLiteral("width %1: not sent").arg(width));
                        continue;
                    }
                    if (rng() % 2 == 0) {
                        std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 30)); // the random moment
                        client.abort();
                        ++cancelled;
                        continue;
                    }
                    const Reply r = client.read(false, 30000);
                    if (r.status != 200 || decodeImage(r.body).width != width) {
                        wrongAnswer(QStringLiteral("width %1: status %2 (%3), %4 body bytes%5")
                                        .arg(width)
                                        .arg(r.status)
                                        .arg(QString::fromLatin1(r.header("X-Mort-Error")))
                                        .arg(r.body.size())
                                        .arg(r.complete ? QString() : QStringLiteral(", cut short")));
                    }
                    ++stayed;
                }
            });
        }
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(stayed + cancelled, kThreads * kPerThread);
        QVERIFY2(wrong.load() == 0, qPrintable(why.join(QStringLiteral("; "))));
        QVERIFY2(pollUntil([&] { return m_server->engine().tasks().liveTotal() == 0; }, 10000),
                 "tasks left after the cancellations");
        const EngineStats stats = m_server->engine().stats();
        QCOMPARE(stats.transformsInFlight, qint64(0));
        qInfo("%d answered right, %d cancelled at random; %llu transforms ran, %llu requests collapsed", stayed.load(),
              cancelled.load(), qulonglong(stats.transformsExecuted), qulonglong(stats.collapsed));
    }
};

QTEST_GUILESS_MAIN(TestCollapseFaults)
#include "tst_collapsefaults.moc"
