#include "s3/s3auth.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>

namespace mort::s3 {

namespace {

AuthOutcome fail(QByteArray code, QString message = {})
{
    AuthOutcome out;
    out.error = S3Error::make(std::move(code), std::move(message));
    return out;
}

QString firstSegment(const QString &path)
{
    const QString trimmed = path.startsWith(QLatin1Char('/')) ? path.mid(1) : path;
    return trimmed.section(QLatin1Char('/'), 0, 0);
}

struct KeyMatch
{
    QString bucket;
    QString secret;
};

// Spec §5.1: the bucket named by the path if it is configured, else any
// bucket listing the key.
std::optional<KeyMatch> lookupKey(const Config &config, const QString &path, const QString &accessKey)
{
    if (accessKey.isEmpty())
        return std::nullopt;
    const QString name = firstSegment(path);
    auto search = [&](const BucketConfig &bucket) -> std::optional<KeyMatch> {
        for (const AccessKey &key : bucket.keys) {
            if (key.accessKey == accessKey)
                return KeyMatch{bucket.name, key.secretAccessKey};
        }
        return std::nullopt;
    };
    if (const BucketConfig *bucket = config.bucket(name))
        return search(*bucket);
    for (const BucketConfig &bucket : config.buckets) {
        if (auto match = search(bucket))
            return match;
    }
    return std::nullopt;
}

QDateTime parseAmzDate(const QByteArray &value)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(value), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    if (!t.isValid())
        return {};
    t.setTimeSpec(Qt::UTC);
    return t;
}

QDateTime parseHttpDate(const QByteArray &value)
{
    QByteArray v = value.trimmed();
    if (v.endsWith(" GMT") || v.endsWith(" UTC"))
        v.chop(4), v += " +0000";
    QDateTime t = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (!t.isValid())
        t = parseAmzDate(value);
    return t.toUTC();
}

bool withinSkew(const QDateTime &when, const QDateTime &now)
{
    return when.isValid() && std::abs(when.secsTo(now)) <= kMaxSkewSeconds;
}

AuthResult resultFor(AuthScheme scheme, const QString &accessKey, const KeyMatch &match)
{
    AuthResult r;
    r.scheme = scheme;
    r.accessKey = accessKey;
    r.secretKey = match.secret;
    r.bucket = match.bucket;
    return r;
}

// Credential=AK/20240101/region/s3/aws4_request
struct Credential
{
    QString accessKey;
    aws::SigV4Scope scope;
};
std::optional<Credential> parseCredential(const QByteArray &value)
{
    const QList<QByteArray> parts = value.split('/');
    if (parts.size() != 5 || parts[0].isEmpty() || parts[1].size() != 8 || parts[4] != "aws4_request")
        return std::nullopt;
    return Credential{QString::fromUtf8(parts[0]), {parts[1], parts[2], parts[3]}};
}

QByteArray canonicalUriFor(const SignedRequest &request)
{
    return aws::canonicalUri(request.path.toUtf8());
}

AuthOutcome verifyV4(const SignedRequest &request, const Config &config, const QDateTime &now, bool presigned)
{
    const aws::QueryParams query = parseQuery(request.rawQuery);
    QByteArray credentialText, signedHeaders, signatureHex, dateText;
    qint64 expires = 0;
    if (presigned) {
        bool present = false;
        if (queryValue(query, "X-Amz-Algorithm") != aws::kAlgorithm)
            return fail("AuthorizationQueryParametersError",
                        QStringLiteral("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\""));
        credentialText = queryValue(query, "X-Amz-Credential");
        signedHeaders = queryValue(query, "X-Amz-SignedHeaders");
        signatureHex = queryValue(query, "X-Amz-Signature");
        dateText = queryValue(query, "X-Amz-Date");
        const QByteArray expiresText = queryValue(query, "X-Amz-Expires", &present);
        bool ok = false;
        expires = expiresText.toLongLong(&ok);
        if (credentialText.isEmpty() || signedHeaders.isEmpty() || dateText.isEmpty() || !present || !ok || expires < 0)
            return fail("AuthorizationQueryParametersError",
                        QStringLiteral("X-Amz-Credential, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders and "
                                       "X-Amz-Signature are required"));
        if (expires > kMaxPresignSeconds)
            return fail("AuthorizationQueryParametersError",
                        QStringLiteral("X-Amz-Expires must be less than a week (in seconds); that is, the given "
                                       "X-Amz-Expires must be less than 604800 seconds"));
    } else {
        const QByteArray header = headerValue(request.headers, "Authorization").trimmed();
        const QByteArray rest = header.mid(qsizetype(sizeof(aws::kAlgorithm) - 1)).trimmed();
        for (const QByteArray &part : rest.split(',')) {
            const QByteArray item = part.trimmed();
            const qsizetype eq = item.indexOf('=');
            if (eq <= 0)
                return fail("AuthorizationHeaderMalformed");
            const QByteArray name = item.left(eq), value = item.mid(eq + 1);
            if (name == "Credential")
                credentialText = value;
            else if (name == "SignedHeaders")
                signedHeaders = value;
            else if (name == "Signature")
                signatureHex = value;
            else
                return fail("AuthorizationHeaderMalformed");
        }
        if (credentialText.isEmpty() || signedHeaders.isEmpty() || signatureHex.isEmpty())
            return fail("AuthorizationHeaderMalformed");
        dateText = headerValue(request.headers, "x-amz-date");
    }
    const std::optional<Credential> credential = parseCredential(credentialText);
    if (!credential)
        return fail(
            presigned ? "AuthorizationQueryParametersError" : "AuthorizationHeaderMalformed",
            QStringLiteral(
                "the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\""));
    const std::optional<KeyMatch> match = lookupKey(config, request.path, credential->accessKey);
    if (!match)
        return fail("InvalidAccessKeyId");

    QDateTime when;
    if (dateText.isEmpty() && !presigned) {
        when = parseHttpDate(headerValue(request.headers, "Date"));
        dateText = aws::amzDate(when);
    } else {
        when = parseAmzDate(dateText);
    }
    if (!when.isValid())
        return fail(presigned ? "AuthorizationQueryParametersError" : "AccessDenied",
                    QStringLiteral("AWS authentication requires a valid Date or x-amz-date header"));
    if (dateText.left(8) != credential->scope.date)
        return fail(presigned ? "AuthorizationQueryParametersError" : "AuthorizationHeaderMalformed",
                    QStringLiteral("the credential scope date does not match the request date"));

    QByteArrayList names = signedHeaders.toLower().split(';');
    if (!names.contains("host"))
        return fail(presigned ? "AuthorizationQueryParametersError" : "AuthorizationHeaderMalformed",
                    QStringLiteral("SignedHeaders must include host"));
    aws::QueryParams canonical;
    QByteArray payloadHash;
    if (presigned) {
        for (const auto &p : query) {
            if (p.first != "X-Amz-Signature")
                canonical.append(p);
        }
        payloadHash = queryValue(query, "X-Amz-Content-Sha256");
        if (payloadHash.isEmpty())
            payloadHash = aws::kUnsignedPayload;
    } else {
        canonical = query;
        payloadHash = headerValue(request.headers, "x-amz-content-sha256");
        if (payloadHash.isEmpty()) {
            const QByteArray length = headerValue(request.headers, "Content-Length");
            if (!length.isEmpty() && length != "0")
                return fail("MissingSecurityHeader",
                            QStringLiteral("Missing required header for this request: x-amz-content-sha256"));
            payloadHash = aws::kEmptyPayloadSha256;
        }
    }
    const aws::CanonicalHeaders headers = aws::canonicalHeaders(request.headers, names);
    const QByteArray canonicalRequest = aws::canonicalRequest(
        request.method, canonicalUriFor(request), aws::canonicalQueryString(canonical), headers, payloadHash);
    const QByteArray stringToSign = aws::stringToSign(dateText, credential->scope, canonicalRequest);
    const QByteArray key = aws::signingKey(match->secret.toUtf8(), credential->scope);
    const QByteArray expected = aws::signature(key, stringToSign);
    if (!aws::signaturesEqual(expected, signatureHex.toLower()))
        return fail("SignatureDoesNotMatch");

    if (presigned) {
        if (when.secsTo(now) > expires)
            return fail("AccessDenied", QStringLiteral("Request has expired"));
        if (now.secsTo(when) > kMaxSkewSeconds)
            return fail("AccessDenied", QStringLiteral("Request is not valid yet"));
    } else if (!withinSkew(when, now)) {
        return fail("RequestTimeTooSkewed");
    }
    AuthOutcome out;
    AuthResult r =
        resultFor(presigned ? AuthScheme::SigV4Query : AuthScheme::SigV4Header, credential->accessKey, *match);
    r.signingKey = key;
    r.scope = credential->scope;
    r.amzDateTime = dateText;
    r.seedSignature = expected;
    r.payloadHash = payloadHash;
    out.ok = std::move(r);
    return out;
}

// SigV2's sub-resources: they are part of the signed resource.
constexpr const char *kSubResources[] = {"acl",
                                         "cors",
                                         "delete",
                                         "lifecycle",
                                         "location",
                                         "logging",
                                         "notification",
                                         "partNumber",
                                         "policy",
                                         "requestPayment",
                                         "response-cache-control",
                                         "response-content-disposition",
                                         "response-content-encoding",
                                         "response-content-language",
                                         "response-content-type",
                                         "response-expires",
                                         "restore",
                                         "tagging",
                                         "torrent",
                                         "uploadId",
                                         "uploads",
                                         "versionId",
                                         "versioning",
                                         "versions",
                                         "website"};

QByteArray v2StringToSign(const SignedRequest &request, const QByteArray &dateLine, const QByteArray &resourcePath,
                          const aws::QueryParams &query)
{
    QByteArray out = request.method + '\n';
    out += headerValue(request.headers, "Content-MD5") + '\n';
    out += headerValue(request.headers, "Content-Type") + '\n';
    out += dateLine + '\n';
    QList<QPair<QByteArray, QByteArray>> amz;
    for (const auto &h : request.headers) {
        const QByteArray name = h.first.toLower();
        if (!name.startsWith("x-amz-"))
            continue;
        auto it = std::find_if(amz.begin(), amz.end(), [&](const auto &p) { return p.first == name; });
        if (it != amz.end())
            it->second += ',' + h.second.trimmed();
        else
            amz.append({name, h.second.trimmed()});
    }
    std::sort(amz.begin(), amz.end());
    for (const auto &h : amz)
        out += h.first + ':' + h.second + '\n';
    out += resourcePath;
    QByteArrayList subs;
    for (const auto &p : query) {
        for (const char *sub : kSubResources) {
            if (p.first == sub) {
                subs.append(p.second.isEmpty() && !request.rawQuery.contains(p.first + '=') ? p.first
                                                                                            : p.first + '=' + p.second);
                break;
            }
        }
    }
    std::sort(subs.begin(), subs.end());
    if (!subs.isEmpty())
        out += '?' + subs.join('&');
    return out;
}

AuthOutcome verifyV2(const SignedRequest &request, const Config &config, const QDateTime &now, bool presigned)
{
    const aws::QueryParams query = parseQuery(request.rawQuery);
    QString accessKey;
    QByteArray signatureB64, dateLine;
    QDateTime when;
    if (presigned) {
        accessKey = QString::fromUtf8(queryValue(query, "AWSAccessKeyId"));
        signatureB64 = queryValue(query, "Signature");
        dateLine = queryValue(query, "Expires");
        bool ok = false;
        const qint64 expires = dateLine.toLongLong(&ok);
        if (accessKey.isEmpty() || signatureB64.isEmpty() || !ok)
            return fail(
                "AccessDenied",
                QStringLiteral(
                    "Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters"));
        when = QDateTime::fromSecsSinceEpoch(expires, Qt::UTC);
    } else {
        const QByteArray header = headerValue(request.headers, "Authorization").trimmed();
        const qsizetype colon = header.lastIndexOf(':');
        if (colon <= 4)
            return fail("AccessDenied", QStringLiteral("malformed AWS authorization header"));
        accessKey = QString::fromUtf8(header.mid(4, colon - 4).trimmed());
        signatureB64 = header.mid(colon + 1).trimmed();
        const QByteArray amzDate = headerValue(request.headers, "x-amz-date");
        dateLine = amzDate.isEmpty() ? headerValue(request.headers, "Date") : QByteArray();
        when = parseHttpDate(amzDate.isEmpty() ? dateLine : amzDate);
    }
    const std::optional<KeyMatch> match = lookupKey(config, request.path, accessKey);
    if (!match)
        return fail("InvalidAccessKeyId");
    // The resource as the client encoded it (S3 clients encode like SigV4),
    // or Mort's decoded form.
    // A bucket's resource is "/bucket/" in SigV2 even when the path is "/bucket".
    const QByteArray decoded = request.path.toUtf8();
    QByteArrayList resources{aws::uriEncode(decoded, false)};
    if (decoded != resources.first())
        resources.append(decoded);
    if (!firstSegment(request.path).isEmpty() && decoded.count('/') == 1)
        resources.append(resources.first() + '/');
    bool matched = false;
    for (const QByteArray &resource : std::as_const(resources)) {
        const QByteArray sts = v2StringToSign(request, dateLine, resource, query);
        const QByteArray expected =
            QMessageAuthenticationCode::hash(sts, match->secret.toUtf8(), QCryptographicHash::Sha1).toBase64();
        matched = aws::signaturesEqual(expected, signatureB64) || matched;
    }
    if (!matched)
        return fail("SignatureDoesNotMatch");
    if (presigned) {
        if (now > when)
            return fail("AccessDenied", QStringLiteral("Request has expired"));
    } else if (!withinSkew(when, now)) {
        return fail("RequestTimeTooSkewed");
    }
    AuthOutcome out;
    out.ok = resultFor(presigned ? AuthScheme::SigV2Query : AuthScheme::SigV2Header, accessKey, *match);
    return out;
}

} // namespace

aws::QueryParams parseQuery(const QByteArray &rawQuery)
{
    aws::QueryParams out;
    if (rawQuery.isEmpty())
        return out;
    for (const QByteArray &pair : rawQuery.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArray name = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        out.append({QByteArray::fromPercentEncoding(name), QByteArray::fromPercentEncoding(value)});
    }
    return out;
}

QByteArray queryValue(const aws::QueryParams &params, QByteArrayView name, bool *present)
{
    for (const auto &p : params) {
        if (p.first == name) {
            if (present)
                *present = true;
            return p.second;
        }
    }
    if (present)
        *present = false;
    return {};
}

bool hasCredentials(const SignedRequest &request)
{
    if (hasHeader(request.headers, "Authorization"))
        return true;
    const aws::QueryParams query = parseQuery(request.rawQuery);
    bool v4 = false, v2 = false;
    queryValue(query, "X-Amz-Signature", &v4);
    queryValue(query, "Signature", &v2);
    return v4 || (v2 && !queryValue(query, "AWSAccessKeyId").isEmpty());
}

AuthOutcome authenticate(const SignedRequest &request, const Config &config, const QDateTime &now)
{
    const QByteArray authorization = headerValue(request.headers, "Authorization").trimmed();
    if (!authorization.isEmpty()) {
        if (authorization.startsWith(QByteArray(aws::kAlgorithm) + ' '))
            return verifyV4(request, config, now, false);
        if (authorization.startsWith("AWS "))
            return verifyV2(request, config, now, false);
        return fail("AccessDenied", QStringLiteral("unsupported Authorization scheme"));
    }
    const aws::QueryParams query = parseQuery(request.rawQuery);
    bool v4 = false, v2 = false;
    queryValue(query, "X-Amz-Signature", &v4);
    queryValue(query, "Signature", &v2);
    if (v4)
        return verifyV4(request, config, now, true);
    if (v2 && !queryValue(query, "AWSAccessKeyId").isEmpty())
        return verifyV2(request, config, now, true);
    return fail("AccessDenied");
}

} // namespace mort::s3
