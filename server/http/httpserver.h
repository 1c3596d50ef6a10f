#pragma once
// The HTTP transport as the engine sees it: listeners on a thread of their own,
// a guard on every connection, one HttpHandler for every request, graceful stop.
#include "http/httpconnection.h"
#include "http/listenaddress.h"

#include <QStringList>

#include <memory>

class QThread;

namespace mort {

class HttpServerCore;
struct HttpCounters;
class TaskRegistry;

struct HttpServerStats
{
    quint64 connectionsAccepted = 0;
    qint64 connectionsOpen = 0;
    quint64 requestsReceived = 0;
    quint64 responsesWritten = 0;
    quint64 responsesDropped = 0;
    quint64 rejectedByGuard = 0;
    qint64 exchangesInFlight = 0;
};

class HttpServer
{
public:
    HttpServer(HttpLimits limits, HttpHandler *handler, TaskRegistry *tasks);
    ~HttpServer(); // stop(0)
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Binds every address or none (on failure the ones bound are closed again).
    Expected<void> listen(const QList<ListenAddress> &addresses);
    // "127.0.0.1:43117", "unix:/run/mort.sock": actual addresses (ephemeral ports resolved).
    QStringList boundAddresses() const { return m_bound; }
    QStringList boundAddresses(bool internal) const { return internal ? m_boundInternal : m_boundPublic; }

    // Stops accepting and ends streamed responses, lets in-flight requests finish for up to `graceMs`,
    // then closes every connection and removes unix socket files. Idempotent.
    void stop(int graceMs);
    bool isRunning() const { return m_thread != nullptr; }

    HttpServerStats stats() const;

private:
    std::unique_ptr<HttpCounters> m_counters;
    HttpServerCore *m_core = nullptr;
    QThread *m_thread = nullptr;
    QStringList m_bound, m_boundPublic, m_boundInternal;
};

} // namespace mort
