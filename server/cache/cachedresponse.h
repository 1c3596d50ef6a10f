#pragma once
// One finished response as an immutable shared object: what the response
// cache stores and what a collapse leader hands to its waiters. Everybody
// holds the same std::shared_ptr<const CachedResponse>; the body is a
// QByteArray whose bytes are implicitly shared, so a cache hit or a waiter is
// a refcount bump, never a body copy (seed findings 6, 7, 23).
#include "http/httpmessage.h"

#include <memory>

namespace mort {

class CachedResponse
{
public:
    // Fixed per-entry overhead charged on top of body and header bytes: the
    // node, the index slot and the control block. Mort charges ~350 B too
    // (config.md §2.1), so cacheSize means roughly the same in both.
    static constexpr qint64 kEntryOverheadBytes = 350;

    // Shares `response.body` (no byte copy); headers are copied (small).
    static std::shared_ptr<const CachedResponse> fromResponse(const HttpResponse &response);
    static std::shared_ptr<const CachedResponse> create(int status, HttpHeaders headers, QByteArray body);

    // Public only for std::make_shared; use create()/fromResponse().
    CachedResponse(int status, HttpHeaders headers, QByteArray body);

    int status() const { return m_status; }
    const HttpHeaders &headers() const { return m_headers; }
    const QByteArray &body() const { return m_body; }
    QByteArray header(QByteArrayView name) const { return headerValue(m_headers, name); }
    QByteArray contentType() const { return header("Content-Type"); }

    // Bytes this entry pins, computed once here (seed finding 8: Mort
    // recomputed it on every eviction check). The body is charged by its
    // allocation, not its length: a body grown by append() pins its capacity.
    qint64 cost() const { return m_cost; }
    qint64 headerBytes() const { return m_headerBytes; }

    // A mutable response for the transport to send (and plugins to decorate):
    // headers copied, body shared.
    HttpResponse toHttpResponse() const;

private:
    int m_status;
    HttpHeaders m_headers;
    QByteArray m_body;
    qint64 m_headerBytes;
    qint64 m_cost;
};

using SharedResponse = std::shared_ptr<const CachedResponse>;

} // namespace mort
