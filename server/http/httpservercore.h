#pragma once
// Lives on the HTTP thread: owns the listeners (TCP and unix sockets); every
// accepted socket gets an HttpConnection, which parses and answers its
// requests (server/http/README.md: one parser, ours). One handler gets
// everything (spec: every path is /<bucket>/<key>).
#include "http/bodybudget.h"
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

// QTcpServer whose accepted sockets each get an HttpConnection. Sockets are
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

    // Called on the HTTP thread.
    Expected<QString> listenOn(const ListenAddress &address);
    void closeListeners();
    // Stops accepting on the listener opened for `address` (same text and
    // kind); connections it accepted earlier are served to their end.
    void closeListener(const ListenAddress &address);
    void closeAllConnections();
    // Ends every streamed response (they never end by themselves); see HttpServer::stop.
    void endStreams();

    const HttpLimits &limits() const { return m_limits; }
    BodyBudget &bodyBudget() { return m_bodyBudget; }
    HttpHandler *handler() const { return m_handler; }
    TaskRegistry *tasks() const { return m_tasks; }
    HttpCounters *counters() const { return m_counters; }
    quint64 nextRequestId() { return ++m_requestIds; }

private:
    HttpLimits m_limits;
    BodyBudget m_bodyBudget{m_limits.maxBufferedBodyBytes};
    HttpHandler *m_handler;
    TaskRegistry *m_tasks;
    HttpCounters *m_counters;
    QList<GuardedTcpServer *> m_servers;
    QStringList m_unixPaths;
    quint64 m_requestIds = 0;
};

} // namespace mort
