#pragma once
// Lives on the first HTTP thread: owns the listeners (TCP and unix sockets)
// and hands every accepted socket to the next ConnectionHost in turn, where an
// HttpConnection parses and answers its requests (server/http/README.md: one
// parser, ours). One handler gets everything (spec: every path is
// /<bucket>/<key>); it is called on every HTTP thread.
#include "http/bodybudget.h"
#include "http/connectionhost.h"
#include "http/httpconnection.h"
#include "http/inflightexchanges.h"
#include "http/listenaddress.h"

#include <QList>
#include <QTcpServer>

#include <atomic>

namespace mort {

class TaskRegistry;

struct HttpCounters
{
    std::atomic<quint64> connectionsAccepted{0};
    std::atomic<qint64> connectionsOpen{0};
    std::atomic<quint64> requestsReceived{0};
    std::atomic<quint64> responsesWritten{0};
    std::atomic<quint64> responsesDropped{0}; // client gone before the answer was ready
    std::atomic<quint64> rejectedByGuard{0};  // 400/408/413/431/503 answered by the guard
    InFlightExchanges exchangesInFlight;
};

// QTcpServer whose accepted sockets each go to a ConnectionHost. Sockets are
// never queued as "pending connections": nobody would take them.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    GuardedTcpServer(HttpServerCore *core, bool internal, QObject *parent);
    ListenAddress address; // what it was opened for

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    HttpServerCore *m_core;
    bool m_internal;
};

class HttpServerCore : public QObject
{
    Q_OBJECT
public:
    HttpServerCore(HttpLimits limits, HttpHandler *handler, TaskRegistry *tasks, HttpCounters *counters);
    ~HttpServerCore() override;

    // Before the first listener: the hosts that serve accepted sockets, in
    // turn (at least one; the core does not own them).
    void setHosts(QList<ConnectionHost *> hosts) { m_hosts = std::move(hosts); }

    // Called on the core's thread.
    Expected<QString> listenOn(const ListenAddress &address);
    void closeListeners();
    // Stops accepting on the listener opened for `address` (same text and
    // kind); connections it accepted earlier are served to their end.
    void closeListener(const ListenAddress &address);
    // An accepted socket to the next host: adopted at once when that host is
    // on this thread, else queued to its thread.
    void dispatch(qintptr descriptor, bool internalListener);

    // Thread-safe from here on: called by connections on every HTTP thread.

    const HttpLimits &limits() const { return m_limits; }
    BodyBudget &bodyBudget() { return m_bodyBudget; }
    HttpHandler *handler() const { return m_handler; }
    TaskRegistry *tasks() const { return m_tasks; }
    HttpCounters *counters() const { return m_counters; }
    quint64 nextRequestId() { return m_requestIds.fetch_add(1, std::memory_order_relaxed) + 1; }

private:
    HttpLimits m_limits;
    BodyBudget m_bodyBudget{m_limits.maxBufferedBodyBytes};
    HttpHandler *m_handler;
    TaskRegistry *m_tasks;
    HttpCounters *m_counters;
    QList<GuardedTcpServer *> m_servers;
    QStringList m_unixPaths;
    QList<ConnectionHost *> m_hosts;
    qsizetype m_nextHost = 0;
    std::atomic<quint64> m_requestIds{0};
};

} // namespace mort
