#pragma once
// The compact frame a response is stored in outside the process (the Redis
// cache, the collapse result handed between instances): status, headers and
// body in one length-prefixed binary record, zlib-compressed when that saves
// at least an eighth (seed finding 18: Mort stored msgpack, never compressed).
//
//   'M' 'R' version(1) flags(bit0: zlib) status(u16)
//   payload = u16 headerCount, {u16 nameLen, name, u32 valueLen, value}*, u32 bodyLen, body
//   flags bit0: payload is qCompress()ed (u32 raw length + zlib stream)
// All integers big-endian.
#include "cache/cachedresponse.h"

namespace mort {

struct ResponseFrameInfo
{
    qint64 rawBytes = 0;    // payload before compression
    qint64 storedBytes = 0; // the whole frame
    bool compressed = false;
};

QByteArray encodeResponseFrame(const CachedResponse &response, ResponseFrameInfo *info = nullptr);

// nullptr when `frame` is not a well-formed frame or would decode to more
// than `maxDecodedBytes` (a corrupt or hostile length never allocates it).
SharedResponse decodeResponseFrame(QByteArrayView frame, qint64 maxDecodedBytes);

// Content types whose bodies are already compressed (images, video, archives):
// compressing them again costs CPU and saves nothing.
bool isAlreadyCompressedType(QByteArrayView contentType);

} // namespace mort
