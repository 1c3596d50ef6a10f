// Result keys (where a transform is stored, resultkey.h) and the response
// cache / collapse key: computed for every transform request before the
// cache and the result storage are asked.
#include "microconfig.h"

#include "object/objectparser.h"
#include "object/resultkey.h"

#include <benchmark/benchmark.h>

using namespace mort;

namespace {

ObjectRef parsed(const char *path, const char *query)
{
    const ObjectParser parser(bench::microConfig());
    return parser.parse(QString::fromUtf8(path), QByteArray(query)).value();
}

void BM_HashResultKey(benchmark::State &state)
{
    const ObjectRef object = parsed("/query/photo-1600x1200.jpg", "operation=resize&width=640&quality=80");
    for (auto _ : state)
        benchmark::DoNotOptimize(hashResultKey(object));
}

void BM_HashParentResultKey(benchmark::State &state)
{
    const ObjectRef object = parsed("/pq/thumb300/photo-1600x1200.jpg", "");
    for (auto _ : state)
        benchmark::DoNotOptimize(hashParentResultKey(object));
}

void BM_ResponseCacheKey(benchmark::State &state)
{
    const ObjectRef object = parsed("/query/photo-1600x1200.jpg", "operation=resize&width=640&quality=80");
    for (auto _ : state)
        benchmark::DoNotOptimize(responseCacheKey(object, {}));
}

} // namespace

BENCHMARK(BM_HashResultKey);
BENCHMARK(BM_HashParentResultKey);
BENCHMARK(BM_ResponseCacheKey);
