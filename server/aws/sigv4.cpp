#include "aws/sigv4.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>
#include <map>

namespace mort::aws {

namespace {

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
        || c == '.' || c == '~';
}

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

// Trim and collapse runs of spaces/tabs to one space (SigV4 "Trimall").
QByteArray trimAll(const QByteArray &value)
{
    QByteArray out;
    out.reserve(value.size());
    bool inSpace = false;
    for (char c : value.trimmed()) {
        if (c == ' ' || c == '\t') {
            inSpace = true;
            continue;
        }
        if (inSpace)
            out += ' ';
        inSpace = false;
        out += c;
    }
    return out;
}

} // namespace

QByteArray SigV4Scope::toString() const
{
    return date + '/' + region + '/' + service + "/aws4_request";
}

QByteArray amzDate(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray scopeDate(const QDateTime &utc)
{
    return amzDate(utc).left(8);
}

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QByteArray uriEncode(const QByteArray &bytes, bool encodeSlash)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (char c : bytes) {
        if (isUnreserved(c) || (c == '/' && !encodeSlash)) {
            out += c;
        } else {
            const auto u = static_cast<unsigned char>(c);
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 0xf];
        }
    }
    return out;
}

QByteArray canonicalUri(const QByteArray &decodedPath)
{
    if (decodedPath.isEmpty())
        return QByteArrayLiteral("/");
    return uriEncode(decodedPath, false);
}

QByteArray canonicalQueryString(const QueryParams &params)
{
    QList<QPair<QByteArray, QByteArray>> encoded;
    encoded.reserve(params.size());
    for (const auto &[name, value] : params)
        encoded.append({uriEncode(name), uriEncode(value)});
    std::sort(encoded.begin(), encoded.end());
    QByteArray out;
    for (const auto &[name, value] : encoded) {
        if (!out.isEmpty())
            out += '&';
        out += name + '=' + value;
    }
    return out;
}

CanonicalHeaders canonicalHeaders(const ByteHeaders &headers, const QByteArrayList &onlyNames)
{
    std::map<QByteArray, QByteArray> merged; // sorted by lower-case name
    for (const auto &[name, value] : headers) {
        const QByteArray lower = name.toLower().trimmed();
        if (!onlyNames.isEmpty() && !onlyNames.contains(lower))
            continue;
        auto [it, inserted] = merged.try_emplace(lower, trimAll(value));
        if (!inserted)
            it->second += ',' + trimAll(value);
    }
    CanonicalHeaders out;
    for (const auto &[name, value] : merged) {
        out.block += name + ':' + value + '\n';
        if (!out.signedHeaders.isEmpty())
            out.signedHeaders += ';';
        out.signedHeaders += name;
    }
    return out;
}

QByteArray canonicalRequest(const QByteArray &method, const QByteArray &canonicalUri, const QByteArray &canonicalQuery,
                            const CanonicalHeaders &headers, const QByteArray &payloadHash)
{
    return method + '\n' + canonicalUri + '\n' + canonicalQuery + '\n' + headers.block + '\n' + headers.signedHeaders
        + '\n' + payloadHash;
}

QByteArray stringToSign(const QByteArray &amzDateTime, const SigV4Scope &scope, const QByteArray &canonicalRequest)
{
    return QByteArray(kAlgorithm) + '\n' + amzDateTime + '\n' + scope.toString() + '\n' + sha256Hex(canonicalRequest);
}

QByteArray signingKey(const QByteArray &secretKey, const SigV4Scope &scope)
{
    const QByteArray kDate = hmac("AWS4" + secretKey, scope.date);
    const QByteArray kRegion = hmac(kDate, scope.region);
    const QByteArray kService = hmac(kRegion, scope.service);
    return hmac(kService, QByteArrayLiteral("aws4_request"));
}

QByteArray signature(const QByteArray &signingKey, const QByteArray &stringToSign)
{
    return hmac(signingKey, stringToSign).toHex();
}

QByteArray authorizationHeader(const QByteArray &accessKey, const SigV4Scope &scope, const QByteArray &signedHeaders,
                               const QByteArray &signature)
{
    return QByteArray(kAlgorithm) + " Credential=" + accessKey + '/' + scope.toString()
        + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
}

bool signaturesEqual(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

SigningResult sign(const SigningInput &input)
{
    SigningResult out;
    const CanonicalHeaders headers = canonicalHeaders(input.headers);
    out.canonicalRequest = canonicalRequest(input.method, input.canonicalUri, canonicalQueryString(input.query),
                                            headers, input.payloadHash);
    out.stringToSign = stringToSign(input.amzDateTime, input.scope, out.canonicalRequest);
    out.signature = signature(signingKey(input.secretKey, input.scope), out.stringToSign);
    out.authorization = authorizationHeader(input.accessKey, input.scope, headers.signedHeaders, out.signature);
    return out;
}

QByteArray presignQuery(const SigningInput &input, int expiresSeconds)
{
    const CanonicalHeaders headers = canonicalHeaders(input.headers, {QByteArrayLiteral("host")});
    QueryParams query = input.query;
    query.append({QByteArray("X-Amz-Algorithm"), QByteArray(kAlgorithm)});
    query.append({QByteArray("X-Amz-Credential"), input.accessKey + '/' + input.scope.toString()});
    query.append({QByteArray("X-Amz-Date"), input.amzDateTime});
    query.append({QByteArray("X-Amz-Expires"), QByteArray::number(expiresSeconds)});
    query.append({QByteArray("X-Amz-SignedHeaders"), headers.signedHeaders});
    const QByteArray canonicalQuery = canonicalQueryString(query);
    const QByteArray request =
        canonicalRequest(input.method, input.canonicalUri, canonicalQuery, headers, QByteArray(kUnsignedPayload));
    const QByteArray sig =
        signature(signingKey(input.secretKey, input.scope), stringToSign(input.amzDateTime, input.scope, request));
    return canonicalQuery + "&X-Amz-Signature=" + sig;
}

} // namespace mort::aws
