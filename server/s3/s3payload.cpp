#include "s3/s3payload.h"

#include <QCryptographicHash>
#include <QBuffer>
#include <QDir>
#include <QMessageAuthenticationCode>
#include <QTemporaryFile>

#include <array>

#include <zlib.h>

namespace mort::s3 {

namespace {

constexpr qint64 kPiece = 256 * 1024;
constexpr qsizetype kMaxLine = 4096;

std::array<quint32, 256> makeCrc32cTable()
{
    std::array<quint32, 256> t{};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0x82F63B78u ^ (c >> 1) : c >> 1;
        t[i] = c;
    }
    return t;
}

QByteArray bigEndian(quint32 v)
{
    QByteArray out(4, '\0');
    out[0] = char(v >> 24);
    out[1] = char(v >> 16);
    out[2] = char(v >> 8);
    out[3] = char(v);
    return out;
}

S3Error error(QByteArray code, QString message = {})
{
    return S3Error::make(std::move(code), std::move(message));
}

// Every digest a body may be checked against, fed once per piece.
class Digests
{
public:
    explicit Digests(const PayloadPlan &plan) : m_plan(plan)
    {
        m_wantSha256 = !plan.sha256.isEmpty() || plan.checksumAlgorithm == "sha256";
    }
    void add(const char *data, qsizetype n)
    {
        m_md5.addData(QByteArrayView(data, n));
        if (m_wantSha256)
            m_sha256.addData(QByteArrayView(data, n));
        if (m_plan.checksumAlgorithm == "sha1")
            m_sha1.addData(QByteArrayView(data, n));
        else if (m_plan.checksumAlgorithm == "crc32")
            m_crc32 = quint32(::crc32(m_crc32, reinterpret_cast<const Bytef *>(data), uInt(n)));
        else if (m_plan.checksumAlgorithm == "crc32c")
            m_crc32c = crc32c(m_crc32c, data, n);
        m_size += n;
    }
    qint64 size() const { return m_size; }
    QByteArray md5Hex() { return m_md5.result().toHex(); }

    // After the last byte: the checks the plan asks for.
    std::optional<S3Error> verify(const QByteArray &trailerChecksum)
    {
        if (!m_plan.contentMd5.isEmpty() && m_md5.result().toBase64() != m_plan.contentMd5)
            return error("BadDigest", QStringLiteral("The Content-MD5 you specified did not match what we received."));
        if (!m_plan.sha256.isEmpty() && m_sha256.result().toHex() != m_plan.sha256.toLower())
            return error("XAmzContentSHA256Mismatch");
        if (!m_plan.checksumAlgorithm.isEmpty()) {
            const QByteArray expected = m_plan.checksumValue.isEmpty() ? trailerChecksum : m_plan.checksumValue;
            if (expected.isEmpty())
                return error("InvalidRequest", QStringLiteral("the trailing checksum was not sent"));
            QByteArray actual;
            if (m_plan.checksumAlgorithm == "sha256")
                actual = m_sha256.result().toBase64();
            else if (m_plan.checksumAlgorithm == "sha1")
                actual = m_sha1.result().toBase64();
            else if (m_plan.checksumAlgorithm == "crc32")
                actual = bigEndian(m_crc32).toBase64();
            else if (m_plan.checksumAlgorithm == "crc32c")
                actual = bigEndian(m_crc32c).toBase64();
            if (!actual.isEmpty() && actual != expected)
                return error("BadDigest",
                             QStringLiteral("The %1 you specified did not match the calculated checksum.")
                                 .arg(QString::fromLatin1("x-amz-checksum-" + m_plan.checksumAlgorithm)));
        }
        return std::nullopt;
    }

private:
    const PayloadPlan &m_plan;
    bool m_wantSha256 = false;
    QCryptographicHash m_md5{QCryptographicHash::Md5};
    QCryptographicHash m_sha256{QCryptographicHash::Sha256};
    QCryptographicHash m_sha1{QCryptographicHash::Sha1};
    quint32 m_crc32 = 0;
    quint32 m_crc32c = 0;
    qint64 m_size = 0;
};

// Buffered line/byte reader over the spooled body.
class Source
{
public:
    explicit Source(QIODevice &in) : m_in(in) {}
    // One CRLF-terminated line (without it); nullopt at the end or when too long.
    std::optional<QByteArray> line()
    {
        QByteArray out;
        for (;;) {
            if (m_pos == m_buf.size() && !fill())
                return std::nullopt;
            const qsizetype lf = m_buf.indexOf('\n', m_pos);
            const qsizetype end = lf < 0 ? m_buf.size() : lf;
            out.append(m_buf.constData() + m_pos, end - m_pos);
            m_pos = lf < 0 ? m_buf.size() : lf + 1;
            if (out.size() > kMaxLine)
                return std::nullopt;
            if (lf >= 0) {
                if (!out.endsWith('\r'))
                    return std::nullopt;
                out.chop(1);
                return out;
            }
        }
    }
    // Up to `max` bytes; empty at the end.
    QByteArrayView take(qint64 max)
    {
        if (m_pos == m_buf.size() && !fill())
            return {};
        const qsizetype n = qsizetype(std::min<qint64>(max, m_buf.size() - m_pos));
        QByteArrayView v(m_buf.constData() + m_pos, n);
        m_pos += n;
        return v;
    }
    bool atEnd() { return m_pos == m_buf.size() && !fill(); }

private:
    bool fill()
    {
        m_buf.resize(kPiece);
        const qint64 n = m_in.read(m_buf.data(), kPiece);
        m_buf.resize(n > 0 ? n : 0);
        m_pos = 0;
        return n > 0;
    }
    QIODevice &m_in;
    QByteArray m_buf;
    qsizetype m_pos = 0;
};

QByteArray chunkStringToSign(const PayloadPlan &plan, const QByteArray &previous, const QByteArray &dataSha256Hex)
{
    return "AWS4-HMAC-SHA256-PAYLOAD\n" + plan.auth.amzDateTime + '\n' + plan.auth.scope.toString() + '\n' + previous
        + '\n' + aws::kEmptyPayloadSha256 + '\n' + dataSha256Hex;
}

std::variant<PayloadResult, S3Error> decodeChunked(const PayloadPlan &plan, QIODevice &in)
{
    auto out = std::make_shared<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/mort-put-XXXXXX"));
    if (!out->open())
        return error("InternalError", QStringLiteral("cannot create a temporary file"));
    Source source(in);
    Digests digests(plan);
    QByteArray previous = plan.auth.seedSignature;
    QByteArray trailerChecksum;
    for (;;) {
        const std::optional<QByteArray> header = source.line();
        if (!header)
            return error("IncompleteBody", QStringLiteral("the aws-chunked body ended inside a chunk header"));
        const qsizetype semi = header->indexOf(';');
        bool ok = false;
        const qint64 size = header->left(semi < 0 ? header->size() : semi).trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0 || size > (qint64(1) << 33))
            return error("InvalidArgument", QStringLiteral("malformed aws-chunked chunk size"));
        QByteArray chunkSignature;
        if (semi >= 0) {
            const QByteArray ext = header->mid(semi + 1).trimmed();
            if (ext.startsWith("chunk-signature="))
                chunkSignature = ext.mid(16);
        }
        if (plan.chunkSignatures && chunkSignature.isEmpty())
            return error("SignatureDoesNotMatch", QStringLiteral("a chunk carries no chunk-signature"));
        QCryptographicHash chunkHash(QCryptographicHash::Sha256);
        qint64 remaining = size;
        while (remaining > 0) {
            const QByteArrayView piece = source.take(remaining);
            if (piece.isEmpty())
                return error("IncompleteBody");
            if (plan.chunkSignatures)
                chunkHash.addData(piece);
            digests.add(piece.data(), piece.size());
            if (out->write(piece.data(), piece.size()) != piece.size())
                return error("InternalError", QStringLiteral("cannot write a temporary file"));
            remaining -= piece.size();
        }
        if (plan.chunkSignatures) {
            const QByteArray expected =
                aws::signature(plan.auth.signingKey, chunkStringToSign(plan, previous, chunkHash.result().toHex()));
            if (!aws::signaturesEqual(expected, chunkSignature.toLower()))
                return error("SignatureDoesNotMatch", QStringLiteral("a chunk signature does not match"));
            previous = expected;
        }
        if (size == 0)
            break;
        const std::optional<QByteArray> end = source.line();
        if (!end || !end->isEmpty())
            return error("IncompleteBody", QStringLiteral("chunk data not followed by CRLF"));
    }
    // Trailer fields up to the empty line (or the end of the body).
    while (!source.atEnd()) {
        const std::optional<QByteArray> line = source.line();
        if (!line)
            return error("IncompleteBody", QStringLiteral("malformed trailer"));
        if (line->isEmpty())
            break;
        const qsizetype colon = line->indexOf(':');
        if (colon <= 0)
            return error("InvalidArgument", QStringLiteral("malformed trailer field"));
        const QByteArray name = line->left(colon).trimmed().toLower();
        if (!plan.trailer.isEmpty() && name == plan.trailer)
            trailerChecksum = line->mid(colon + 1).trimmed();
    }
    if (plan.decodedLength >= 0 && digests.size() != plan.decodedLength)
        return error("IncompleteBody", QStringLiteral("x-amz-decoded-content-length does not match the body"));
    if (auto failed = digests.verify(trailerChecksum))
        return *failed;
    if (!out->flush() || !out->seek(0))
        return error("InternalError", QStringLiteral("cannot read back a temporary file"));
    PayloadResult result;
    result.size = digests.size();
    result.md5Hex = digests.md5Hex();
    result.body = std::move(out);
    return result;
}

} // namespace

quint32 crc32c(quint32 crc, const char *data, qsizetype size)
{
    static const std::array<quint32, 256> table = makeCrc32cTable();
    crc = ~crc;
    for (qsizetype i = 0; i < size; ++i)
        crc = table[(crc ^ uchar(data[i])) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

std::variant<PayloadPlan, S3Error> planPayload(const HttpHeaders &headers, const AuthResult &auth)
{
    PayloadPlan plan;
    plan.auth = auth;
    const QByteArray contentSha =
        auth.payloadHash.isEmpty() ? headerValue(headers, "x-amz-content-sha256") : auth.payloadHash;
    const QByteArray encoding = headerValue(headers, "Content-Encoding").toLower();
    if (contentSha.startsWith("STREAMING-")) {
        plan.chunked = true;
        if (contentSha == "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"
            || contentSha == "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER") {
            if (auth.scheme != AuthScheme::SigV4Header)
                return error("InvalidRequest",
                             QStringLiteral("signed streaming uploads need SigV4 header authentication"));
            plan.chunkSignatures = true;
        } else if (contentSha != "STREAMING-UNSIGNED-PAYLOAD-TRAILER") {
            return error(
                "NotImplemented",
                QStringLiteral("x-amz-content-sha256 %1 is not supported").arg(QString::fromLatin1(contentSha)));
        }
    } else if (encoding.split(',').contains("aws-chunked") || encoding.trimmed() == "aws-chunked") {
        plan.chunked = true;
    } else if (contentSha.size() == 64) {
        plan.sha256 = contentSha;
    }
    const QByteArray decoded = headerValue(headers, "x-amz-decoded-content-length");
    if (!decoded.isEmpty()) {
        bool ok = false;
        plan.decodedLength = decoded.toLongLong(&ok);
        if (!ok || plan.decodedLength < 0)
            return error("InvalidArgument", QStringLiteral("x-amz-decoded-content-length is not a number"));
    } else if (plan.chunked) {
        return error("MissingContentLength", QStringLiteral("aws-chunked uploads need x-amz-decoded-content-length"));
    }
    plan.contentMd5 = headerValue(headers, "Content-MD5").trimmed();
    if (!plan.contentMd5.isEmpty()
        && QByteArray::fromBase64(plan.contentMd5, QByteArray::AbortOnBase64DecodingErrors).size() != 16)
        return error("InvalidDigest");
    plan.trailer = headerValue(headers, "x-amz-trailer").trimmed().toLower();
    for (const char *algorithm : {"crc32", "crc32c", "sha1", "sha256"}) {
        const QByteArray name = QByteArray("x-amz-checksum-") + algorithm;
        const QByteArray value = headerValue(headers, name).trimmed();
        if (!value.isEmpty() || plan.trailer == name) {
            plan.checksumAlgorithm = algorithm;
            plan.checksumValue = value;
            break;
        }
    }
    return plan;
}

std::variant<PayloadResult, S3Error> readPayload(const PayloadPlan &plan, std::shared_ptr<QIODevice> received,
                                                 qint64 receivedSize)
{
    if (!received) {
        PayloadResult empty;
        auto buffer = std::make_shared<QBuffer>();
        buffer->open(QIODevice::ReadOnly);
        empty.body = buffer;
        empty.md5Hex = QCryptographicHash::hash({}, QCryptographicHash::Md5).toHex();
        Digests digests(plan);
        if (auto failed = digests.verify({}))
            return *failed;
        return empty;
    }
    if (plan.chunked)
        return decodeChunked(plan, *received);
    Digests digests(plan);
    QByteArray buffer(kPiece, Qt::Uninitialized);
    for (;;) {
        const qint64 n = received->read(buffer.data(), kPiece);
        if (n < 0)
            return error("InternalError", QStringLiteral("cannot read the received body"));
        if (n == 0)
            break;
        digests.add(buffer.constData(), n);
    }
    if (digests.size() != receivedSize)
        return error("IncompleteBody");
    if (auto failed = digests.verify({}))
        return *failed;
    if (!received->seek(0))
        return error("InternalError", QStringLiteral("cannot read back the received body"));
    PayloadResult result;
    result.body = std::move(received);
    result.size = receivedSize;
    result.md5Hex = digests.md5Hex();
    return result;
}

} // namespace mort::s3
