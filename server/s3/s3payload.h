#pragma once
// The body of a PutObject as S3 clients send it, checked before anything is
// stored: plain bytes (Content-MD5, a signed x-amz-content-sha256, the newer
// SDKs' x-amz-checksum-crc32/crc32c/sha1/sha256), or Content-Encoding
// aws-chunked (STREAMING-AWS4-HMAC-SHA256-PAYLOAD with every chunk signature
// verified, STREAMING-UNSIGNED-PAYLOAD-TRAILER, trailing checksums named by
// x-amz-trailer). Reads the spooled body in 256 KiB pieces: memory stays
// flat whatever the size.
#include "http/httpmessage.h"
#include "s3/s3auth.h"
#include "s3/s3error.h"

#include <QIODevice>

#include <memory>
#include <variant>

namespace mort::s3 {

struct PayloadPlan
{
    bool chunked = false;         // aws-chunked framing to remove
    bool chunkSignatures = false; // STREAMING-AWS4-HMAC-SHA256-PAYLOAD(-TRAILER)
    QByteArray sha256;            // hex the client signed for the whole body; empty: none
    qint64 decodedLength = -1;    // x-amz-decoded-content-length
    QByteArray contentMd5;        // base64, as sent
    QByteArray checksumAlgorithm; // "crc32", "crc32c", "sha1", "sha256"; empty: none
    QByteArray checksumValue;     // base64 from the header; empty: from the trailer
    QByteArray trailer;           // x-amz-trailer name (lower case)
    AuthResult auth;              // for chunk signatures
};

// What the headers announce; an S3Error for a malformed announcement
// (InvalidDigest, InvalidArgument, ...).
std::variant<PayloadPlan, S3Error> planPayload(const HttpHeaders &headers, const AuthResult &auth);

struct PayloadResult
{
    std::shared_ptr<QIODevice> body; // the object's bytes, at position 0
    qint64 size = 0;
    QByteArray md5Hex; // for the ETag
};

// Checks (and for aws-chunked decodes, into a temporary file) `received`.
std::variant<PayloadResult, S3Error> readPayload(const PayloadPlan &plan, std::shared_ptr<QIODevice> received,
                                                 qint64 receivedSize);

// CRC-32C (Castagnoli), as x-amz-checksum-crc32c.
quint32 crc32c(quint32 crc, const char *data, qsizetype size);

} // namespace mort::s3
