// Distributed collapsing on a real redis-server (lock/redislock.h): two
// RedisLock objects with their own clients play two instances. Every case
// ends with the lock-refresh and pubsub tasks back at zero (seed finding 21).
#include "lock/redislock.h"
#include "redis/redisclient.h"
#include "redistestserver.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QTest>

#include <future>

using namespace mort;
using namespace mort::test;

namespace {

// Collects the one outcome of acquire() for the test thread.
class Outcome
{
public:
    RedisLock::Callback callback()
    {
        return [state = m_state](RedisLockOutcome o) {
            QMutexLocker lock(&state->mutex);
            state->outcome = std::move(o);
            state->elapsedMs = state->timer.elapsed();
            state->count++;
        };
    }
    int count() const
    {
        QMutexLocker lock(&m_state->mutex);
        return m_state->count;
    }
    RedisLockOutcome get() const
    {
        QMutexLocker lock(&m_state->mutex);
        return m_state->outcome;
    }
    // Drops the outcome (and with it an Acquired lease).
    void forget()
    {
        QMutexLocker lock(&m_state->mutex);
        m_state->outcome = {};
    }
    qint64 elapsedMs() const
    {
        QMutexLocker lock(&m_state->mutex);
        return m_state->elapsedMs;
    }

private:
    struct State
    {
        State() { timer.start(); }
        mutable QMutex mutex;
        RedisLockOutcome outcome;
        int count = 0;
        qint64 elapsedMs = 0;
        QElapsedTimer timer;
    };
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

SharedResponse answer(const QByteArray &body)
{
    return CachedResponse::create(200, {{"Content-Type", "image/webp"}, {"ETag", "\"e1\""}}, body);
}

} // namespace

class TestRedisLock : public QObject
{
    Q_OBJECT

    std::unique_ptr<RedisTestServer> m_server;
    TaskRegistry m_tasks;

    std::shared_ptr<RedisClient> client()
    {
        auto c = std::make_shared<RedisClient>(
            RedisOptions::fromConfig("redis", {m_server->address()},
                                     {{"commandTimeoutMs", "300"}, {"connectTimeoutMs", "300"}}),
            "lock");
        [&] { QTRY_VERIFY_WITH_TIMEOUT(c->reachable(), 5000); }();
        return c;
    }
    std::unique_ptr<RedisLock> lock(std::shared_ptr<RedisClient> c, qint64 ttlMs = 2000)
    {
        RedisLockOptions o;
        o.lockTtlMs = ttlMs;
        return std::make_unique<RedisLock>(std::move(c), o, &m_tasks);
    }
    void expectIdle()
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_tasks.live(TaskKind::LockRefresh), qint64(0), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_tasks.live(TaskKind::PubSub), qint64(0), 5000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!redisToolsInstalled())
            QSKIP("redis-server/redis-cli not installed (packaging/install-deps.sh installs them)");
    }
    void init()
    {
        m_server = std::make_unique<RedisTestServer>();
        QVERIFY(m_server->start());
    }
    void cleanup()
    {
        expectIdle();
        m_server.reset();
    }

    void waiterOnAnotherInstanceReceivesTheResult()
    {
        auto a = lock(client());
        auto b = lock(client());
        Outcome leader, waiter;
        a->acquire("media/small/x.jpg", CancelToken(), leader.callback());
        QTRY_COMPARE_WITH_TIMEOUT(leader.count(), 1, 5000);
        QCOMPARE(leader.get().status, RedisLockOutcome::Status::Acquired);
        QCOMPARE(m_tasks.live(TaskKind::LockRefresh), qint64(1));
        b->acquire("media/small/x.jpg", CancelToken(), waiter.callback());
        QTRY_COMPARE_WITH_TIMEOUT(b->stats().liveWaiters, qint64(1), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->cli({"PUBSUB", "NUMSUB", "mort-v1:lock:media/small/x.jpg"}),
                                  QByteArray("mort-v1:lock:media/small/x.jpg\n1"), 5000);
        QCOMPARE(waiter.count(), 0);
        QCOMPARE(m_tasks.live(TaskKind::PubSub), qint64(1));
        leader.get().lease->complete(answer("webp-bytes"));
        QTRY_COMPARE_WITH_TIMEOUT(waiter.count(), 1, 5000);
        const RedisLockOutcome got = waiter.get();
        QCOMPARE(got.status, RedisLockOutcome::Status::Result);
        QCOMPARE(got.response->body(), QByteArray("webp-bytes"));
        QCOMPARE(got.response->header("ETag"), QByteArray("\"e1\""));
        QCOMPARE(b->stats().results, quint64(1));
        QCOMPARE(a->stats().acquired, quint64(1));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->cli({"EXISTS", "mort-v1:lock:media/small/x.jpg"}), QByteArray("0"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->cli({"PUBSUB", "NUMSUB", "mort-v1:lock:media/small/x.jpg"}),
                                  QByteArray("mort-v1:lock:media/small/x.jpg\n0"), 5000);
        // A request right after (the lock is free) takes the result frame instead of leading
        // (the gap between its cache miss and the lock), and leaves the lock free again.
        Outcome again;
        b->acquire("media/small/x.jpg", CancelToken(), again.callback());
        QTRY_COMPARE_WITH_TIMEOUT(again.count(), 1, 5000);
        QCOMPARE(again.get().status, RedisLockOutcome::Status::Result);
        QCOMPARE(again.get().response->body(), QByteArray("webp-bytes"));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->cli({"EXISTS", "mort-v1:lock:media/small/x.jpg"}), QByteArray("0"), 5000);
        // Once the result frame has expired, the next one leads.
        QCOMPARE(m_server->cli({"DEL", "mort-v1:result:media/small/x.jpg"}), QByteArray("1"));
        Outcome lead;
        b->acquire("media/small/x.jpg", CancelToken(), lead.callback());
        QTRY_COMPARE_WITH_TIMEOUT(lead.count(), 1, 5000);
        QCOMPARE(lead.get().status, RedisLockOutcome::Status::Acquired);
        const int lockTtl = m_server->cli({"PTTL", "mort-v1:lock:media/small/x.jpg"}).toInt();
        QVERIFY2(lockTtl > 0 && lockTtl <= 2000, qPrintable(QString::number(lockTtl)));
    }

    void leaseDroppedWithoutResultReleasesWaiters()
    {
        auto a = lock(client());
        auto b = lock(client());
        Outcome leader, waiter;
        a->acquire("k", CancelToken(), leader.callback());
        QTRY_COMPARE_WITH_TIMEOUT(leader.count(), 1, 5000);
        b->acquire("k", CancelToken(), waiter.callback());
        QTRY_COMPARE_WITH_TIMEOUT(m_server->cli({"PUBSUB", "NUMSUB", "mort-v1:lock:k"}),
                                  QByteArray("mort-v1:lock:k\n1"), 5000);
        // The leader's work ends without complete()/fail(): dropping the lease releases it as failed.
        leader.forget();
        QTRY_COMPARE_WITH_TIMEOUT(waiter.count(), 1, 5000);
        QCOMPARE(waiter.get().status, RedisLockOutcome::Status::Released);
        QVERIFY(waiter.elapsedMs() < 2000); // long before the 2 s TTL
        QCOMPARE(m_server->cli({"EXISTS", "mort-v1:result:k"}), QByteArray("0"));
    }

    void waiterTimesOutAtLockTimeoutWhileTheLeaderRefreshes()
    {
        auto a = lock(client(), 400);
        auto b = lock(client(), 400);
        Outcome leader, waiter;
        a->acquire("slow", CancelToken(), leader.callback());
        QTRY_COMPARE_WITH_TIMEOUT(leader.count(), 1, 5000);
        b->acquire("slow", CancelToken(), waiter.callback());
        QTRY_COMPARE_WITH_TIMEOUT(waiter.count(), 1, 5000);
        QCOMPARE(waiter.get().status, RedisLockOutcome::Status::TimedOut);
        QVERIFY2(waiter.elapsedMs() >= 380 && waiter.elapsedMs() < 1000,
                 qPrintable(QString::number(waiter.elapsedMs())));
        // Refreshed every 200 ms: after three refreshes (600 ms > TTL) the lock is still held.
        QTRY_VERIFY_WITH_TIMEOUT(a->stats().refreshes >= 3, 5000);
        QCOMPARE(m_server->cli({"EXISTS", "mort-v1:lock:slow"}), QByteArray("1"));
        leader.get().lease->fail();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->cli({"EXISTS", "mort-v1:lock:slow"}), QByteArray("0"), 5000);
        QCOMPARE(a->stats().lost, quint64(0));
    }

    void lockTakenAwayIsNoticedByTheRefresh()
    {
        auto a = lock(client(), 300);
        Outcome leader;
        a->acquire("stolen", CancelToken(), leader.callback());
        QTRY_COMPARE_WITH_TIMEOUT(leader.count(), 1, 5000);
        QCOMPARE(m_server->cli({"SET", "mort-v1:lock:stolen", "someone-else"}), QByteArray("OK"));
        QTRY_COMPARE_WITH_TIMEOUT(a->stats().lost, quint64(1), 5000);
        leader.get().lease->fail();
        // Not ours: neither deleted nor announced as failed.
        QTRY_COMPARE_WITH_TIMEOUT(a->stats().liveLeases, qint64(0), 5000);
        QCOMPARE(m_server->cli({"GET", "mort-v1:lock:stolen"}), QByteArray("someone-else"));
    }

    void cancelledWaiterLeavesPromptly()
    {
        auto a = lock(client());
        auto b = lock(client());
        Outcome leader, waiter;
        a->acquire("c", CancelToken(), leader.callback());
        QTRY_COMPARE_WITH_TIMEOUT(leader.count(), 1, 5000);
        CancelToken token;
        b->acquire("c", token, waiter.callback());
        QTRY_COMPARE_WITH_TIMEOUT(b->stats().liveWaiters, qint64(1), 5000);
        QElapsedTimer t;
        t.start();
        token.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(waiter.count(), 1, 5000);
        QCOMPARE(waiter.get().status, RedisLockOutcome::Status::Cancelled);
        QVERIFY2(t.elapsed() < 300, qPrintable(QString::number(t.elapsed())));
        // A request deadline shorter than lockTimeout bounds the wait too.
        Outcome deadlined;
        b->acquire("c", CancelToken(QDeadlineTimer(200)), deadlined.callback());
        QTRY_COMPARE_WITH_TIMEOUT(deadlined.count(), 1, 5000);
        QCOMPARE(deadlined.get().status, RedisLockOutcome::Status::TimedOut);
        QVERIFY2(deadlined.elapsedMs() < 600, qPrintable(QString::number(deadlined.elapsedMs())));
        leader.get().lease->fail();
    }

    void redisGoneDegradesAtOnce()
    {
        auto c = client();
        auto a = lock(c);
        auto b = lock(client());
        Outcome leader, waiter;
        a->acquire("d", CancelToken(), leader.callback());
        QTRY_COMPARE_WITH_TIMEOUT(leader.count(), 1, 5000);
        b->acquire("d", CancelToken(), waiter.callback());
        QTRY_COMPARE_WITH_TIMEOUT(m_server->cli({"PUBSUB", "NUMSUB", "mort-v1:lock:d"}),
                                  QByteArray("mort-v1:lock:d\n1"), 5000);
        m_server->kill();
        // The waiter's subscription is lost: it degrades instead of waiting 2 s for nothing.
        QTRY_COMPARE_WITH_TIMEOUT(waiter.count(), 1, 5000);
        QCOMPARE(waiter.get().status, RedisLockOutcome::Status::Unavailable);
        QVERIFY2(waiter.elapsedMs() < 1500, qPrintable(QString::number(waiter.elapsedMs())));
        QTRY_VERIFY_WITH_TIMEOUT(!c->reachable(), 5000);
        for (int i = 0; i < 20; ++i) {
            Outcome o;
            a->acquire("e" + QString::number(i), CancelToken(), o.callback());
            QTRY_COMPARE_WITH_TIMEOUT(o.count(), 1, 2000);
            QCOMPARE(o.get().status, RedisLockOutcome::Status::Unavailable);
            QVERIFY2(o.elapsedMs() < 400, qPrintable(QString::number(o.elapsedMs())));
        }
        leader.get().lease->complete(answer("x")); // nowhere to go: dropped, no task left
        QTRY_COMPARE_WITH_TIMEOUT(a->stats().liveLeases, qint64(0), 5000);
        QCOMPARE(c->stats().pending, qint64(0));
    }

    void destroyingTheLockCancelsWaiters()
    {
        auto a = lock(client());
        auto b = lock(client());
        Outcome leader, waiter;
        a->acquire("s", CancelToken(), leader.callback());
        QTRY_COMPARE_WITH_TIMEOUT(leader.count(), 1, 5000);
        b->acquire("s", CancelToken(), waiter.callback());
        QTRY_COMPARE_WITH_TIMEOUT(b->stats().liveWaiters, qint64(1), 5000);
        b.reset();
        QCOMPARE(waiter.count(), 1);
        QCOMPARE(waiter.get().status, RedisLockOutcome::Status::Cancelled);
        leader.get().lease->fail();
    }
};

QTEST_GUILESS_MAIN(TestRedisLock)
#include "tst_redislock.moc"
