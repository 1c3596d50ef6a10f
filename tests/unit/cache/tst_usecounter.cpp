// minUseCount: cache on the N-th cacheable miss; the counters stay bounded.
#include "cache/usecounter.h"

#include <QTest>

using namespace mort;

class TestUseCounter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void thresholdOfZeroOrOneAlwaysCaches()
    {
        UseCounter c;
        QVERIFY(c.reached(QStringLiteral("k"), 0));
        QVERIFY(c.reached(QStringLiteral("k"), 1));
        QCOMPARE(c.size(), 0);
    }

    void cachesOnTheNthMissThenStartsOver()
    {
        UseCounter c;
        QVERIFY(!c.reached(QStringLiteral("k"), 3));
        QVERIFY(!c.reached(QStringLiteral("k"), 3));
        QVERIFY(c.reached(QStringLiteral("k"), 3));
        QCOMPARE(c.size(), 0); // forgotten once reached, as Mort deletes its counter
        QVERIFY(!c.reached(QStringLiteral("k"), 3));
    }

    void keysCountSeparately()
    {
        UseCounter c;
        QVERIFY(!c.reached(QStringLiteral("a"), 2));
        QVERIFY(!c.reached(QStringLiteral("b"), 2));
        QVERIFY(c.reached(QStringLiteral("a"), 2));
        QVERIFY(c.reached(QStringLiteral("b"), 2));
    }

    void aFloodOfUniqueKeysStaysWithinCapacity()
    {
        UseCounter c(100);
        for (int i = 0; i < 10000; ++i)
            QVERIFY(!c.reached(QString::number(i), 2));
        QCOMPARE(c.size(), 100);
        QVERIFY(c.reached(QStringLiteral("9999"), 2)); // recent keys are still counted
        QVERIFY(!c.reached(QStringLiteral("0"), 2));   // the oldest were dropped
    }
};

QTEST_GUILESS_MAIN(TestUseCounter)
#include "tst_usecounter.moc"
