#pragma once
// AWS Signature Version 4, as pure functions over bytes: the s3 storage uses
// them to sign its requests and presign URLs, the S3 API server side uses the
// same functions to recompute and verify a client's signature. No clock, no
// network, no state: every input is an argument, so the AWS published vectors
// test each step alone (tests/unit/aws/tst_sigv4.cpp).
#include <QByteArray>
#include <QByteArrayList>
#include <QDateTime>
#include <QList>
#include <QPair>

namespace mort::aws {

using ByteHeaders = QList<QPair<QByteArray, QByteArray>>;
using QueryParams = QList<QPair<QByteArray, QByteArray>>; // decoded name, value

inline constexpr char kAlgorithm[] = "AWS4-HMAC-SHA256";
inline constexpr char kUnsignedPayload[] = "UNSIGNED-PAYLOAD";
inline constexpr char kEmptyPayloadSha256[] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

// "<date>/<region>/<service>/aws4_request"
struct SigV4Scope
{
    QByteArray date; // YYYYMMDD
    QByteArray region;
    QByteArray service; // "s3"

    QByteArray toString() const;
};

// 20130524T000000Z, and its first 8 characters for the scope.
QByteArray amzDate(const QDateTime &utc);
QByteArray scopeDate(const QDateTime &utc);

QByteArray sha256Hex(const QByteArray &bytes);

// RFC 3986 encoding as SigV4 wants it: unreserved characters (A-Z a-z 0-9 - _ . ~)
// kept, every other byte %XX with upper-case hex; '/' kept when !encodeSlash
// (object key paths).
QByteArray uriEncode(const QByteArray &bytes, bool encodeSlash = true);

// Canonical URI of an S3 object path: the decoded path encoded once, '/' kept
// (S3 does not normalise or double-encode).
QByteArray canonicalUri(const QByteArray &decodedPath);

// Parameters encoded, then sorted by encoded name and value, joined with '&';
// a parameter without value gives "name=".
QByteArray canonicalQueryString(const QueryParams &params);

struct CanonicalHeaders
{
    QByteArray block;         // "name:value\n" for each signed header, sorted by name
    QByteArray signedHeaders; // "host;x-amz-date"
};
// Names lower-cased; values trimmed with inner runs of spaces collapsed to
// one; repeated names joined with ','. With `onlyNames` non-empty (lower
// case), only those headers are signed (verification of a client's list).
CanonicalHeaders canonicalHeaders(const ByteHeaders &headers, const QByteArrayList &onlyNames = {});

QByteArray canonicalRequest(const QByteArray &method, const QByteArray &canonicalUri, const QByteArray &canonicalQuery,
                            const CanonicalHeaders &headers, const QByteArray &payloadHash);

QByteArray stringToSign(const QByteArray &amzDateTime, const SigV4Scope &scope, const QByteArray &canonicalRequest);

// HMAC chain "AWS4"+secret → date → region → service → "aws4_request".
QByteArray signingKey(const QByteArray &secretKey, const SigV4Scope &scope);

// Hex HMAC-SHA256 of the string to sign with the signing key.
QByteArray signature(const QByteArray &signingKey, const QByteArray &stringToSign);

QByteArray authorizationHeader(const QByteArray &accessKey, const SigV4Scope &scope, const QByteArray &signedHeaders,
                               const QByteArray &signature);

// Constant-time comparison for verifiers (no early exit on the first byte).
bool signaturesEqual(const QByteArray &a, const QByteArray &b);

// One request to sign with an Authorization header.
struct SigningInput
{
    QByteArray method;
    QByteArray canonicalUri; // already canonical (see canonicalUri())
    QueryParams query;
    ByteHeaders headers; // must contain host and x-amz-date (and x-amz-content-sha256 for S3)
    QByteArray payloadHash;
    QByteArray accessKey;
    QByteArray secretKey;
    SigV4Scope scope;
    QByteArray amzDateTime;
};
struct SigningResult
{
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signature;
    QByteArray authorization; // value of the Authorization header
};
SigningResult sign(const SigningInput &input);

// Query-string authentication (presigned URL): returns the full canonical
// query of the URL including X-Amz-Signature, to append after '?'. Only `host`
// is signed; the payload is UNSIGNED-PAYLOAD. `input.headers` must hold host.
QByteArray presignQuery(const SigningInput &input, int expiresSeconds);

} // namespace mort::aws
