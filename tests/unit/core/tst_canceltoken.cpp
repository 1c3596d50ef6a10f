// CancelToken: an explicit cancel and a passed deadline stop the work; an
// abandonment condition (a collapsed transform nobody wants) stops it too and
// stays: a waiter arriving after libvips was killed must not make the token
// look live again (the kill then read as "image data is corrupt", 422, and
// was handed to that waiter; tst_collapsefaults under load).
#include "core/cancellation.h"

#include <QTest>

#include <atomic>

using namespace mort;

class TestCancelToken : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cancelAndDeadline()
    {
        CancelToken token;
        QVERIFY(!token.shouldStop());
        const CancelToken copy = token; // shared state
        copy.cancel();
        QVERIFY(token.isCancelled());
        QVERIFY(token.shouldStop());
        CancelToken late(QDeadlineTimer(0));
        QVERIFY(late.isExpired());
        QVERIFY(!late.isCancelled());
        QVERIFY(late.shouldStop());
    }

    void abandonmentIsFinal()
    {
        std::atomic<bool> nobodyWants{false};
        CancelToken work;
        work.setAbandonedWhen([&nobodyWants] { return nobodyWants.load(); });
        QVERIFY(!work.isCancelled());
        nobodyWants = true; // the leader's client left, no waiter
        QVERIFY(work.shouldStop());
        nobodyWants = false; // a waiter joins after the work was stopped
        QVERIFY(work.isCancelled());
        QVERIFY(work.shouldStop());
    }

    void notAbandonedStaysLive()
    {
        int asked = 0;
        CancelToken work;
        work.setAbandonedWhen([&asked] {
            ++asked;
            return false;
        });
        QVERIFY(!work.isCancelled());
        QVERIFY(!work.shouldStop());
        QCOMPARE(asked, 2); // polled each time while live
    }
};

QTEST_GUILESS_MAIN(TestCancelToken)
#include "tst_canceltoken.moc"
