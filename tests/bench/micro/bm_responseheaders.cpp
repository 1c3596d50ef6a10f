// Response headers of a 200 transform answer: the config's header rules and
// the CORS set (service/responseheaders.h), then the Date value. The
// transport's own head serialisation (HttpConnection::writeHead) is private
// to the connection and not measured here.
#include "microconfig.h"

#include "http/httpmessage.h"
#include "service/responseheaders.h"

#include <QDateTime>

#include <benchmark/benchmark.h>

using namespace mort;

namespace {

HttpResponse transformAnswer()
{
    HttpResponse r(200, QByteArray(12000, 'x'), "image/jpeg");
    r.setHeader("ETag", "\"0123456789abcdef0123456789abcdef\"");
    r.setHeader("Last-Modified", "Sun, 06 Dec 2026 14:00:00 GMT");
    r.setHeader("x-amz-meta-public-width", "300");
    r.setHeader("x-amz-meta-public-height", "225");
    return r;
}

void BM_HeaderRulesAndCors(benchmark::State &state)
{
    const ConfigPtr config = bench::microConfig();
    const BucketConfig *bucket = &*config->buckets.find(QStringLiteral("query"));
    const HttpResponse base = transformAnswer();
    for (auto _ : state) {
        HttpResponse r = base;
        applyHeaderRules(*config, bucket, r);
        applyCorsHeaders(r);
        benchmark::DoNotOptimize(r.headers);
    }
}

void BM_HttpDate(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(httpDate(QDateTime::currentDateTimeUtc()));
}

} // namespace

BENCHMARK(BM_HeaderRulesAndCors);
BENCHMARK(BM_HttpDate);
