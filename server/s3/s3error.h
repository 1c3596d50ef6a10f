#pragma once
// S3's error documents (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html):
// every failure of the S3 API is one of these codes with S3's status, as XML
// with the request id, so SDKs and CLIs show the code S3 would have shown.
#include "http/httpmessage.h"

#include <QByteArray>
#include <QString>

namespace mort::s3 {

struct S3Error
{
    QByteArray code; // "NoSuchKey", "SignatureDoesNotMatch", ...
    int status = 500;
    QString message;

    // The status S3 gives `code` (500 for unknown codes).
    static int statusFor(QByteArrayView code);
    static S3Error make(QByteArray code, QString message = {});
};

// x-amz-request-id for a request number: 16 upper-case hex digits.
QByteArray requestId(quint64 requestNumber);

// <Error><Code/><Message/><Resource/><RequestId/></Error>, application/xml,
// x-amz-request-id and X-Mort-Error ("s3.<Code>"). HEAD answers carry no body.
HttpResponse errorResponse(const S3Error &error, const QString &resource, quint64 requestNumber, bool head = false);

} // namespace mort::s3
