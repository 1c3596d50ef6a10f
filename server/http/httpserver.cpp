#include "http/httpserver.h"

#include "core/threadhandoff.h"
#include "http/httpservercore.h"

#include <QDeadlineTimer>
#include <algorithm>
#include <QThread>

namespace mort {

HttpServer::HttpServer(HttpLimits limits, HttpHandler *handler, TaskRegistry *tasks)
    : m_counters(std::make_unique<HttpCounters>())
{
    const int count =
        limits.threads > 0 ? limits.threads : std::clamp(QThread::idealThreadCount(), 1, HttpLimits::kMaxAutoThreads);
    m_core = new HttpServerCore(limits, handler, tasks, m_counters.get());
    for (int i = 0; i < count; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(i == 0 ? QStringLiteral("mort-http") : QStringLiteral("mort-http-%1").arg(i + 1));
        auto *host = new ConnectionHost(m_core);
        host->moveToThread(thread);
        HttpServerCore *core = i == 0 ? m_core : nullptr;
        if (core)
            core->moveToThread(thread);
        // Each host (and its connections; the core after the first host's) dies on
        // its own thread as it ends; the release pairs with the acquire after
        // wait() in stop() (TSan cannot see QThread::wait's synchronisation).
        QObject::connect(
            thread, &QThread::finished, thread,
            [host, core, thread] {
                delete host;
                delete core;
                tsanRelease(thread);
            },
            Qt::DirectConnection);
        m_threads.append(thread);
        m_hosts.append(host);
    }
    m_core->setHosts(m_hosts);
    m_threadCount = count;
    for (QThread *thread : std::as_const(m_threads))
        thread->start();
}

HttpServer::~HttpServer()
{
    stop(0);
}

Expected<void> HttpServer::listen(const QList<ListenAddress> &addresses)
{
    return changeListeners(addresses, {});
}

Expected<void> HttpServer::changeListeners(const QList<ListenAddress> &added, const QList<ListenAddress> &removed)
{
    if (m_threads.isEmpty())
        return Error::internal("http.stopped", QStringLiteral("server already stopped"));
    std::optional<Error> failure;
    QList<Bound> bound;
    runBlockingOn(m_core, [&] {
        for (const ListenAddress &address : added) {
            Expected<QString> result = m_core->listenOn(address);
            if (!result) {
                failure = result.takeError();
                for (const ListenAddress &undo : added)
                    m_core->closeListener(undo); // all or none
                return;
            }
            bound.append(Bound{address, *result});
        }
        for (const ListenAddress &address : removed)
            m_core->closeListener(address);
    });
    if (failure)
        return *failure;
    QMutexLocker lock(&m_boundMutex);
    m_listeners.removeIf([&removed](const Bound &b) {
        return std::any_of(removed.cbegin(), removed.cend(),
                           [&b](const ListenAddress &r) { return r.sameListener(b.configured); });
    });
    m_listeners += bound;
    rebuildBoundListsLocked();
    return {};
}

QStringList HttpServer::boundAddresses() const
{
    QMutexLocker lock(&m_boundMutex);
    return m_bound;
}

QStringList HttpServer::boundAddresses(bool internal) const
{
    QMutexLocker lock(&m_boundMutex);
    return internal ? m_boundInternal : m_boundPublic;
}

void HttpServer::rebuildBoundListsLocked()
{
    m_bound.clear();
    m_boundPublic.clear();
    m_boundInternal.clear();
    for (const Bound &b : std::as_const(m_listeners)) {
        m_bound.append(b.address);
        (b.configured.internal ? m_boundInternal : m_boundPublic).append(b.address);
    }
}

void HttpServer::stop(int graceMs)
{
    if (m_threads.isEmpty())
        return;
    // Sockets handed to a host before this are queued ahead of the calls below
    // (one event queue per thread): every host sees all of its connections.
    runBlockingOn(m_core, [this] { m_core->closeListeners(); });
    // Streamed responses (admin event streams) would otherwise hold the drain
    // for the whole grace period: end them cleanly along with accepting.
    onEveryHost([](ConnectionHost *host) { host->endStreams(); });
    // Drain: in-flight exchanges finish on the HTTP threads while we wait here;
    // the last one to end wakes us, or the grace period runs out.
    m_counters->exchangesInFlight.waitUntilNone(QDeadlineTimer(graceMs));
    onEveryHost([](ConnectionHost *host) { host->closeAllConnections(); });
    // The first thread (with the core, which every connection reports to) ends last.
    for (qsizetype i = m_threads.size() - 1; i >= 0; --i) {
        QThread *thread = m_threads.at(i);
        thread->quit();
        thread->wait();
        tsanAcquire(thread);
        delete thread; // its host (and the core) were deleted on its finished()
    }
    m_threads.clear();
    m_hosts.clear();
    m_core = nullptr;
}

void HttpServer::onEveryHost(const std::function<void(ConnectionHost *)> &call)
{
    for (ConnectionHost *host : std::as_const(m_hosts))
        runBlockingOn(host, [&call, host] { call(host); });
}

HttpServerStats HttpServer::stats() const
{
    HttpServerStats s;
    s.connectionsAccepted = m_counters->connectionsAccepted.load();
    s.connectionsOpen = m_counters->connectionsOpen.load();
    s.requestsReceived = m_counters->requestsReceived.load();
    s.responsesWritten = m_counters->responsesWritten.load();
    s.responsesDropped = m_counters->responsesDropped.load();
    s.rejectedByGuard = m_counters->rejectedByGuard.load();
    s.exchangesInFlight = m_counters->exchangesInFlight.count();
    s.threads = m_threadCount;
    return s;
}

} // namespace mort
