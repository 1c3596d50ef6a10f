// URL -> ObjectRef (ObjectParser::parse) for each URL kind, with the shapes
// run-bench.sh and the soak send. Parsing runs on the HTTP thread for every
// request, hit or miss, so it bounds the hot path.
#include "microconfig.h"

#include "object/objectparser.h"

#include <benchmark/benchmark.h>

using namespace mort;

namespace {

void parseLoop(benchmark::State &state, const char *path, const char *query)
{
    const ObjectParser parser(bench::microConfig());
    const QString decodedPath = QString::fromUtf8(path);
    const QByteArray rawQuery(query);
    if (!parser.parse(decodedPath, rawQuery)) {
        state.SkipWithError(
            ("URL does not parse: " + parser.parse(decodedPath, rawQuery).error().toString().toStdString()).c_str());
        return;
    }
    for (auto _ : state) {
        Expected<ObjectRef> object = parser.parse(decodedPath, rawQuery);
        benchmark::DoNotOptimize(object);
    }
}

} // namespace

BENCHMARK_CAPTURE(parseLoop, original, "/query/photo-1600x1200.jpg", "");
BENCHMARK_CAPTURE(parseLoop, query_resize, "/query/photo-1600x1200.jpg",
                  "operation=resize&width=640&quality=80&n=w1-42");
BENCHMARK_CAPTURE(parseLoop, query_crop_webp, "/query/photo-1600x1200.jpg",
                  "operation=crop&width=300&height=300&gravity=smart&format=webp");
BENCHMARK_CAPTURE(parseLoop, presets, "/presets/thumb300/photo-1600x1200.jpg", "");
BENCHMARK_CAPTURE(parseLoop, presets_query_preset, "/pq/thumb300/photo-1600x1200.jpg", "");
BENCHMARK_CAPTURE(parseLoop, presets_query_query, "/pq/photo-1600x1200.jpg", "operation=resize&width=640&quality=80");
BENCHMARK_CAPTURE(parseLoop, cloudinary, "/cld/c_fill,w_300,h_200/photo-1600x1200.jpg", "");
