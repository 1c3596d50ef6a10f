#pragma once
// One HTTP thread's share of the connections. The acceptor (HttpServerCore)
// hands each accepted socket to the hosts in turn; a host's connections are
// read, parsed and answered on its thread only, so a connection never needs
// a lock, and cache hits -- answered on the HTTP thread -- use every core
// instead of one (tests/bench/RESULTS.md, hot path).
#include <QObject>

namespace mort {

class HttpServerCore;

class ConnectionHost : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionHost(HttpServerCore *core) : m_core(core) {}

    // On the host's thread: wraps the accepted descriptor in a socket and an
    // HttpConnection, both children of this host (closes it if Qt refuses it).
    void adopt(qintptr descriptor, bool internalListener);
    // On the host's thread (HttpServer::stop): see HttpServerCore.
    void closeAllConnections();
    void endStreams();

private:
    HttpServerCore *m_core;
};

} // namespace mort
