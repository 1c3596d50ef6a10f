// Fuzz target: what the S3 API reads of a request before anything else --
// the Authorization header (SigV4, SigV2), presigned query parameters
// (s3/s3auth) -- and the aws-chunked body framing of uploads (s3/s3payload).
// Input: line 1 method, line 2 decoded path, line 3 raw query, then header
// lines "Name: value" up to an empty line, then the body.
// Checks: no crash, no sanitizer report; a refusal names an S3 error code
// with S3's status (400/403/501); a request is never accepted for a key the
// config does not list (the fuzzer cannot forge an HMAC, so nothing is
// accepted at all); the same request gets the same answer twice; the
// aws-chunked decoder refuses with a known code or produces exactly the
// announced decoded length (a body the headers do not mark aws-chunked is
// taken as it is).
#include "fuzzfailure.h"

#include "config/config.h"
#include "s3/s3auth.h"
#include "s3/s3payload.h"

#include <QBuffer>

namespace {

const mort::Config &config()
{
    static const mort::Config c = [] {
        mort::Config cfg;
        mort::BucketConfig bucket;
        bucket.name = QStringLiteral("media");
        bucket.keys.append({QStringLiteral("AKIDMORT"), QStringLiteral("secret")});
        cfg.buckets.insert(bucket.name, bucket);
        return cfg;
    }();
    return c;
}

bool knownRefusal(const mort::s3::S3Error &e)
{
    return !e.code.isEmpty() && mort::s3::S3Error::statusFor(e.code) == e.status
        && (e.status == 400 || e.status == 403 || e.status == 411 || e.status == 501);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<QByteArray> lines = input.split('\n');
    mort::s3::SignedRequest request;
    request.method = lines.value(0);
    request.path = QString::fromUtf8(lines.value(1));
    request.rawQuery = lines.value(2);
    qsizetype i = 3;
    for (; i < lines.size() && !lines[i].isEmpty(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.append({lines[i].left(colon), lines[i].mid(colon + 1).trimmed()});
    }
    QByteArray body;
    for (++i; i < lines.size(); ++i)
        body += lines[i] + (i + 1 < lines.size() ? "\n" : "");

    const QDateTime now = QDateTime::fromSecsSinceEpoch(1780000000, Qt::UTC);
    const mort::s3::AuthOutcome first = mort::s3::authenticate(request, config(), now);
    if (first.ok)
        mort::fuzz::failWithInput("s3 auth", "a request without a valid signature was accepted", data, size);
    if (!knownRefusal(first.error))
        mort::fuzz::failWithInput("s3 auth", "refusal without a known S3 code: " + first.error.code.toStdString(), data,
                                  size);
    const mort::s3::AuthOutcome second = mort::s3::authenticate(request, config(), now);
    if (second.ok || second.error.code != first.error.code)
        mort::fuzz::failWithInput("s3 auth", "the same request got another answer", data, size);

    // The body as an unsigned aws-chunked upload with a trailing checksum.
    mort::s3::AuthResult anonymous;
    mort::HttpHeaders headers = request.headers;
    headers.append({QByteArray("x-amz-content-sha256"), QByteArray("STREAMING-UNSIGNED-PAYLOAD-TRAILER")});
    if (!mort::hasHeader(headers, "x-amz-decoded-content-length"))
        headers.append({QByteArray("x-amz-decoded-content-length"), QByteArray("16")});
    const auto plan = mort::s3::planPayload(headers, anonymous);
    if (const auto *e = std::get_if<mort::s3::S3Error>(&plan)) {
        if (!knownRefusal(*e))
            mort::fuzz::failWithInput("s3 payload", "plan refused without a known code: " + e->code.toStdString(), data,
                                      size);
        return 0;
    }
    auto device = std::make_shared<QBuffer>();
    device->setData(body);
    device->open(QIODevice::ReadOnly);
    const auto result = mort::s3::readPayload(std::get<mort::s3::PayloadPlan>(plan), device, body.size());
    if (const auto *e = std::get_if<mort::s3::S3Error>(&result)) {
        if (e->code.isEmpty() || (e->status != 400 && e->status != 403 && e->status != 411 && e->status != 500))
            mort::fuzz::failWithInput("s3 payload", "decoder refused without a known code", data, size);
        return 0;
    }
    const auto &decoded = std::get<mort::s3::PayloadResult>(result);
    const mort::s3::PayloadPlan &used = std::get<mort::s3::PayloadPlan>(plan);
    if ((used.chunked && decoded.size != used.decodedLength) || decoded.body->size() != decoded.size)
        mort::fuzz::failWithInput("s3 payload", "decoded size differs from x-amz-decoded-content-length", data, size);
    return 0;
}
