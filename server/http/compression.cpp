#include "http/compression.h"

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

namespace mort {

namespace {

Error compressionError(const char *what)
{
    return Error::internal("http.compression_failed", QString::fromLatin1(what));
}

Expected<QByteArray> gzip(const QByteArray &body, int level)
{
    z_stream z{};
    // windowBits 15 + 16: gzip framing, as Go's compress/gzip writes it.
    if (deflateInit2(&z, std::clamp(level, 1, 9), Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return compressionError("deflateInit2 failed");
    QByteArray out(qsizetype(deflateBound(&z, uLong(body.size()))), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(body.constData()));
    z.avail_in = uInt(body.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    const qsizetype written = qsizetype(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END)
        return compressionError("deflate did not finish");
    out.truncate(written);
    return out;
}

Expected<QByteArray> gunzip(const QByteArray &body)
{
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK)
        return compressionError("inflateInit2 failed");
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(body.constData()));
    z.avail_in = uInt(body.size());
    QByteArray out;
    char buffer[64 * 1024];
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef *>(buffer);
        z.avail_out = sizeof(buffer);
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof(buffer) - z.avail_out));
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END)
        return compressionError("invalid gzip data");
    return out;
}

Expected<QByteArray> brotli(const QByteArray &body, int level)
{
    size_t size = BrotliEncoderMaxCompressedSize(size_t(body.size()));
    if (size == 0)
        size = size_t(body.size()) + 1024;
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    if (!BrotliEncoderCompress(std::clamp(level, 0, 11), BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC,
                               size_t(body.size()), reinterpret_cast<const uint8_t *>(body.constData()), &size,
                               reinterpret_cast<uint8_t *>(out.data())))
        return compressionError("brotli encoder failed");
    out.truncate(qsizetype(size));
    return out;
}

Expected<QByteArray> unbrotli(const QByteArray &body)
{
    BrotliDecoderState *state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
    if (!state)
        return compressionError("brotli decoder unavailable");
    QByteArray out;
    const uint8_t *next = reinterpret_cast<const uint8_t *>(body.constData());
    size_t available = size_t(body.size());
    BrotliDecoderResult result = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
    while (result == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
        uint8_t buffer[64 * 1024];
        uint8_t *outNext = buffer;
        size_t outAvailable = sizeof(buffer);
        result = BrotliDecoderDecompressStream(state, &available, &next, &outAvailable, &outNext, nullptr);
        out.append(reinterpret_cast<const char *>(buffer), qsizetype(sizeof(buffer) - outAvailable));
    }
    BrotliDecoderDestroyInstance(state);
    if (result != BROTLI_DECODER_RESULT_SUCCESS)
        return compressionError("invalid brotli data");
    return out;
}

} // namespace

Expected<QByteArray> compressBody(const QByteArray &body, Compression algorithm, int level)
{
    return algorithm == Compression::Gzip ? gzip(body, level) : brotli(body, level);
}

Expected<QByteArray> decompressBody(const QByteArray &body, Compression algorithm)
{
    return algorithm == Compression::Gzip ? gunzip(body) : unbrotli(body);
}

} // namespace mort
