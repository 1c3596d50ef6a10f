// Idle cleanup (spec config.md §2.3): once per idle period, only after activity.
#include "service/idlecleanup.h"

#include <QTest>

using namespace mort;

class TestIdleCleanup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runsOnceAfterActivityThenIdle()
    {
        quint64 transforms = 0;
        int released = 0;
        IdleCleanup idle(
            60, [&] { return transforms; }, [&] { ++released; }, 10);
        QTest::qWait(150);     // not a synchronisation: 7 checks (every 20 ms), none may release
        QCOMPARE(released, 0); // nothing happened yet: nothing to release
        transforms = 5;
        QTRY_COMPARE_WITH_TIMEOUT(released, 1, 2000);
        QTest::qWait(150);     // not a synchronisation: 7 more checks, no second release
        QCOMPARE(released, 1); // not again while still idle
        QCOMPARE(idle.cleanups(), 1u);
    }

    void keepsWaitingWhileBusy()
    {
        quint64 transforms = 0;
        int released = 0;
        IdleCleanup idle(
            200, [&] { return transforms; }, [&] { ++released; }, 20);
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 400) {
            ++transforms;     // a transform every ~20 ms: never idle for 200 ms
            QTest::qWait(20); // pacing: the transforms keep coming
        }
        QCOMPARE(released, 0);
        QTRY_COMPARE_WITH_TIMEOUT(released, 1, 2000);
    }
};

QTEST_GUILESS_MAIN(TestIdleCleanup)
#include "tst_idlecleanup.moc"
