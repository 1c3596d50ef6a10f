#include "http/httpexchange.h"

#include "http/httpconnection.h"

#include <algorithm>

namespace mort {

HttpExchange::HttpExchange(HttpRequest request, std::shared_ptr<ConnectionLink> link, TaskScope task, bool keepAlive,
                           bool http10)
    : m_request(std::move(request)), m_link(std::move(link)), m_task(std::move(task)), m_keepAlive(keepAlive),
      m_http10(http10)
{
}

void HttpExchange::respond(HttpResponse response)
{
    deliver(std::move(response), std::nullopt);
}

void HttpExchange::respondStream(HttpResponse head, int intervalMs, StreamProducer next)
{
    deliver(std::move(head), Stream{std::max(intervalMs, 1), std::move(next)});
}

void HttpExchange::deliver(HttpResponse response, std::optional<Stream> stream)
{
    bool expected = false;
    if (!m_responded.compare_exchange_strong(expected, true, std::memory_order_acq_rel))
        return;
    {
        QMutexLocker lock(&m_mutex);
        m_response = std::move(response);
        m_stream = std::move(stream);
    }
    // Holding the link mutex keeps the connection alive while we post to it.
    QMutexLocker lock(&m_link->mutex);
    if (HttpConnection *connection = m_link->connection)
        connection->postResponseReady();
}

std::optional<HttpResponse> HttpExchange::takeResponse()
{
    QMutexLocker lock(&m_mutex);
    std::optional<HttpResponse> out = std::move(m_response);
    m_response.reset();
    return out;
}

std::optional<HttpExchange::Stream> HttpExchange::takeStream()
{
    QMutexLocker lock(&m_mutex);
    std::optional<Stream> out = std::move(m_stream);
    m_stream.reset();
    return out;
}

} // namespace mort
