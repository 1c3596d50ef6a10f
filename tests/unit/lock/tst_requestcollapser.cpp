// Request collapsing with the memory lock (http-behaviour.md §6.1, DESIGN §2).
#include "lock/requestcollapser.h"

#include "config/config.h"
#include "core/taskregistry.h"

#include <QMutex>
#include <QSemaphore>
#include <QTest>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace mort;

namespace {

// Records every outcome delivered to the callbacks it hands out.
struct Recorder
{
    QMutex mutex;
    QList<CollapseOutcome> outcomes;
    QSemaphore delivered;

    CollapseCallback callback()
    {
        return [this](CollapseOutcome outcome) {
            {
                QMutexLocker locker(&mutex);
                outcomes.append(std::move(outcome));
            }
            delivered.release();
        };
    }
    int count()
    {
        QMutexLocker locker(&mutex);
        return outcomes.size();
    }
    CollapseOutcome at(int i)
    {
        QMutexLocker locker(&mutex);
        return outcomes.at(i);
    }
};

// Manual time for tests that drive poll() themselves.
struct FakeClock
{
    std::shared_ptr<std::atomic<qint64>> now = std::make_shared<std::atomic<qint64>>(0);
    std::function<qint64()> fn() const
    {
        auto n = now;
        return [n] { return n->load(); };
    }
};

CollapserOptions manualOptions(const FakeClock &clock, qint64 lockTimeoutMs = 1000)
{
    CollapserOptions o;
    o.lockTimeoutMs = lockTimeoutMs;
    o.timerThread = false;
    o.nowMs = clock.fn();
    return o;
}

SharedResponse image(const QByteArray &body = QByteArray(4096, 'i'))
{
    return CachedResponse::create(200, {{"Content-Type", "image/webp"}}, body);
}

} // namespace

class TestRequestCollapser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hundredConcurrentAcquirersRunOneLeader()
    {
        TaskRegistry tasks;
        RequestCollapser collapser({}, &tasks); // real timer thread, 30 s lockTimeout
        Recorder recorder;
        QMutex ticketsMutex;
        std::vector<CollapseTicket> tickets;
        QSemaphore go;

        std::vector<std::thread> threads;
        for (int i = 0; i < 100; ++i) {
            threads.emplace_back([&] {
                go.acquire(); // all start together
                CollapseTicket t = collapser.acquire("bucket/photo.jpg-w100", CancelToken(), recorder.callback());
                QMutexLocker locker(&ticketsMutex);
                tickets.push_back(std::move(t));
            });
        }
        go.release(100);
        for (auto &t : threads)
            t.join();

        int leaders = 0, waiters = 0;
        CollapseTicket *leader = nullptr;
        for (auto &t : tickets) {
            if (t.isLeader()) {
                ++leaders;
                leader = &t;
            } else if (t.isWaiter()) {
                ++waiters;
            }
        }
        QCOMPARE(leaders, 1);
        QCOMPARE(waiters, 99);
        QCOMPARE(tasks.live(TaskKind::CollapseWait), 99);
        QCOMPARE(recorder.count(), 0);

        const SharedResponse produced = image();
        const char *bytes = produced->body().constData();
        leader->complete(produced);

        QVERIFY(recorder.delivered.tryAcquire(99, 5000));
        QCOMPARE(recorder.count(), 99);
        for (int i = 0; i < 99; ++i) {
            const CollapseOutcome o = recorder.at(i);
            QCOMPARE(o.status, CollapseOutcome::Status::Completed);
            QCOMPARE(o.response.get(), produced.get()); // the identical object
            QCOMPARE(o.response->body().constData(), bytes);
        }
        QCOMPARE(tasks.live(TaskKind::CollapseWait), 0);
        QCOMPARE(tasks.started(TaskKind::CollapseWait), 99u);
        const auto s = collapser.stats();
        QCOMPARE(s.leaders, 1u);
        QCOMPARE(s.collapsed, 99u);
        QCOMPARE(s.completed, 99u);
        QCOMPARE(s.liveKeys, 0);
        QCOMPARE(s.liveWaiters, 0);
        QCOMPARE(produced.use_count(), 1 + 99); // ours + the recorder's copies: no hidden holders
    }

    void failureFansOutAndTheNextRequestLeads()
    {
        TaskRegistry tasks;
        FakeClock clock;
        RequestCollapser collapser(manualOptions(clock), &tasks);
        Recorder recorder;
        CollapseTicket leader = collapser.acquire("b/k", CancelToken(), recorder.callback());
        QVERIFY(leader.isLeader());
        std::vector<CollapseTicket> waiters;
        for (int i = 0; i < 3; ++i)
            waiters.push_back(collapser.acquire("b/k", CancelToken(), recorder.callback()));
        QCOMPARE(tasks.live(TaskKind::CollapseWait), 3);

        leader.fail(Error::upstream("storage.unavailable", 502, QStringLiteral("bad gateway")));
        QCOMPARE(recorder.count(), 3); // synchronously, on the failing thread
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(recorder.at(i).status, CollapseOutcome::Status::LeaderFailed);
            QCOMPARE(recorder.at(i).error.code, QByteArray("storage.unavailable"));
            QCOMPARE(recorder.at(i).error.httpStatus, 502);
            QVERIFY(!recorder.at(i).response);
        }
        QCOMPARE(tasks.live(TaskKind::CollapseWait), 0);

        leader.complete(image()); // too late: first resolution won
        QCOMPARE(recorder.count(), 3);

        CollapseTicket retry = collapser.acquire("b/k", CancelToken(), recorder.callback());
        QVERIFY(retry.isLeader());
        QCOMPARE(collapser.stats().failed, 3u);
        QCOMPARE(collapser.stats().leaders, 2u);
    }

    void waiterTimesOutWith504AndLeaderStillHoldsTheKey()
    {
        TaskRegistry tasks;
        FakeClock clock;
        RequestCollapser collapser(manualOptions(clock, 1000), &tasks);
        Recorder recorder;
        CollapseTicket leader = collapser.acquire("b/k", CancelToken(), {});
        CollapseTicket waiter = collapser.acquire("b/k", CancelToken(), recorder.callback());
        QVERIFY(waiter.isWaiter());

        clock.now->store(999);
        collapser.poll();
        QCOMPARE(recorder.count(), 0);
        QCOMPARE(tasks.live(TaskKind::CollapseWait), 1);

        clock.now->store(1000);
        collapser.poll();
        QCOMPARE(recorder.count(), 1);
        const CollapseOutcome o = recorder.at(0);
        QCOMPARE(o.status, CollapseOutcome::Status::TimedOut);
        QCOMPARE(o.error.code, QByteArray("lock.timeout"));
        QCOMPARE(o.error.httpStatus, 504);
        QCOMPARE(tasks.live(TaskKind::CollapseWait), 0);

        // The leader is still running: a newcomer waits on it again.
        CollapseTicket late = collapser.acquire("b/k", CancelToken(), recorder.callback());
        QVERIFY(late.isWaiter());
        leader.complete(image());
        QCOMPARE(recorder.count(), 2);
        QCOMPARE(recorder.at(1).status, CollapseOutcome::Status::Completed);
        QCOMPARE(collapser.stats().timedOut, 1u);
        QCOMPARE(collapser.stats().completed, 1u);
    }

    void requestDeadlineShortensTheWait()
    {
        FakeClock clock;
        RequestCollapser collapser(manualOptions(clock, 30000));
        Recorder recorder;
        CollapseTicket leader = collapser.acquire("b/k", CancelToken(), {});
        CollapseTicket waiter = collapser.acquire("b/k", CancelToken(QDeadlineTimer(0)), recorder.callback());
        QVERIFY(waiter.isWaiter());
        collapser.poll(); // t = 0: the request's own deadline has already passed
        QCOMPARE(recorder.count(), 1);
        QCOMPARE(recorder.at(0).status, CollapseOutcome::Status::TimedOut);
        QCOMPARE(recorder.at(0).error.httpStatus, 504);
    }

    void timerThreadTimesOutWithoutPolling()
    {
        TaskRegistry tasks;
        CollapserOptions options;
        options.lockTimeoutMs = 50;
        RequestCollapser collapser(options, &tasks);
        Recorder recorder;
        CollapseTicket leader = collapser.acquire("b/k", CancelToken(), {});
        CollapseTicket waiter = collapser.acquire("b/k", CancelToken(), recorder.callback());
        QVERIFY(recorder.delivered.tryAcquire(1, 5000));
        QCOMPARE(recorder.at(0).status, CollapseOutcome::Status::TimedOut);
        QCOMPARE(recorder.at(0).error.code, QByteArray("lock.timeout"));
        QCOMPARE(tasks.live(TaskKind::CollapseWait), 0);
    }

    void cancelledTokenIsNoticedByPolling()
    {
        TaskRegistry tasks;
        FakeClock clock;
        RequestCollapser collapser(manualOptions(clock), &tasks);
        Recorder recorder;
        CancelToken client;
        CollapseTicket leader = collapser.acquire("b/k", CancelToken(), {});
        CollapseTicket waiter = collapser.acquire("b/k", client, recorder.callback());
        client.cancel(); // the HTTP layer saw the client leave
        collapser.poll();
        QCOMPARE(recorder.count(), 1);
        QCOMPARE(recorder.at(0).status, CollapseOutcome::Status::Cancelled);
        QCOMPARE(recorder.at(0).error.code, QByteArray("lock.cancelled"));
        QCOMPARE(recorder.at(0).error.httpStatus, 499);
        QCOMPARE(tasks.live(TaskKind::CollapseWait), 0);
        QCOMPARE(collapser.stats().liveWaiters, 0);

        leader.complete(image());
        collapser.poll();
        QCOMPARE(recorder.count(), 1); // exactly once
    }

    void cancelledTokenIsNoticedByTheTimerThread()
    {
        TaskRegistry tasks;
        CollapserOptions options; // 30 s lock timeout: only the cancel can end this wait
        options.cancelPollMs = 5;
        RequestCollapser collapser(options, &tasks);
        Recorder recorder;
        CancelToken client;
        CollapseTicket leader = collapser.acquire("b/k", CancelToken(), {});
        CollapseTicket waiter = collapser.acquire("b/k", client, recorder.callback());
        client.cancel();
        QVERIFY(recorder.delivered.tryAcquire(1, 5000));
        QCOMPARE(recorder.at(0).status, CollapseOutcome::Status::Cancelled);
        QCOMPARE(tasks.live(TaskKind::CollapseWait), 0);
    }

    void ticketCancelAnswersAtOnceAndOnlyOnce()
    {
        TaskRegistry tasks;
        FakeClock clock;
        RequestCollapser collapser(manualOptions(clock), &tasks);
        Recorder recorder;
        CollapseTicket leader = collapser.acquire("b/k", CancelToken(), {});
        CollapseTicket waiter = collapser.acquire("b/k", CancelToken(), recorder.callback());
        waiter.cancel();
        QCOMPARE(recorder.count(), 1);
        QCOMPARE(recorder.at(0).status, CollapseOutcome::Status::Cancelled);
        waiter.cancel();
        leader.complete(image());
        clock.now->store(100000);
        collapser.poll();
        QCOMPARE(recorder.count(), 1);
        QCOMPARE(tasks.live(TaskKind::CollapseWait), 0);
        QCOMPARE(collapser.stats().cancelled, 1u);
    }

    void cancelledWaiterIsSkippedAtCompletion()
    {
        FakeClock clock;
        RequestCollapser collapser(manualOptions(clock));
        Recorder recorder;
        CancelToken gone;
        CancelToken present;
        CollapseTicket leader = collapser.acquire("b/k", CancelToken(), {});
        CollapseTicket w1 = collapser.acquire("b/k", gone, recorder.callback());
        CollapseTicket w2 = collapser.acquire("b/k", present, recorder.callback());
        gone.cancel(); // no poll in between: completion must notice it
        leader.complete(image());
        QCOMPARE(recorder.count(), 2);
        int completed = 0, cancelled = 0;
        for (int i = 0; i < 2; ++i) {
            const auto o = recorder.at(i);
            if (o.status == CollapseOutcome::Status::Completed)
                ++completed;
            if (o.status == CollapseOutcome::Status::Cancelled && !o.response)
                ++cancelled;
        }
        QCOMPARE(completed, 1);
        QCOMPARE(cancelled, 1);
    }

    void boundsAnswerBusy()
    {
        TaskRegistry tasks;
        FakeClock clock;
        CollapserOptions options = manualOptions(clock);
        options.maxKeys = 2;
        options.maxWaiters = 3;
        options.maxWaitersPerKey = 2;
        RequestCollapser collapser(options, &tasks);
        Recorder recorder;
        std::vector<CollapseTicket> held;

        held.push_back(collapser.acquire("b/a", CancelToken(), {}));
        QVERIFY(held.back().isLeader());
        held.push_back(collapser.acquire("b/a", CancelToken(), recorder.callback()));
        held.push_back(collapser.acquire("b/a", CancelToken(), recorder.callback()));
        QVERIFY(held.back().isWaiter());
        QVERIFY(collapser.acquire("b/a", CancelToken(), recorder.callback()).isBusy()); // per key

        held.push_back(collapser.acquire("b/b", CancelToken(), {}));
        QVERIFY(held.back().isLeader());
        held.push_back(collapser.acquire("b/b", CancelToken(), recorder.callback()));
        QVERIFY(held.back().isWaiter());
        QVERIFY(collapser.acquire("b/b", CancelToken(), recorder.callback()).isBusy()); // total waiters
        QVERIFY(collapser.acquire("b/c", CancelToken(), {}).isBusy());                  // keys

        const auto s = collapser.stats();
        QCOMPARE(s.busy, 3u);
        QCOMPARE(s.collapsed, 3u);
        QCOMPARE(s.liveKeys, 2);
        QCOMPARE(s.liveWaiters, 3);
        QCOMPARE(tasks.live(TaskKind::CollapseWait), 3); // Busy holds no task
        QCOMPARE(recorder.count(), 0);                   // Busy callbacks are never stored

        held.clear(); // leaders dropped unresolved -> abandoned -> waiters told
        QCOMPARE(recorder.count(), 3);
        QCOMPARE(tasks.live(TaskKind::CollapseWait), 0);
        QVERIFY(collapser.acquire("b/c", CancelToken(), {}).isLeader());
    }

    void abandonedLeaderFailsWaitersAndFreesTheKey()
    {
        FakeClock clock;
        RequestCollapser collapser(manualOptions(clock));
        Recorder recorder;
        CollapseTicket waiter;
        {
            CollapseTicket leader = collapser.acquire("b/k", CancelToken(), {});
            waiter = collapser.acquire("b/k", CancelToken(), recorder.callback());
            QVERIFY(waiter.isWaiter());
        } // e.g. an exception unwound the leader's flow
        QCOMPARE(recorder.count(), 1);
        QCOMPARE(recorder.at(0).status, CollapseOutcome::Status::LeaderFailed);
        QCOMPARE(recorder.at(0).error.code, QByteArray("lock.abandoned"));
        QCOMPARE(collapser.stats().abandoned, 1u);
        QVERIFY(collapser.acquire("b/k", CancelToken(), {}).isLeader());
    }

    void movedLeaderTicketResolvesOnce()
    {
        FakeClock clock;
        RequestCollapser collapser(manualOptions(clock));
        Recorder recorder;
        CollapseTicket leader = collapser.acquire("b/k", CancelToken(), {});
        CollapseTicket waiter = collapser.acquire("b/k", CancelToken(), recorder.callback());
        CollapseTicket moved = std::move(leader); // e.g. into the worker's lambda
        QVERIFY(leader.isBusy());
        QCOMPARE(recorder.count(), 0);
        moved.complete(image());
        QCOMPARE(recorder.count(), 1);
        QCOMPARE(recorder.at(0).status, CollapseOutcome::Status::Completed);
        QCOMPARE(collapser.stats().abandoned, 0u);
    }

    void sameKeyInTwoBucketsDoesNotCollapse()
    {
        // Peer C2: the caller qualifies keys with the bucket; distinct keys never share a leader.
        FakeClock clock;
        RequestCollapser collapser(manualOptions(clock));
        const CollapseTicket a = collapser.acquire("bucket1/img.jpg", CancelToken(), {});
        const CollapseTicket b = collapser.acquire("bucket2/img.jpg", CancelToken(), {});
        QVERIFY(a.isLeader());
        QVERIFY(b.isLeader());
    }

    void throwingCallbackDoesNotStarveOtherWaiters()
    {
        TaskRegistry tasks;
        FakeClock clock;
        RequestCollapser collapser(manualOptions(clock), &tasks);
        Recorder recorder;
        CollapseTicket leader = collapser.acquire("b/k", CancelToken(), {});
        CollapseTicket bad =
            collapser.acquire("b/k", CancelToken(), [](CollapseOutcome) { throw std::runtime_error("handler bug"); });
        CollapseTicket good = collapser.acquire("b/k", CancelToken(), recorder.callback());
        leader.complete(image());
        QCOMPARE(recorder.count(), 1);
        QCOMPARE(collapser.stats().callbackErrors, 1u);
        QCOMPARE(tasks.live(TaskKind::CollapseWait), 0);
    }

    void destructionCancelsWaitersAndOrphansTickets()
    {
        TaskRegistry tasks;
        Recorder recorder;
        CollapseTicket leader;
        CollapseTicket waiter;
        {
            RequestCollapser collapser({}, &tasks);
            leader = collapser.acquire("b/k", CancelToken(), {});
            waiter = collapser.acquire("b/k", CancelToken(), recorder.callback());
        }
        QCOMPARE(recorder.count(), 1);
        QCOMPARE(recorder.at(0).status, CollapseOutcome::Status::Cancelled);
        QCOMPARE(recorder.at(0).error.code, QByteArray("lock.shutdown"));
        QCOMPARE(tasks.live(TaskKind::CollapseWait), 0);
        leader.complete(image()); // the collapser is gone: a harmless no-op
        waiter.cancel();
        QCOMPARE(recorder.count(), 1);
    }

    void configTimeoutDefaultsLikeMort()
    {
        ServerConfig config;
        config.lockTimeoutSec = 0;
        QCOMPARE(CollapserOptions::fromConfig(config).lockTimeoutMs, 30000);
        config.lockTimeoutSec = 7;
        QCOMPARE(CollapserOptions::fromConfig(config).lockTimeoutMs, 7000);
    }
};

QTEST_GUILESS_MAIN(TestRequestCollapser)
#include "tst_requestcollapser.moc"
