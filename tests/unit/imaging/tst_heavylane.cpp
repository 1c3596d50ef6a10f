// The heavy lane (issue 23, finding 2): at most `slots` heavy passes at once,
// the rest refused at once with 503 request.heavy_throttled; passes under
// limits.heavyTransformCost never touch the lane.
#include "imagingtesthelpers.h"

#include "imaging/heavylane.h"

#include <thread>

using namespace mort;
using namespace mort::test;

class TestHeavyLane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(initImaging("tst_heavylane").ok()); }

    void ticketsAreBoundedAndReleased()
    {
        HeavyLane lane(2);
        HeavyLane::Ticket a = lane.tryEnter();
        HeavyLane::Ticket b = lane.tryEnter();
        QVERIFY(a.isValid() && b.isValid());
        QVERIFY(!lane.tryEnter().isValid());
        QCOMPARE(lane.running(), 2);
        QCOMPARE(lane.refused(), quint64(1));
        {
            HeavyLane::Ticket moved = std::move(a);
            QVERIFY(!a.isValid());
            QCOMPARE(lane.running(), 2);
        }
        QCOMPARE(lane.running(), 1);
        QVERIFY(lane.tryEnter().isValid()); // entered and released at once
        QCOMPARE(lane.running(), 1);
        QCOMPARE(HeavyLane(0).slots(), 1);
    }

    void concurrentEntriesNeverExceedTheSlots()
    {
        HeavyLane lane(3);
        std::atomic<int> peak{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 20000; ++i) {
                    HeavyLane::Ticket ticket = lane.tryEnter();
                    if (ticket.isValid())
                        peak = std::max(peak.load(), lane.running());
                }
            });
        }
        for (std::thread &t : threads)
            t.join();
        QVERIFY(peak <= 3);
        QCOMPARE(lane.running(), 0);
        QCOMPARE(lane.admitted() + lane.refused(), quint64(8 * 20000));
    }

    // A blur of a 24 Mpx image (cost ~2e9) while the only heavy slot is
    // taken: refused at once; a cheap resize on the same processor runs.
    void heavyPassIsRefusedWhenTheLaneIsFull()
    {
        auto lane = std::make_shared<HeavyLane>(1);
        const ImageProcessor processor(LimitsConfig{}, {}, lane);
        const QByteArray big = testImage("photos/photo_6000x4000.jpg");
        HeavyLane::Ticket held = lane->tryEnter(); // another heavy request is running

        Transforms heavy;
        heavy.blur(10.0, 0);
        QElapsedTimer timer;
        timer.start();
        const auto refused = processor.process(big, {heavy}, CancelToken());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().httpStatus, 503);
        QCOMPARE(refused.error().code, QByteArray("request.heavy_throttled"));
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));

        Transforms cheap;
        cheap.resize(200, 0, false, true, false);
        const auto ok = processor.process(big, {cheap}, CancelToken());
        QVERIFY(ok.ok());
        QCOMPARE(ok->width, 200);

        held = HeavyLane::Ticket(); // the other one finished
        Transforms smallHeavy;
        smallHeavy.resize(1000, 0, false, true, false);
        smallHeavy.blur(10.0, 0);
        QVERIFY(processor.process(big, {smallHeavy}, CancelToken()).ok());
        QCOMPARE(lane->running(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHeavyLane)
#include "tst_heavylane.moc"
