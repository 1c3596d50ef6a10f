#pragma once
// Deletes the stored results of a preset's old definition (issue #21): for
// every original the preset could be applied to, the ObjectRef the request
// "/<bucket>/<preset>/<original>" gave under the old config (ObjectParser of
// that snapshot: the same result key logic as the requests that stored them)
// is removed from the transform storage and the response caches. Absent
// results are fine. Bounded (originals listed at most maxOriginals, more is
// refused before anything is deleted) and cancellable between originals.
#include "core/cancellation.h"
#include "service/stalepresets.h"

#include <functional>

namespace mort {

class StorageClientCache;

struct PurgeRun
{
    StorageClientCache *storages = nullptr;
    // Removes a response-cache key from every cache of the engine.
    std::function<void(const QString &cacheKey)> evict;
    // Called after every original (and once with the total), on the purge's thread.
    std::function<void(const PurgeProgress &)> progress;
    CancelToken cancel;
    int maxOriginals = 100'000;
};

class StaleResultsPurge
{
public:
    static constexpr int kMaxOriginals = 100'000;

    // Runs to the end, the first cancel, or the first listing error; the
    // returned progress has the final state (Done, Cancelled or Failed).
    static PurgeProgress run(const StalePreset &stale, const PurgeRun &run);
};

} // namespace mort
