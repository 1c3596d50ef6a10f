// imaging/vipsthreadbudget.h: a transform running alone may use every core
// in libvips; with company, each gets one thread. The setting follows the
// count of transforms under way, back to "alone" when they end, whichever way.
#include "imagingtesthelpers.h"

#include "imaging/vipsthreadbudget.h"

#include <QThread>

#include <optional>
#include <thread>
#include <vector>

using namespace mort;
using namespace mort::test;

class TestVipsThreadBudget : public QObject
{
    Q_OBJECT

    const int m_cores = qMax(1, QThread::idealThreadCount());

private Q_SLOTS:
    void initTestCase() { QVERIFY(initImaging("tst_vipsthreadbudget").ok()); }

    void threadsFollowTheTransformsRunning()
    {
        QCOMPARE(VipsThreadBudget::threadsFor(0), m_cores);
        QCOMPARE(VipsThreadBudget::threadsFor(1), m_cores);
        QCOMPARE(VipsThreadBudget::threadsFor(2), 1);
        QCOMPARE(VipsThreadBudget::threadsFor(64), 1);

        QCOMPARE(VipsThreadBudget::running(), 0);
        std::optional<VipsThreadBudget::Lease> first;
        first.emplace();
        QCOMPARE(VipsThreadBudget::running(), 1);
        QCOMPARE(vips_concurrency_get(), m_cores);
        {
            const VipsThreadBudget::Lease second;
            QCOMPARE(VipsThreadBudget::running(), 2);
            QCOMPARE(vips_concurrency_get(), 1);
        }
        QCOMPARE(vips_concurrency_get(), m_cores); // the first is alone again
        first.reset();
        QCOMPARE(VipsThreadBudget::running(), 0);
    }

    // One worker more than cores (it fills the gaps while a transform waits),
    // but heavy passes stay at all cores but one.
    void workersAndHeavySlotsFollowTheCores()
    {
        QCOMPARE(VipsThreadBudget::transformWorkers(), m_cores + 1);
        QCOMPARE(VipsThreadBudget::heavyTransformSlots(), qMax(1, m_cores - 1));
    }

    // Every transform gives its lease back: finished, failed or refused.
    void processReturnsItsLease()
    {
        const ImageProcessor processor{LimitsConfig{}};
        Transforms resize;
        resize.resize(120, 0, false, true, false);
        const auto ok = processor.process(testImage("photos/photo_800x600.jpg"), {resize}, CancelToken());
        QVERIFY(ok.ok());
        QCOMPARE(ok->width, 120);
        QCOMPARE(VipsThreadBudget::running(), 0);

        const auto broken = processor.process(QByteArray("not an image"), {resize}, CancelToken());
        QVERIFY(!broken.ok());
        QCOMPARE(VipsThreadBudget::running(), 0);

        CancelToken cancelled;
        cancelled.cancel();
        const auto stopped = processor.process(testImage("photos/photo_800x600.jpg"), {resize}, cancelled);
        QVERIFY(!stopped.ok());
        QCOMPARE(VipsThreadBudget::running(), 0);
    }

    // Transforms at once on several threads: each result right, and the
    // setting is "alone" again at the end.
    void concurrentTransformsEndAlone()
    {
        const ImageProcessor processor{LimitsConfig{}};
        const QByteArray source = testImage("photos/photo_800x600.jpg");
        std::atomic<int> wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < 5; ++i) {
                    Transforms resize;
                    const int width = 100 + 37 * t + i;
                    resize.resize(width, 0, false, true, false);
                    const auto out = processor.process(source, {resize}, CancelToken());
                    if (!out.ok() || out->width != width)
                        ++wrong;
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(wrong.load(), 0);
        QCOMPARE(VipsThreadBudget::running(), 0);
        QCOMPARE(vips_concurrency_get(), m_cores);
    }
};

QTEST_GUILESS_MAIN(TestVipsThreadBudget)
#include "tst_vipsthreadbudget.moc"
