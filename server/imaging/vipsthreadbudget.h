// How many threads libvips may give one image, from how many transforms run.
#pragma once

namespace mort {

// libvips' thread count per image is one process-wide setting, read whenever
// a pipeline starts its thread pool. We run one transform per worker, so with
// several transforms the cores are already shared out and each image gets one
// thread (initImaging). A transform running alone would leave the other cores
// idle: for as long as it is alone it may use all of them. Each transform
// holds a Lease while libvips works for it; the setting follows the count.
class VipsThreadBudget
{
public:
    class Lease
    {
    public:
        Lease();
        ~Lease();
        Lease(const Lease &) = delete;
        Lease &operator=(const Lease &) = delete;
    };

    // Transforms holding a lease now (tests, the studio's task view).
    static int running();
    // The libvips thread count the budget sets for `running` transforms.
    static int threadsFor(int running);
    // Transform workers (the engine's pool): one per core and one more. A
    // transform is not on a core all the time (its source is read, libvips'
    // worker waits for its write-behind thread to take a strip), and with one
    // worker per core the cores stood idle for 7 % of a cold 2 MP run; the
    // extra worker fills those gaps (tests/bench/RESULTS.md, 2026-12-07).
    static int transformWorkers();
    // Heavy passes (imaging/heavylane.h) at once: all cores but one, so their
    // memory stays bounded by the cores and everyday transforms keep workers.
    static int heavyTransformSlots();
};

} // namespace mort
