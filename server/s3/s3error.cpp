#include "s3/s3error.h"

#include "s3/s3xml.h"

namespace mort::s3 {

namespace {

struct Known
{
    const char *code;
    int status;
    const char *message;
};

constexpr Known kKnown[] = {
    {"AccessDenied", 403, "Access Denied"},
    {"AuthorizationHeaderMalformed", 400, "The authorization header is malformed."},
    {"AuthorizationQueryParametersError", 400, "Query-string authentication parameters are malformed."},
    {"BadDigest", 400, "The Content-MD5 or checksum you specified did not match what we received."},
    {"EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed object size."},
    {"EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed object size."},
    {"IncompleteBody", 400, "You did not provide the number of bytes specified by the Content-Length HTTP header."},
    {"InternalError", 500, "We encountered an internal error. Please try again."},
    {"InvalidAccessKeyId", 403, "The AWS access key Id you provided does not exist in our records."},
    {"InvalidArgument", 400, "Invalid Argument"},
    {"InvalidBucketName", 400, "The specified bucket is not valid."},
    {"InvalidDigest", 400, "The Content-MD5 or checksum you specified is not valid."},
    {"InvalidPart", 400, "One or more of the specified parts could not be found."},
    {"InvalidPartOrder", 400, "The list of parts was not in ascending order."},
    {"InvalidRequest", 400, "Invalid Request"},
    {"KeyTooLongError", 400, "Your key is too long."},
    {"MalformedXML", 400, "The XML you provided was not well-formed or did not validate against our published schema."},
    {"MethodNotAllowed", 405, "The specified method is not allowed against this resource."},
    {"MissingContentLength", 411, "You must provide the Content-Length HTTP header."},
    {"MissingSecurityHeader", 400, "Your request is missing a required header."},
    {"NoSuchBucket", 404, "The specified bucket does not exist."},
    {"NoSuchKey", 404, "The specified key does not exist."},
    {"NoSuchUpload", 404, "The specified multipart upload does not exist."},
    {"NotImplemented", 501, "A header or query you provided implies functionality that is not implemented."},
    {"OperationAborted", 409, "A conflicting conditional operation is currently in progress against this resource."},
    {"RequestTimeTooSkewed", 403, "The difference between the request time and the server's time is too large."},
    {"ServiceUnavailable", 503, "Please reduce your request rate."},
    {"SignatureDoesNotMatch", 403,
     "The request signature we calculated does not match the signature you provided. Check your key and signing "
     "method."},
    {"XAmzContentSHA256Mismatch", 400, "The provided 'x-amz-content-sha256' header does not match what was computed."},
};

const Known *find(QByteArrayView code)
{
    for (const Known &k : kKnown) {
        if (code == k.code)
            return &k;
    }
    return nullptr;
}

} // namespace

int S3Error::statusFor(QByteArrayView code)
{
    const Known *k = find(code);
    return k ? k->status : 500;
}

S3Error S3Error::make(QByteArray code, QString message)
{
    const Known *k = find(code);
    S3Error e;
    e.status = k ? k->status : 500;
    e.message = !message.isEmpty() ? message : (k ? QString::fromLatin1(k->message) : QString());
    e.code = std::move(code);
    return e;
}

QByteArray requestId(quint64 requestNumber)
{
    return QByteArray::number(requestNumber, 16).toUpper().rightJustified(16, '0');
}

HttpResponse errorResponse(const S3Error &error, const QString &resource, quint64 requestNumber, bool head)
{
    XmlWriter xml;
    xml.open("Error");
    xml.element("Code", QString::fromLatin1(error.code));
    xml.element("Message", error.message);
    xml.element("Resource", resource);
    xml.element("RequestId", QString::fromLatin1(requestId(requestNumber)));
    xml.close("Error");
    HttpResponse r(error.status, head ? QByteArray() : xml.finish(), "application/xml");
    r.setHeader("x-amz-request-id", requestId(requestNumber));
    r.setHeader("X-Mort-Error", "s3." + error.code);
    if (error.status == 503)
        r.setHeader("Retry-After", "1");
    return r;
}

} // namespace mort::s3
