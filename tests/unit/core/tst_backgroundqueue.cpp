// The bounded background queue (DESIGN: no unbounded background work).
#include "core/backgroundqueue.h"

#include <QSemaphore>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace mort;

namespace {

// Jobs wait on it; open() lets every one of them through.
class Latch
{
public:
    void wait()
    {
        m_gate.acquire();
        m_gate.release();
    }
    void open() { m_gate.release(); }

private:
    QSemaphore m_gate{0};
};

// Opens the latch when a test returns early on a failed check, so the queue's
// destructor does not wait forever for blocked jobs.
struct OpenOnExit
{
    Latch &latch;
    ~OpenOnExit() { latch.open(); }
};

} // namespace

class TestBackgroundQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void postBeyondCapacityIsDropped_data()
    {
        QTest::addColumn<int>("capacity");
        QTest::addColumn<int>("threads");
        QTest::newRow("capacity 1, 1 thread") << 1 << 1;
        QTest::newRow("capacity 3, 1 thread (2 queued)") << 3 << 1;
        QTest::newRow("capacity 4, 4 threads (all running)") << 4 << 4;
    }

    void postBeyondCapacityIsDropped()
    {
        QFETCH(int, capacity);
        QFETCH(int, threads);
        TaskRegistry tasks;
        Latch latch;
        QSemaphore started;
        BackgroundQueue queue(capacity, threads, &tasks);
        OpenOnExit guard{latch};
        QCOMPARE(queue.capacity(), capacity);
        for (int i = 0; i < capacity; ++i) {
            QVERIFY(queue.post([&] {
                started.release();
                latch.wait();
            }));
        }
        QVERIFY(started.tryAcquire(std::min(capacity, threads), 5000)); // the running ones are blocked
        QCOMPARE(queue.pending(), qint64(capacity));
        QCOMPARE(tasks.live(TaskKind::Background), qint64(capacity));

        bool ran = false;
        QVERIFY(!queue.post([&] { ran = true; }));
        QCOMPARE(queue.dropped(), 1u);
        QCOMPARE(queue.pending(), qint64(capacity));
        QCOMPARE(tasks.live(TaskKind::Background), qint64(capacity));

        latch.open();
        queue.waitForIdle();
        QVERIFY(!ran);
        QCOMPARE(queue.completed(), quint64(capacity));
        QCOMPARE(queue.pending(), 0);
        QCOMPARE(tasks.live(TaskKind::Background), 0);
        QCOMPARE(tasks.started(TaskKind::Background), quint64(capacity));

        // Space again once the jobs finished.
        QVERIFY(queue.post([&] { ran = true; }));
        queue.waitForIdle();
        QVERIFY(ran);
        QCOMPARE(queue.dropped(), 1u);
    }

    void pendingNeverExceedsCapacityUnderAFlood_data()
    {
        QTest::addColumn<bool>("blocked");
        QTest::newRow("jobs blocked: only the first `capacity` posts succeed") << true;
        QTest::newRow("jobs finishing while the flood goes on") << false;
    }

    void pendingNeverExceedsCapacityUnderAFlood()
    {
        QFETCH(bool, blocked);
        constexpr int kCapacity = 8, kThreads = 4, kPosts = 10000;
        TaskRegistry tasks;
        Latch latch;
        std::atomic<int> ran{0};
        std::atomic<qint64> maxSeen{0};
        std::atomic<bool> flooding{true};
        auto record = [&maxSeen](qint64 v) {
            qint64 seen = maxSeen.load();
            while (v > seen && !maxSeen.compare_exchange_weak(seen, v)) {}
        };
        BackgroundQueue queue(kCapacity, 2, &tasks);
        OpenOnExit guard{latch};
        if (!blocked)
            latch.open();

        // An observer reads pending() continuously while the posters flood.
        std::thread observer([&] {
            while (flooding.load())
                record(queue.pending());
        });
        std::atomic<quint64> accepted{0};
        std::vector<std::thread> posters;
        for (int t = 0; t < kThreads; ++t)
            posters.emplace_back([&] {
                for (int i = 0; i < kPosts; ++i) {
                    if (queue.post([&] {
                            latch.wait();
                            ran.fetch_add(1);
                        }))
                        accepted.fetch_add(1);
                    record(queue.pending());
                }
            });
        for (auto &p : posters)
            p.join();
        flooding = false;
        observer.join();

        QVERIFY2(maxSeen.load() <= kCapacity, qPrintable(QString::number(maxSeen.load())));
        QCOMPARE(accepted.load() + queue.dropped(), quint64(kThreads * kPosts));
        if (blocked) {
            QCOMPARE(accepted.load(), quint64(kCapacity));
            QCOMPARE(queue.pending(), qint64(kCapacity));
        }
        latch.open();
        queue.waitForIdle();
        QCOMPARE(quint64(ran.load()), accepted.load());
        QCOMPARE(queue.completed(), accepted.load());
        QCOMPARE(queue.pending(), 0);
        QCOMPARE(tasks.live(TaskKind::Background), 0);
        QCOMPARE(tasks.started(TaskKind::Background), accepted.load());
    }

    void throwingJobIsContained()
    {
        TaskRegistry tasks;
        BackgroundQueue queue(4, 1, &tasks);
        QTest::ignoreMessage(QtWarningMsg, "background job failed: boom");
        QTest::ignoreMessage(QtWarningMsg, "background job failed with an unknown exception");
        QVERIFY(queue.post([] { throw std::runtime_error("boom"); }));
        queue.waitForIdle();
        QVERIFY(queue.post([] { throw 42; }));
        queue.waitForIdle();
        QCOMPARE(queue.completed(), 2u);
        QCOMPARE(queue.pending(), 0);
        QCOMPARE(tasks.live(TaskKind::Background), 0);

        // The queue keeps working.
        std::atomic<bool> ran{false};
        QVERIFY(queue.post([&] { ran = true; }));
        queue.waitForIdle();
        QVERIFY(ran.load());
        QCOMPARE(queue.completed(), 3u);
        QCOMPARE(queue.dropped(), 0u);
    }

    void jobThatWaitedPastItsTimeoutIsDroppedAsStale()
    {
        TaskRegistry tasks;
        Latch latch;
        OpenOnExit guard{latch};
        std::atomic<int> ran{0};
        BackgroundQueue queue(8, 1, &tasks, 50);
        QVERIFY(queue.post([&] {
            latch.wait();
            ran.fetch_add(1);
        }));                                            // occupies the only thread
        QVERIFY(queue.post([&] { ran.fetch_add(1); })); // waits behind it
        QTest::qWait(120);                              // longer than the 50 ms timeout
        latch.open();
        QTRY_COMPARE(queue.pending(), 0);
        QCOMPARE(ran.load(), 1); // the blocked one ran; the stale one never did
        QCOMPARE(queue.expired(), 1u);
        QCOMPARE(queue.completed(), 1u);
        QCOMPARE(tasks.live(TaskKind::Background), 0);
    }

    void destructorWaitsForRunningJobs()
    {
        TaskRegistry tasks;
        std::atomic<int> ran{0};
        {
            BackgroundQueue queue(16, 2, &tasks);
            for (int i = 0; i < 16; ++i)
                QVERIFY(queue.post([&] { ran.fetch_add(1); }));
        }
        QCOMPARE(ran.load(), 16);
        QCOMPARE(tasks.live(TaskKind::Background), 0);
    }

    void worksWithoutARegistry()
    {
        BackgroundQueue queue(1, 1, nullptr);
        std::atomic<bool> ran{false};
        QVERIFY(queue.post([&] { ran = true; }));
        queue.waitForIdle();
        QVERIFY(ran.load());
        QCOMPARE(queue.completed(), 1u);
    }
};

QTEST_GUILESS_MAIN(TestBackgroundQueue)
#include "tst_backgroundqueue.moc"
