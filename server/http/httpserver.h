#pragma once
// The HTTP transport as the engine sees it: HTTP threads of their own (the
// first also accepts; each accepted connection is served on one of them, in
// turn), a guard on every connection, one HttpHandler for every request,
// graceful stop.
#include "http/httpconnection.h"
#include "http/listenaddress.h"

#include <QMutex>
#include <QStringList>

#include <functional>
#include <memory>

class QThread;

namespace mort {

class ConnectionHost;
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
    int threads = 0; // HTTP threads serving connections
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
    // Hot reload: binds `added` (all or none, as listen()), then stops
    // accepting on `removed`. Other listeners, and connections already
    // accepted on the removed ones, are not touched.
    Expected<void> changeListeners(const QList<ListenAddress> &added, const QList<ListenAddress> &removed);
    // "127.0.0.1:43117", "unix:/run/mort.sock": actual addresses (ephemeral ports resolved).
    // Thread-safe (listeners change on hot reload).
    QStringList boundAddresses() const;
    QStringList boundAddresses(bool internal) const;

    // Stops accepting and ends streamed responses, lets in-flight requests finish for up to `graceMs`,
    // then closes every connection and removes unix socket files. Idempotent.
    void stop(int graceMs);
    bool isRunning() const { return !m_threads.isEmpty(); }
    int threadCount() const { return m_threadCount; }

    HttpServerStats stats() const;

private:
    std::unique_ptr<HttpCounters> m_counters;
    HttpServerCore *m_core = nullptr; // on m_threads[0]
    QList<ConnectionHost *> m_hosts;  // m_hosts[i] on m_threads[i]
    QList<QThread *> m_threads;
    int m_threadCount = 0; // as started; stats() may be called from any thread, m_threads not
    struct Bound
    {
        ListenAddress configured;
        QString address; // as bound
    };
    mutable QMutex m_boundMutex; // guards the lists below
    QList<Bound> m_listeners;
    QStringList m_bound, m_boundPublic, m_boundInternal;
    void rebuildBoundListsLocked();
    // Runs `call(host)` on every host's thread, one after another, and waits.
    void onEveryHost(const std::function<void(ConnectionHost *)> &call);
};

} // namespace mort
