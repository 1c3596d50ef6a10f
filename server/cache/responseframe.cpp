#include "cache/responseframe.h"

#include <QtEndian>

namespace mort {

namespace {

constexpr char kMagic0 = 'M';
constexpr char kMagic1 = 'R';
constexpr quint8 kVersion = 1;
constexpr quint8 kFlagZlib = 0x01;
constexpr int kHeaderBytes = 6;
// Below this a zlib stream rarely wins anything.
constexpr qsizetype kMinCompressBytes = 512;

template<typename T>
void put(QByteArray &out, T value)
{
    char buf[sizeof(T)];
    qToBigEndian(value, buf);
    out.append(buf, sizeof(T));
}

class Reader
{
public:
    explicit Reader(QByteArrayView data) : m_data(data) {}
    template<typename T>
    bool get(T *value)
    {
        if (m_data.size() - m_pos < qsizetype(sizeof(T)))
            return false;
        *value = qFromBigEndian<T>(m_data.data() + m_pos);
        m_pos += qsizetype(sizeof(T));
        return true;
    }
    bool bytes(qsizetype n, QByteArray *out)
    {
        if (n < 0 || m_data.size() - m_pos < n)
            return false;
        *out = m_data.sliced(m_pos, n).toByteArray();
        m_pos += n;
        return true;
    }
    bool atEnd() const { return m_pos == m_data.size(); }

private:
    QByteArrayView m_data;
    qsizetype m_pos = 0;
};

} // namespace

bool isAlreadyCompressedType(QByteArrayView contentType)
{
    const QByteArray t = contentType.toByteArray().toLower();
    if (t.startsWith("image/"))
        return !t.startsWith("image/svg") && !t.startsWith("image/bmp") && !t.startsWith("image/x-ms-bmp")
            && !t.startsWith("image/tiff");
    return t.startsWith("video/") || t.startsWith("audio/") || t.contains("zip") || t.contains("compressed")
        || t.startsWith("application/octet-stream");
}

QByteArray encodeResponseFrame(const CachedResponse &response, ResponseFrameInfo *info)
{
    QByteArray payload;
    qsizetype size = 2 + 4 + response.body().size();
    for (const auto &h : response.headers())
        size += 6 + h.first.size() + h.second.size();
    payload.reserve(size);
    put<quint16>(payload, quint16(std::min<qsizetype>(response.headers().size(), 0xffff)));
    int written = 0;
    for (const auto &h : response.headers()) {
        if (++written > 0xffff)
            break;
        put<quint16>(payload, quint16(std::min<qsizetype>(h.first.size(), 0xffff)));
        payload.append(h.first.left(0xffff));
        put<quint32>(payload, quint32(h.second.size()));
        payload.append(h.second);
    }
    put<quint32>(payload, quint32(response.body().size()));
    payload.append(response.body());

    quint8 flags = 0;
    const qint64 rawBytes = payload.size();
    if (payload.size() >= kMinCompressBytes && !isAlreadyCompressedType(response.contentType())) {
        QByteArray packed = qCompress(payload, 6);
        if (!packed.isEmpty() && packed.size() <= payload.size() - payload.size() / 8) {
            payload = std::move(packed);
            flags |= kFlagZlib;
        }
    }
    QByteArray frame;
    frame.reserve(kHeaderBytes + payload.size());
    frame.append(kMagic0);
    frame.append(kMagic1);
    frame.append(char(kVersion));
    frame.append(char(flags));
    put<quint16>(frame, quint16(response.status()));
    frame.append(payload);
    if (info) {
        info->rawBytes = rawBytes;
        info->storedBytes = frame.size();
        info->compressed = flags & kFlagZlib;
    }
    return frame;
}

SharedResponse decodeResponseFrame(QByteArrayView frame, qint64 maxDecodedBytes)
{
    if (frame.size() < kHeaderBytes || frame[0] != kMagic0 || frame[1] != kMagic1 || quint8(frame[2]) != kVersion)
        return nullptr;
    const quint8 flags = quint8(frame[3]);
    if (flags & ~kFlagZlib)
        return nullptr;
    const int status = qFromBigEndian<quint16>(frame.data() + 4);
    if (status < 100 || status > 599)
        return nullptr;
    QByteArrayView payloadView = frame.sliced(kHeaderBytes);
    QByteArray unpacked;
    if (flags & kFlagZlib) {
        if (payloadView.size() < 4)
            return nullptr;
        // qCompress' length prefix: checked before qUncompress allocates it.
        const quint32 declared = qFromBigEndian<quint32>(payloadView.data());
        if (qint64(declared) > maxDecodedBytes)
            return nullptr;
        unpacked = qUncompress(reinterpret_cast<const uchar *>(payloadView.data()), payloadView.size());
        if (unpacked.size() != qsizetype(declared))
            return nullptr;
        payloadView = unpacked;
    } else if (payloadView.size() > maxDecodedBytes) {
        return nullptr;
    }
    Reader r(payloadView);
    quint16 count = 0;
    if (!r.get(&count))
        return nullptr;
    HttpHeaders headers;
    headers.reserve(count);
    for (int i = 0; i < count; ++i) {
        quint16 nameLen = 0;
        quint32 valueLen = 0;
        QByteArray name, value;
        if (!r.get(&nameLen) || !r.bytes(nameLen, &name) || !r.get(&valueLen) || !r.bytes(qsizetype(valueLen), &value))
            return nullptr;
        headers.append({std::move(name), std::move(value)});
    }
    quint32 bodyLen = 0;
    QByteArray body;
    if (!r.get(&bodyLen) || !r.bytes(qsizetype(bodyLen), &body) || !r.atEnd())
        return nullptr;
    return CachedResponse::create(status, std::move(headers), std::move(body));
}

} // namespace mort
