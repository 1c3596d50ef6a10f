// AWS SigV4 (aws/sigv4.h): what the s3 storage pays per request it signs
// (sign), per presigned URL (presignQuery), and the HMAC chain alone
// (signingKey), which a verifier could cache per day and region.
#include "aws/sigv4.h"

#include <benchmark/benchmark.h>

using namespace mort;

namespace {

aws::SigningInput getObject()
{
    aws::SigningInput in;
    in.method = "GET";
    in.canonicalUri = aws::canonicalUri("/originals/photos/2026/photo-1600x1200.jpg");
    in.amzDateTime = "20261206T140000Z";
    in.scope = {"20261206", "eu-central-1", "s3"};
    in.payloadHash = aws::kEmptyPayloadSha256;
    in.headers = {{"host", "originals.s3.eu-central-1.amazonaws.com"},
                  {"x-amz-date", in.amzDateTime},
                  {"x-amz-content-sha256", in.payloadHash},
                  {"range", "bytes=0-1048575"}};
    in.accessKey = "AKIAIOSFODNN7EXAMPLE";
    in.secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    return in;
}

void BM_SignGetObject(benchmark::State &state)
{
    const aws::SigningInput in = getObject();
    for (auto _ : state)
        benchmark::DoNotOptimize(aws::sign(in));
}

void BM_PresignQuery(benchmark::State &state)
{
    aws::SigningInput in = getObject();
    in.headers = {{"host", "originals.s3.eu-central-1.amazonaws.com"}};
    for (auto _ : state)
        benchmark::DoNotOptimize(aws::presignQuery(in, 3600));
}

void BM_SigningKey(benchmark::State &state)
{
    const aws::SigningInput in = getObject();
    for (auto _ : state)
        benchmark::DoNotOptimize(aws::signingKey(in.secretKey, in.scope));
}

} // namespace

BENCHMARK(BM_SignGetObject);
BENCHMARK(BM_PresignQuery);
BENCHMARK(BM_SigningKey);
