// Fuzz target: SigV4 canonicalisation (aws/sigv4), what the s3 storage signs
// with and the S3 API will verify client signatures with -- a disagreement
// between two spellings of one request is a forged or refused signature.
// Input lines: method, decoded path, query ("a=b&c"), then "name: value" headers.
// Checks: uriEncode keeps only unreserved bytes, '%XX' and (for paths) '/',
// and decodes back to its input; the canonical query and headers do not
// depend on the order parameters and headers came in (nor on header-name
// case); signing is deterministic, the signature 64 lower-case hex digits,
// and signaturesEqual() tells it from a copy with one digit changed.
#include "fuzzfailure.h"

#include "aws/sigv4.h"

#include <QUrl>

#include <algorithm>

using namespace mort::aws;

namespace {

bool onlyEncodedBytes(const QByteArray &encoded, bool slashAllowed)
{
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded[i];
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
            || c == '_' || c == '.' || c == '~';
        if (unreserved || (slashAllowed && c == '/'))
            continue;
        if (c != '%' || i + 2 >= encoded.size() || !QByteArrayView("0123456789ABCDEF").contains(encoded[i + 1])
            || !QByteArrayView("0123456789ABCDEF").contains(encoded[i + 2]))
            return false;
        i += 2;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<QByteArray> lines = input.split('\n');
    const QByteArray method = lines.value(0);
    const QByteArray path = lines.value(1);

    for (const bool encodeSlash : {true, false}) {
        const QByteArray encoded = uriEncode(path, encodeSlash);
        if (!onlyEncodedBytes(encoded, !encodeSlash))
            mort::fuzz::failWithInput("sigv4", "uriEncode left a reserved byte: " + encoded.toStdString(), data, size);
        if (QByteArray::fromPercentEncoding(encoded) != path)
            mort::fuzz::failWithInput("sigv4", "uriEncode does not decode back to its input", data, size);
    }

    QueryParams query;
    for (const QByteArray &pair : lines.value(2).split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        query.append({eq < 0 ? pair : pair.left(eq), eq < 0 ? QByteArray() : pair.mid(eq + 1)});
    }
    ByteHeaders headers;
    for (qsizetype i = 3; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            headers.append({lines[i].left(colon), lines[i].mid(colon + 1)});
    }

    QueryParams reversedQuery(query.crbegin(), query.crend());
    if (canonicalQueryString(query) != canonicalQueryString(reversedQuery))
        mort::fuzz::failWithInput("sigv4", "canonical query depends on parameter order", data, size);

    // Reordering headers with distinct names (repeated names keep their order:
    // their values are joined in order) and changing name case changes nothing.
    ByteHeaders shuffled;
    QByteArrayList seen;
    bool distinct = true;
    for (const auto &h : headers) {
        const QByteArray lower = h.first.trimmed().toLower(); // as canonicalHeaders() names it
        distinct = distinct && !seen.contains(lower);
        seen.append(lower);
        shuffled.prepend({h.first.toUpper(), h.second});
    }
    const CanonicalHeaders canonical = canonicalHeaders(headers);
    if (distinct && canonicalHeaders(shuffled).block != canonical.block)
        mort::fuzz::failWithInput("sigv4", "canonical headers depend on order or name case", data, size);

    SigningInput signing;
    signing.method = method;
    signing.canonicalUri = canonicalUri(path);
    signing.query = query;
    signing.headers = headers;
    signing.headers.append(qMakePair(QByteArray("host"), QByteArray("bucket.s3.amazonaws.com")));
    signing.headers.append(qMakePair(QByteArray("x-amz-date"), QByteArray("20130524T000000Z")));
    signing.payloadHash = kEmptyPayloadSha256;
    signing.accessKey = "AKIAIOSFODNN7EXAMPLE";
    signing.secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    signing.scope = {"20130524", "us-east-1", "s3"};
    signing.amzDateTime = "20130524T000000Z";
    const SigningResult first = sign(signing);
    const SigningResult second = sign(signing);
    if (first.signature != second.signature || first.authorization != second.authorization)
        mort::fuzz::failWithInput("sigv4", "signing the same request twice differs", data, size);
    if (first.signature.size() != 64 || !std::all_of(first.signature.begin(), first.signature.end(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        }))
        mort::fuzz::failWithInput("sigv4", "signature is not 64 lower-case hex digits", data, size);
    QByteArray altered = first.signature;
    altered[int(size % 64)] = altered[int(size % 64)] == '0' ? '1' : '0';
    if (!signaturesEqual(first.signature, second.signature) || signaturesEqual(first.signature, altered))
        mort::fuzz::failWithInput("sigv4", "signaturesEqual is wrong", data, size);
    return 0;
}
