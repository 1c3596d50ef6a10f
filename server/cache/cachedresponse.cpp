#include "cache/cachedresponse.h"

namespace mort {

namespace {

qint64 headerBytesOf(const HttpHeaders &headers)
{
    qint64 bytes = 0;
    for (const auto &h : headers)
        bytes += h.first.size() + h.second.size();
    return bytes;
}

} // namespace

CachedResponse::CachedResponse(int status, HttpHeaders headers, QByteArray body)
    : m_status(status), m_headers(std::move(headers)), m_body(std::move(body)), m_headerBytes(headerBytesOf(m_headers)),
      m_cost(qMax<qint64>(m_body.size(), m_body.capacity()) + m_headerBytes + kEntryOverheadBytes)
{
}

std::shared_ptr<const CachedResponse> CachedResponse::fromResponse(const HttpResponse &response)
{
    return std::make_shared<const CachedResponse>(response.status, response.headers, response.body);
}

std::shared_ptr<const CachedResponse> CachedResponse::create(int status, HttpHeaders headers, QByteArray body)
{
    return std::make_shared<const CachedResponse>(status, std::move(headers), std::move(body));
}

HttpResponse CachedResponse::toHttpResponse() const
{
    HttpResponse response;
    response.status = m_status;
    response.headers = m_headers;
    response.body = m_body;
    return response;
}

} // namespace mort
