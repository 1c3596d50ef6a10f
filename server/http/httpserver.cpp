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
    m_core = new HttpServerCore(limits, handler, tasks, m_counters.get());
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("mort-http"));
    m_core->moveToThread(m_thread);
    // The core (and its connections) die on their own thread as it ends; the
    // release pairs with the acquire after wait() in stop() (TSan cannot see
    // QThread::wait's synchronisation).
    QObject::connect(
        m_thread, &QThread::finished, m_core,
        [core = m_core, thread = m_thread] {
            delete core;
            tsanRelease(thread);
        },
        Qt::DirectConnection);
    m_thread->start();
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
    if (!m_thread)
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
    if (!m_thread)
        return;
    // Streamed responses (admin event streams) would otherwise hold the drain
    // for the whole grace period: end them cleanly along with accepting.
    runBlockingOn(m_core, [this] {
        m_core->closeListeners();
        m_core->endStreams();
    });
    // Drain: in-flight exchanges finish on the HTTP thread while we wait here;
    // the last one to end wakes us, or the grace period runs out.
    m_counters->exchangesInFlight.waitUntilNone(QDeadlineTimer(graceMs));
    runBlockingOn(m_core, [this] { m_core->closeAllConnections(); });
    m_thread->quit();
    m_thread->wait();
    tsanAcquire(m_thread);
    delete m_thread; // m_core was deleted on the thread's finished()
    m_thread = nullptr;
    m_core = nullptr;
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
    return s;
}

} // namespace mort
