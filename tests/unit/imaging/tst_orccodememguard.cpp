// Regression test for the liborc heap corruption that crashed
// tst_collapsefaults under ASan (CI, 2026-12-06; 1 in 20 local runs):
// liborc 0.4.33 frees compiled code without a lock while libvips compiles under
// its own. imaging/orccodememguard.cpp routes both through one mutex.
//
// libvipsCallsGoThroughTheGuard proves that libvips' calls reach the guard.
// The race test calls liborc the way libvips does (compile under a lock of the
// caller's, free under none), through the same guarded definitions; the race
// itself is reproduced with liborc alone by tests/bench/orc-codemem-race.c.
#include "imaging/imageprocessor.h"
#include "imaging/orccodememguard.h"

#include <orc/orc.h>
#include <vips/vips.h>
#include <vips/vector.h>

#include <QTest>

#include <cstdlib>

#include <array>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

using namespace mort;

namespace {

// d1 = s1 * 2^doublings (bytes, wrapping), as `doublings` additions.
OrcProgram *newDoublingProgram(int doublings)
{
    OrcProgram *program = orc_program_new_ds(1, 1);
    orc_program_add_temporary(program, 1, "t");
    orc_program_append_ds_str(program, "copyb", "t", "s1");
    for (int i = 0; i < doublings; ++i)
        orc_program_append_str(program, "addb", "t", "t", "t");
    orc_program_append_ds_str(program, "copyb", "d1", "t");
    return program;
}

} // namespace

class TestOrcCodeMemGuard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(initImaging("tst_orccodememguard").ok()); }

    // The executable exports the guarded functions, so libvips binds to them,
    // and initImaging() therefore leaves the vector paths on.
    void guardIsInPlaceAndVectorPathsAreOn()
    {
        QVERIFY(orcCodeMemoryGuarded());
        if (qEnvironmentVariable("MORT_VIPS_VECTOR").trimmed() == QLatin1String("0"))
            QSKIP("MORT_VIPS_VECTOR=0 turns the vector paths off");
        QVERIFY(vips_vector_isenabled());
    }

    // libvips' own calls (a resize compiles reducev programs, dropping the
    // image frees them) reach the guard: the deterministic half of the proof.
    void libvipsCallsGoThroughTheGuard()
    {
        if (!vips_vector_isenabled())
            QSKIP("vector paths off: libvips compiles nothing");
        VipsImage *source = nullptr;
        QCOMPARE(vips_black(&source, 640, 480, "bands", 3, nullptr), 0);
        const unsigned long long before = orcCodeMemoryGuardedCalls();
        VipsImage *resized = nullptr;
        QCOMPARE(vips_resize(source, &resized, 0.37, nullptr), 0);
        double average = -1;
        QCOMPARE(vips_avg(resized, &average, nullptr), 0);
        QCOMPARE(average, 0.0);
        const unsigned long long afterCompile = orcCodeMemoryGuardedCalls();
        g_object_unref(resized);
        g_object_unref(source);
        const unsigned long long afterFree = orcCodeMemoryGuardedCalls();
        QVERIFY2(afterCompile > before, "libvips compiled no orc program through the guard");
        QVERIFY2(afterFree > afterCompile, "libvips freed no orc program through the guard");
    }

    void concurrentCompileAndFreeKeepLiborcIntact()
    {
        // The race of tests/bench/orc-codemem-race.c, through the guard. That
        // program, liborc alone, crashes under ASan within seconds without the
        // lock; in this process, where libvips' start-up already holds code
        // memory, the unguarded race crashed in none of 20 runs of 32,000-40,000
        // compiles on 4-16 threads.
        // So this is a stress of the guarded paths (no deadlock, working code
        // after), and libvipsCallsGoThroughTheGuard is what fails for sure if
        // the routing breaks. About 1 s in a release build, 5 s under ASan.
        constexpr int kThreads = 16; // more threads than cores: frees get preempted mid-merge
        constexpr int kIterations = 1000;
        std::mutex compileLock; // libvips' vips__global_lock in vips_vector_compile
        std::atomic<int> failedCompiles{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                unsigned seed = unsigned(t + 1);
                for (int i = 0; i < kIterations; ++i) {
                    // Programs of different lengths take chunks of different
                    // sizes, so frees split and merge neighbours.
                    OrcProgram *program = newDoublingProgram(1 + rand_r(&seed) % 8);
                    OrcCompileResult result;
                    {
                        std::lock_guard lock(compileLock);
                        result = orc_program_compile(program);
                    }
                    if (!ORC_COMPILE_RESULT_IS_SUCCESSFUL(result))
                        ++failedCompiles;
                    orc_program_free(program); // unlocked, as vips_vector_free does
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(failedCompiles.load(), 0);

        // liborc still hands out working code afterwards.
        for (int doublings = 1; doublings <= 8; ++doublings) {
            OrcProgram *program = newDoublingProgram(doublings);
            QVERIFY(ORC_COMPILE_RESULT_IS_SUCCESSFUL(orc_program_compile(program)));
            std::array<quint8, 64> source{};
            std::array<quint8, 64> destination{};
            for (size_t k = 0; k < source.size(); ++k)
                source[k] = quint8(k * 5 + 1);
            OrcExecutor *executor = orc_executor_new(program);
            orc_executor_set_n(executor, int(source.size()));
            orc_executor_set_array_str(executor, "s1", source.data());
            orc_executor_set_array_str(executor, "d1", destination.data());
            orc_executor_run(executor);
            orc_executor_free(executor);
            orc_program_free(program);
            for (size_t k = 0; k < source.size(); ++k)
                QCOMPARE(destination[k], quint8(source[k] << doublings));
        }
    }
};

QTEST_GUILESS_MAIN(TestOrcCodeMemGuard)
#include "tst_orccodememguard.moc"
