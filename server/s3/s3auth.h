#pragma once
// Who signed an S3 request, checked against the bucket's `keys` (spec
// s3-api.md §5, peer S1-S4): SigV4 in the Authorization header or a presigned
// query (region and service from the credential scope; canonical headers
// exactly SignedHeaders; x-amz-content-sha256 honoured: a hash, UNSIGNED-PAYLOAD
// or the streaming forms), SigV2 in the header or the query. Signatures are
// compared in constant time; the request time must be within ±15 minutes and
// a presigned URL within its expiry (at most 7 days). Headers only: the
// payload hash a client claims is verified by whoever reads the body.
// Recomputation uses the signer of the s3 storage (aws/sigv4.h).
#include "aws/sigv4.h"
#include "config/config.h"
#include "http/httpmessage.h"
#include "s3/s3error.h"

#include <QDateTime>

#include <optional>

namespace mort::s3 {

inline constexpr qint64 kMaxSkewSeconds = 15 * 60;
inline constexpr qint64 kMaxPresignSeconds = 7 * 24 * 3600;

// What the auth step needs of a request; made from a head or a full request.
struct SignedRequest
{
    QByteArray method;
    QString path;        // percent-decoded
    QByteArray rawQuery; // as sent
    HttpHeaders headers;
};

enum class AuthScheme { None, SigV4Header, SigV4Query, SigV2Header, SigV2Query };

struct AuthResult
{
    AuthScheme scheme = AuthScheme::None;
    QString accessKey;
    QString secretKey;
    QString bucket; // the bucket whose keys matched
    // SigV4: what chunk signatures of a streaming upload chain from.
    QByteArray signingKey;
    aws::SigV4Scope scope;
    QByteArray amzDateTime;
    QByteArray seedSignature;
    QByteArray payloadHash; // x-amz-content-sha256 as signed (empty for SigV2)
};

// True when the request carries credentials of any scheme.
bool hasCredentials(const SignedRequest &request);

// Verifies the request's signature; `now` is the server's time. A request
// without credentials is AccessDenied. Never reads a body.
struct AuthOutcome
{
    std::optional<AuthResult> ok;
    S3Error error;
};
AuthOutcome authenticate(const SignedRequest &request, const Config &config, const QDateTime &now);

// Decoded query parameters in order ('+' kept: S3 clients encode spaces as %20).
aws::QueryParams parseQuery(const QByteArray &rawQuery);
QByteArray queryValue(const aws::QueryParams &params, QByteArrayView name, bool *present = nullptr);

} // namespace mort::s3
