#pragma once
// Requests signed as an S3 SDK signs them, for the S3 API tests: SigV4 in the
// header (payload hash, UNSIGNED-PAYLOAD, aws-chunked with chunk signatures),
// presigned URLs, SigV2. Built on aws/sigv4 (checked against AWS's published
// vectors); the CLI and boto3 tests (tst_s3clients) prove the server against
// independent signers.
#include "aws/sigv4.h"
#include "http/httpmessage.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>

namespace mort::test {

struct S3Credentials
{
    QByteArray accessKey = "AKIDMORT";
    QByteArray secretKey = "secret-of-mort";
    QByteArray region = "us-east-1";
};

struct SignedHttp
{
    QByteArray target; // path?query as sent
    HttpHeaders headers;
};

// `path` is the encoded path as sent; `query` decoded pairs.
inline SignedHttp signV4(const QByteArray &method, const QByteArray &path, const aws::QueryParams &query,
                         HttpHeaders headers, const QByteArray &payloadHash, const S3Credentials &c,
                         QDateTime when = QDateTime::currentDateTimeUtc())
{
    aws::SigningInput in;
    in.method = method;
    in.canonicalUri = aws::canonicalUri(QByteArray::fromPercentEncoding(path));
    in.query = query;
    if (!hasHeader(headers, "Host"))
        headers.prepend({"Host", "mort.test"});
    headers.append({"x-amz-date", aws::amzDate(when)});
    headers.append({"x-amz-content-sha256", payloadHash});
    in.headers = headers;
    in.payloadHash = payloadHash;
    in.accessKey = c.accessKey;
    in.secretKey = c.secretKey;
    in.scope = {aws::scopeDate(when), c.region, "s3"};
    in.amzDateTime = aws::amzDate(when);
    const aws::SigningResult r = aws::sign(in);
    headers.append({"Authorization", r.authorization});
    SignedHttp out;
    out.target = path;
    if (!query.isEmpty())
        out.target += '?' + aws::canonicalQueryString(query);
    out.headers = headers;
    return out;
}

inline QByteArray sha256Hex(const QByteArray &b)
{
    return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex();
}

// A presigned URL's target (host "mort.test").
inline QByteArray presign(const QByteArray &method, const QByteArray &path, int expires, const S3Credentials &c,
                          QDateTime when = QDateTime::currentDateTimeUtc())
{
    aws::SigningInput in;
    in.method = method;
    in.canonicalUri = aws::canonicalUri(QByteArray::fromPercentEncoding(path));
    in.headers = {{"Host", "mort.test"}};
    in.accessKey = c.accessKey;
    in.secretKey = c.secretKey;
    in.scope = {aws::scopeDate(when), c.region, "s3"};
    in.amzDateTime = aws::amzDate(when);
    return path + '?' + aws::presignQuery(in, expires);
}

// aws-chunked body with chunk signatures chained from the seed (the request's signature).
inline QByteArray awsChunked(const QByteArray &data, qsizetype chunkSize, const QByteArray &seedSignature,
                             const QDateTime &when, const S3Credentials &c)
{
    const aws::SigV4Scope scope{aws::scopeDate(when), c.region, "s3"};
    const QByteArray key = aws::signingKey(c.secretKey, scope);
    QByteArray previous = seedSignature, out;
    for (qsizetype at = 0;; at += chunkSize) {
        const QByteArray chunk = data.mid(at, chunkSize);
        const QByteArray sts = "AWS4-HMAC-SHA256-PAYLOAD\n" + aws::amzDate(when) + '\n' + scope.toString() + '\n'
            + previous + '\n' + aws::kEmptyPayloadSha256 + '\n' + sha256Hex(chunk);
        previous = aws::signature(key, sts);
        out += QByteArray::number(chunk.size(), 16) + ";chunk-signature=" + previous + "\r\n" + chunk + "\r\n";
        if (chunk.isEmpty())
            break;
    }
    return out;
}

// SigV2 header: "AWS key:base64(hmac-sha1)".
inline HttpHeaders signV2(const QByteArray &method, const QByteArray &path, HttpHeaders headers, const S3Credentials &c,
                          QDateTime when = QDateTime::currentDateTimeUtc())
{
    const QByteArray date = httpDate(when);
    headers.append({"Date", date});
    const QByteArray sts = method + '\n' + headerValue(headers, "Content-MD5") + '\n'
        + headerValue(headers, "Content-Type") + '\n' + date + '\n' + path;
    const QByteArray sig = QMessageAuthenticationCode::hash(sts, c.secretKey, QCryptographicHash::Sha1).toBase64();
    headers.append({"Authorization", "AWS " + c.accessKey + ':' + sig});
    return headers;
}

} // namespace mort::test
