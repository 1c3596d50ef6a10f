#include "redis/clusterslot.h"

#include <array>

namespace mort {

namespace {
constexpr std::array<quint16, 256> makeTable()
{
    std::array<quint16, 256> t{};
    for (int i = 0; i < 256; ++i) {
        quint16 crc = quint16(i << 8);
        for (int b = 0; b < 8; ++b)
            crc = (crc & 0x8000) ? quint16((crc << 1) ^ 0x1021) : quint16(crc << 1);
        t[size_t(i)] = crc;
    }
    return t;
}
constexpr std::array<quint16, 256> kTable = makeTable();
} // namespace

quint16 redisCrc16(QByteArrayView data)
{
    quint16 crc = 0;
    for (char c : data)
        crc = quint16((crc << 8) ^ kTable[size_t(((crc >> 8) ^ quint8(c)) & 0xff)]);
    return crc;
}

int redisClusterSlot(QByteArrayView key)
{
    // Only the part between the first '{' and the next '}' counts, when non-empty.
    const qsizetype open = key.indexOf('{');
    if (open >= 0) {
        const qsizetype close = key.indexOf('}', open + 1);
        if (close > open + 1)
            key = key.sliced(open + 1, close - open - 1);
    }
    return redisCrc16(key) & (kRedisClusterSlots - 1);
}

} // namespace mort
