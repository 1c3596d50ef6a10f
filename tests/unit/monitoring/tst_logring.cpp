#include "monitoring/logring.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace mort;

class TestLogRing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsTheNewestLinesWithinTheCount()
    {
        LogRing ring(3);
        for (int i = 1; i <= 5; ++i)
            ring.append(QStringLiteral("info"), QStringLiteral("t"), QString::number(i));
        QCOMPARE(ring.size(), 3);
        const QList<LogLine> all = ring.since(0, 10);
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.first().message, QStringLiteral("3"));
        QCOMPARE(all.first().seq, 3u);
        QCOMPARE(all.last().seq, 5u);
    }

    void sinceReturnsOnlyNewerLinesUpToMax()
    {
        LogRing ring(100);
        for (int i = 1; i <= 10; ++i)
            ring.append(QStringLiteral("warn"), QStringLiteral("t"), QString::number(i));
        const QList<LogLine> some = ring.since(4, 3);
        QCOMPARE(some.size(), 3);
        QCOMPARE(some.at(0).seq, 5u);
        QCOMPARE(some.at(2).seq, 7u);
        QVERIFY(ring.since(10, 5).isEmpty());
        QCOMPARE(ring.lastSeq(), 10u);
    }

    void bytesStayWithinTheBudget()
    {
        LogRing ring(100000, 64 * 1024);
        for (int i = 0; i < 5000; ++i)
            ring.append(QStringLiteral("info"), QStringLiteral("t"), QString(200, QLatin1Char('x')));
        QVERIFY(ring.bytes() <= 64 * 1024);
        QVERIFY(ring.size() > 10);
        ring.append(QStringLiteral("info"), QStringLiteral("t"), QString(100000, QLatin1Char('y')));
        QCOMPARE(ring.since(ring.lastSeq() - 1, 1).first().message.size(), 4097); // truncated + ellipsis
    }

    void concurrentAppendsGetUniqueSequenceNumbers()
    {
        LogRing ring(100000, 64 << 20);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&] {
                for (int i = 0; i < 1000; ++i)
                    ring.append(QStringLiteral("info"), QStringLiteral("t"), QStringLiteral("m"));
            });
        for (auto &th : threads)
            th.join();
        QCOMPARE(ring.size(), 4000);
        const QList<LogLine> all = ring.since(0, 5000);
        for (int i = 1; i < all.size(); ++i)
            QCOMPARE(all.at(i).seq, all.at(i - 1).seq + 1);
    }
};

QTEST_GUILESS_MAIN(TestLogRing)
#include "tst_logring.moc"
