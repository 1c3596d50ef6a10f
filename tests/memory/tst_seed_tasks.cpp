// Seed findings about goroutine / channel leaks: 2 (handleGET on cancel),
// 3 (responseChan never closed on timeout), 14 (unbuffered error reply),
// 20 (goroutine leak in error reply), 21 (PubSub goroutine leak in the redis
// lock). Budget: every TaskRegistry kind back to its baseline (0).
//
// PARTIAL: finding 21 is about the redis lock's PubSub listener; there is no
// redis lock yet, so the test covers its counterpart in the memory collapser:
// waiters (collapse-wait tasks) are released on timeout, cancel and shutdown.
// The redis half (tasks_live{pubsub} back to 0 with a real redis-server,
// DESIGN §3) is not covered.
#include "seedsupport.h"

#include "http/errorresponse.h"

#include <QMutex>
#include <QSemaphore>

#include <thread>
#include <vector>

using namespace mort;
using namespace mort::test;

namespace {

// @TIMEOUT@: requestTimeout line (only finding 3 uses a 1 s deadline).
const QString kConfig = QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "localhost:0"
  @TIMEOUT@
buckets:
  t:
    transform:
      kind: "query"
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
)yaml");

struct FakeClock
{
    std::shared_ptr<std::atomic<qint64>> now = std::make_shared<std::atomic<qint64>>(0);
    std::function<qint64()> fn() const
    {
        auto n = now;
        return [n] { return n->load(); };
    }
};

// Counts outcomes per status.
struct Outcomes
{
    QMutex mutex;
    QHash<int, int> byStatus;
    std::atomic<int> total{0};
    CollapseCallback callback()
    {
        return [this](CollapseOutcome o) {
            QMutexLocker locker(&mutex);
            byStatus[int(o.status)]++;
            total++;
        };
    }
    int count(CollapseOutcome::Status s)
    {
        QMutexLocker locker(&mutex);
        return byStatus.value(int(s));
    }
};

} // namespace

class TestSeedTasks : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;

    bool allTasksFinished(int timeoutMs)
    {
        return pollUntil([this] { return m_server->engine().tasks().liveTotal() == 0; }, timeoutMs);
    }

    void startServer(const QString &timeoutLine)
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->addFile(QStringLiteral("photos/photo_6000x4000.jpg"), QStringLiteral("originals/t/big.jpg")));
        QVERIFY(m_server->addFile(QStringLiteral("photos/photo_1920x1280.jpg"), QStringLiteral("originals/t/mid.jpg")));
        QString yaml = kConfig;
        MORT_START(*m_server, yaml.replace(QLatin1String("@TIMEOUT@"), timeoutLine));
    }

private Q_SLOTS:
    void init() { startServer(QStringLiteral("requestTimeout: 60")); }
    void cleanup() { m_server.reset(); }

    // Finding 2: Mort's handleGET goroutine blocked forever sending its response
    // to a receiver that had gone (cancel/timeout). Rule: one request = one task
    // scope; the responder is dropped safely when the client leaves. Proves:
    // 40 clients that leave while their transform runs and 40 that leave right
    // after sending bring every task kind back to 0 (no exchange, connection or
    // transform left), live heap grows by < 16 MiB, and the server still serves.
    void finding02_abortedRequestsLeaveNoTasks()
    {
        Engine &engine = m_server->engine();
        auto abortRound = [&](int from, int count, bool waitForTransform) {
            int hit = 0;
            for (int i = from; i < from + count; ++i) {
                const QByteArray target = "/t/mid.jpg?width=" + QByteArray::number(100 + i) + "&operation=resize";
                const quint64 before = engine.tasks().started(TaskKind::Transform);
                RawHttpClient client(m_server->address());
                if (!client.isConnected() || !client.send(RawHttpClient::requestBytes("GET", target)))
                    continue;
                if (waitForTransform)
                    hit +=
                        pollUntil([&] { return engine.tasks().started(TaskKind::Transform) > before; }, 2000) ? 1 : 0;
                client.abort();
            }
            return hit;
        };
        abortRound(0, 5, true); // warm-up: pools, vips, storage clients
        QVERIFY2(allTasksFinished(20000), liveTasksText(engine.tasks()).constData());
        const qint64 heapBefore = heapLiveBytes();

        const int midTransform = abortRound(10, 40, true);
        abortRound(60, 40, false);
        const bool drained = allTasksFinished(30000);
        QVERIFY2(drained, qPrintable("still live: " + liveTasksText(engine.tasks())));
        for (const TaskCounts &c : engine.tasks().snapshot())
            QVERIFY2(c.live == 0, taskKindName(c.kind).constData());
        QVERIFY2(midTransform >= 36, "too few clients left while their transform was running");
        QTRY_COMPARE_WITH_TIMEOUT(engine.stats().http.exchangesInFlight, qint64(0), 5000); // settles on the HTTP thread
        QTRY_COMPARE_WITH_TIMEOUT(engine.stats().transformsInFlight, qint64(0), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(engine.stats().http.connectionsOpen, qint64(0), 5000);
        engine.waitForBackground(10000);
        const qint64 growth = heapLiveBytes() - heapBefore;
        qInfo("live heap growth after 80 aborted requests: %.1f MiB", growth / 1048576.0);
        QVERIFY2(growth < (16LL << 20), "live heap grew beyond 16 MiB");

        const Reply r = m_server->get("/t/mid.jpg?width=300");
        QCOMPARE(r.status, 200);
        QCOMPARE(decodeImage(r.body).width, 300);
    }

    // Finding 3: Mort's responseChan was never closed; on timeout the sender
    // goroutine could block forever. Rule: a deadline on every request, the
    // exchange answers once (first respond wins), late results are dropped.
    // Proves: 4 distinct and 4 identical (collapsed) transforms far beyond the
    // 1 s requestTimeout all answer 504, and afterwards no transform,
    // collapse-wait, fetch or request task and no exchange is left.
    void finding03_timedOutRequestsLeaveNoTasks()
    {
        // The heavy lane (limits.heavyTransformCost) would refuse all but one of these
        // blurs at once with 503 (tst_heavytransforms proves that); here every one
        // must run into the deadline, so the lane is set above them.
        startServer(QStringLiteral("requestTimeout: 1\n  limits: {heavyTransformCost: 1000000000000}"));
        if (QTest::currentTestFailed())
            return;
        Engine &engine = m_server->engine();
        std::vector<std::unique_ptr<RawHttpClient>> clients;
        for (int i = 0; i < 8; ++i) {
            // Heavy (seconds each on 24 Mpx) yet under limits.maxTransformCost, so every
            // one ends at the 1 s deadline rather than refused up front (sigma 50 would be 422).
            const QByteArray sigma = i < 4 ? QByteArray::number(30 + i) : QByteArray("35");
            clients.push_back(std::make_unique<RawHttpClient>(m_server->address()));
            QVERIFY(
                clients.back()->send(RawHttpClient::requestBytes("GET", "/t/big.jpg?operation=blur&sigma=" + sigma)));
        }
        for (auto &c : clients) {
            const Reply r = c->read(false, 30000);
            QCOMPARE(r.status, 504);
        }
        QVERIFY2(allTasksFinished(15000), qPrintable("still live: " + liveTasksText(engine.tasks())));
        QCOMPARE(engine.tasks().live(TaskKind::CollapseWait), qint64(0));
        QTRY_COMPARE_WITH_TIMEOUT(engine.stats().http.exchangesInFlight, qint64(0), 5000); // settles on the HTTP thread
        // The admission counter drops just after the worker returns, which can be
        // a moment after the request task ended.
        QTRY_COMPARE_WITH_TIMEOUT(engine.stats().transformsInFlight, qint64(0), 5000);
        QVERIFY(engine.stats().collapsed >= 1); // the identical ones really waited on a leader
    }

    // Finding 14: Mort's error reply went through an unbuffered channel: with
    // the receiver gone the sender blocked. Rule: respond() never waits for
    // the transport; a reply to a departed client is a no-op and the request
    // task ends with the exchange. Proves: 4 threads answering 2000 exchanges
    // whose connection is gone all return, every request task is released,
    // and a second answer is ignored (no second body held).
    void finding14_errorReplyToDepartedClientNeverBlocks()
    {
        TaskRegistry tasks;
        auto link = std::make_shared<ConnectionLink>(); // connection gone
        {
            std::vector<HttpExchangePtr> exchanges;
            for (int i = 0; i < 2000; ++i)
                exchanges.push_back(
                    std::make_shared<HttpExchange>(HttpRequest{}, link, TaskScope(&tasks, TaskKind::Request), true));
            QCOMPARE(tasks.live(TaskKind::Request), qint64(2000));
            std::vector<std::thread> threads;
            for (int t = 0; t < 4; ++t)
                threads.emplace_back([&exchanges, t] {
                    for (int i = t; i < 2000; i += 4) {
                        exchanges[size_t(i)]->respond(errorResponse(Error::notFound()));
                        exchanges[size_t(i)]->respond(errorResponse(Error::internal("late", QStringLiteral("late"))));
                    }
                });
            for (auto &th : threads)
                th.join();
            for (const auto &e : exchanges) {
                QVERIFY(e->hasResponded());
                const std::optional<HttpResponse> r = e->takeResponse();
                QVERIFY(r.has_value());
                QCOMPARE(r->status, 404); // the first answer won
                QVERIFY(!e->takeResponse().has_value());
            }
        }
        QCOMPARE(tasks.live(TaskKind::Request), qint64(0));
        QCOMPARE(tasks.liveTotal(), qint64(0));
    }

    // Finding 20: Mort leaked the goroutine of an error reply nobody received.
    // Rule: as 14, end to end. Proves: 160 error requests (404 original, 404
    // parent, 400 bad transform, 404 directory) whose clients leave right
    // after sending leave no task, exchange or connection behind.
    void finding20_errorRepliesToAbortedClientsLeaveNoTasks()
    {
        Engine &engine = m_server->engine();
        QVERIFY(QDir().mkpath(m_server->root() + "/originals/t/dir"));
        const QList<QByteArray> targets{"/t/missing.jpg", "/t/missing.jpg?width=100", "/t/big.jpg?width=abc", "/t/dir"};
        for (int i = 0; i < 160; ++i) {
            const quint64 received = engine.stats().http.requestsReceived;
            RawHttpClient client(m_server->address());
            QVERIFY(client.isConnected());
            QVERIFY(client.send(RawHttpClient::requestBytes("GET", targets.at(i % targets.size()))));
            // Half leave once the request is dispatched (the error reply races the abort), half at once.
            if (i % 2 == 0)
                QVERIFY(pollUntil([&] { return engine.stats().http.requestsReceived > received; }, 5000));
            client.abort();
        }
        QVERIFY2(allTasksFinished(15000), qPrintable("still live: " + liveTasksText(engine.tasks())));
        QTRY_COMPARE_WITH_TIMEOUT(engine.stats().http.exchangesInFlight, qint64(0), 5000); // settles on the HTTP thread
        QTRY_COMPARE_WITH_TIMEOUT(engine.stats().http.connectionsOpen, qint64(0), 5000);
        QCOMPARE(m_server->get("/t/missing.jpg").status, 404);
    }

    // Finding 21 (partial, see top): Mort's redis lock leaked its PubSub
    // goroutine when a waiter gave up. Rule: waits are owned by the lock and
    // torn down on release, timeout, cancel and shutdown. Proves: 60 waiters
    // that time out, 60 whose token is cancelled, 60 that cancel their ticket
    // and 20 left at shutdown each get exactly one outcome and every
    // collapse-wait task and waiter slot is released; with the real timer
    // thread, waiters are released at lockTimeout without anyone polling.
    void finding21_collapseWaitersReleasedOnTimeoutCancelAndShutdown()
    {
        TaskRegistry tasks;
        Outcomes outcomes;
        {
            FakeClock clock;
            CollapserOptions o;
            o.lockTimeoutMs = 1000;
            o.timerThread = false;
            o.nowMs = clock.fn();
            auto owned = std::make_unique<RequestCollapser>(o, &tasks);
            RequestCollapser &collapser = *owned;
            CollapseTicket leaderA = collapser.acquire("a", CancelToken(), {});
            CollapseTicket leaderB = collapser.acquire("b", CancelToken(), {});
            CollapseTicket leaderC = collapser.acquire("c", CancelToken(), {});
            QVERIFY(leaderA.isLeader() && leaderB.isLeader() && leaderC.isLeader());
            std::vector<CancelToken> tokens;
            std::vector<CollapseTicket> tickets;
            for (int i = 0; i < 60; ++i) {
                QVERIFY(collapser.acquire("a", CancelToken(), outcomes.callback()).isWaiter());
                tokens.emplace_back();
                QVERIFY(collapser.acquire("b", tokens.back(), outcomes.callback()).isWaiter());
                tickets.push_back(collapser.acquire("c", CancelToken(), outcomes.callback()));
                QVERIFY(tickets.back().isWaiter());
            }
            QCOMPARE(tasks.live(TaskKind::CollapseWait), qint64(180));
            for (CollapseTicket &t : tickets)
                t.cancel(); // resolved at once, on this thread
            QCOMPARE(outcomes.count(CollapseOutcome::Status::Cancelled), 60);
            for (CancelToken &t : tokens)
                t.cancel(); // noticed by the next poll
            collapser.poll();
            QCOMPARE(outcomes.count(CollapseOutcome::Status::Cancelled), 120);
            QCOMPARE(tasks.live(TaskKind::CollapseWait), qint64(60));
            *clock.now = 1001;
            collapser.poll();
            QCOMPARE(outcomes.count(CollapseOutcome::Status::TimedOut), 60);
            QCOMPARE(tasks.live(TaskKind::CollapseWait), qint64(0));
            QCOMPARE(collapser.stats().liveWaiters, qint64(0));

            // Left waiting at shutdown.
            for (int i = 0; i < 20; ++i)
                QVERIFY(collapser.acquire("a", CancelToken(), outcomes.callback()).isWaiter());
            QCOMPARE(tasks.live(TaskKind::CollapseWait), qint64(20));
            owned.reset(); // shutdown: the 20 are cancelled; the leader tickets outlive it harmlessly
            QCOMPARE(tasks.live(TaskKind::CollapseWait), qint64(0));
        }
        QCOMPARE(outcomes.total.load(), 200);
        QCOMPARE(outcomes.count(CollapseOutcome::Status::Cancelled), 140);
        QCOMPARE(tasks.liveTotal(), qint64(0));

        // The real timer thread releases timed-out waiters by itself.
        {
            CollapserOptions o;
            o.lockTimeoutMs = 100;
            RequestCollapser collapser(o, &tasks);
            CollapseTicket leader = collapser.acquire("x", CancelToken(), {});
            Outcomes timed;
            for (int i = 0; i < 10; ++i)
                QVERIFY(collapser.acquire("x", CancelToken(), timed.callback()).isWaiter());
            QTRY_COMPARE_WITH_TIMEOUT(timed.count(CollapseOutcome::Status::TimedOut), 10, 5000);
            QCOMPARE(tasks.live(TaskKind::CollapseWait), qint64(0));
            QCOMPARE(collapser.stats().liveWaiters, qint64(0));
        }
        QCOMPARE(tasks.liveTotal(), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestSeedTasks)
#include "tst_seed_tasks.moc"
