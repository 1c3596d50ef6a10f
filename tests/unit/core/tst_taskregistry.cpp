#include "core/taskregistry.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace mort;

class TestTaskRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scopeCountsLiveAndReturnsToZero()
    {
        TaskRegistry registry;
        {
            TaskScope a(&registry, TaskKind::Request);
            TaskScope b(&registry, TaskKind::Transform);
            QCOMPARE(registry.live(TaskKind::Request), 1);
            QCOMPARE(registry.live(TaskKind::Transform), 1);
            QCOMPARE(registry.liveTotal(), 2);
        }
        QCOMPARE(registry.liveTotal(), 0);
        QCOMPARE(registry.started(TaskKind::Request), 1u);
    }

    void movedScopeEndsOnce()
    {
        TaskRegistry registry;
        TaskScope outer;
        {
            TaskScope inner(&registry, TaskKind::Fetch);
            outer = std::move(inner);
        }
        QCOMPARE(registry.live(TaskKind::Fetch), 1);
        outer.release();
        outer.release();
        QCOMPARE(registry.live(TaskKind::Fetch), 0);
        const auto snap = registry.snapshot();
        QCOMPARE(snap.at(int(TaskKind::Fetch)).finished, 1u);
    }

    void concurrentScopesBalance()
    {
        TaskRegistry registry;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&] {
                for (int i = 0; i < 10000; ++i)
                    TaskScope s(&registry, TaskKind::Store);
            });
        for (auto &th : threads)
            th.join();
        QCOMPARE(registry.live(TaskKind::Store), 0);
        QCOMPARE(registry.started(TaskKind::Store), 40000u);
    }
};

QTEST_GUILESS_MAIN(TestTaskRegistry)
#include "tst_taskregistry.moc"
