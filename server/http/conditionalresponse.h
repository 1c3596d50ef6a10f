#pragma once
// RFC 7232/7233 evaluation of a complete (buffered) 200 response, with the
// semantics of Go's http.ServeContent that Mort relies on (spec
// http-behaviour.md §5): If-Match / If-Unmodified-Since -> 412,
// If-None-Match / If-Modified-Since -> 304, Range -> 206 (single or
// multipart/byteranges) or 416.
#include "http/httpmessage.h"

namespace mort {

// True when the request carries any of Range, If-Range, If-Match,
// If-None-Match, If-Modified-Since, If-Unmodified-Since.
bool isConditionalOrRange(const HttpRequest &request);

struct ByteRange
{
    qint64 start = 0;
    qint64 length = 0;
};

// For a body that is not in memory (streamed from storage, `size` bytes):
// the same preconditions (304/412); a single satisfiable Range becomes a 206
// head with `*range` set to the span to stream; an invalid or unsatisfiable
// one a 416. Several ranges, or any If-Range, get the whole body (RFC 9110
// lets a server ignore Range). Otherwise `head` comes back unchanged.
HttpResponse applyConditionalAndRangeToStream(const HttpRequest &request, HttpResponse head, qint64 size,
                                              ByteRange *range);

// `response` must be a 200 whose body is complete. Returns it unchanged when
// no precondition or range applies.
HttpResponse applyConditionalAndRange(const HttpRequest &request, HttpResponse response);

enum class RangeParse { Ok, Invalid, NoOverlap };
// Go's parseRange: "bytes=a-b,c-,-n" against `size`.
RangeParse parseRangeHeader(const QByteArray &header, qint64 size, QList<ByteRange> *out);

} // namespace mort
