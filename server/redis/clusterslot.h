#pragma once
// Redis Cluster key -> hash slot (CRC16/XMODEM of the key, or of its
// {hash tag}, modulo 16384), as the cluster specification defines it.
#include <QByteArray>

namespace mort {

constexpr int kRedisClusterSlots = 16384;

quint16 redisCrc16(QByteArrayView data);
int redisClusterSlot(QByteArrayView key);

} // namespace mort
