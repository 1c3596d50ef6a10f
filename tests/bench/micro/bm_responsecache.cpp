// The memory response cache (cache/responsecache.h): get() on a hit and on a
// miss, with the cache holding state.range(0) entries of a thumbnail-sized
// body. A hit is what the hot workload does for every request.
#include "cache/responsecache.h"

#include <benchmark/benchmark.h>

using namespace mort;

namespace {

constexpr qint64 kCapacity = 256ll << 20;
constexpr qint64 kMaxItem = 10ll << 20;

QString keyOf(int i)
{
    return QStringLiteral("transform:bench/photo-%1.jpg?width=300").arg(i);
}

void fill(ResponseCache &cache, int entries)
{
    const SharedResponse body = CachedResponse::create(
        200, {{"Content-Type", "image/jpeg"}, {"Cache-Control", "max-age=86400, public"}}, QByteArray(12000, 'x'));
    for (int i = 0; i < entries; ++i)
        cache.insert(keyOf(i), body, 86400);
}

void BM_CacheHit(benchmark::State &state)
{
    ResponseCache cache(kCapacity, kMaxItem);
    fill(cache, int(state.range(0)));
    const QString key = keyOf(int(state.range(0)) / 2);
    for (auto _ : state)
        benchmark::DoNotOptimize(cache.get(key));
    if (cache.stats().misses != 0)
        state.SkipWithError("a hit missed");
}

void BM_CacheMiss(benchmark::State &state)
{
    ResponseCache cache(kCapacity, kMaxItem);
    fill(cache, int(state.range(0)));
    const QString key = QStringLiteral("transform:bench/never-stored.jpg?width=300");
    for (auto _ : state)
        benchmark::DoNotOptimize(cache.get(key));
    if (cache.stats().hits != 0)
        state.SkipWithError("a miss hit");
}

} // namespace

BENCHMARK(BM_CacheHit)->Arg(100)->Arg(10000);
BENCHMARK(BM_CacheMiss)->Arg(100)->Arg(10000);
