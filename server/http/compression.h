#pragma once
// gzip and brotli bodies for the compress plugin (spec config.md §2.4,
// http-behaviour.md §8). One shot over a complete body.
#include "core/expected.h"

#include <QByteArray>

namespace mort {

enum class Compression { Gzip, Brotli };

// level: gzip 1..9, brotli quality 0..11 (clamped).
Expected<QByteArray> compressBody(const QByteArray &body, Compression algorithm, int level);
// For tests and for clients of our own: inverse of compressBody.
Expected<QByteArray> decompressBody(const QByteArray &body, Compression algorithm);

} // namespace mort
