#pragma once
// One HTTP thread's share of the connections. The acceptor (HttpServerCore)
// hands each accepted socket to the hosts in turn; a host's connections are
// read, parsed and answered on its thread only, so a connection never needs
// a lock, and cache hits -- answered on the HTTP thread -- use every core
// instead of one (tests/bench/RESULTS.md, hot path).
#include <QObject>

namespace mort {

class HttpServerCore;

// An accepted descriptor on its way to a host: closed unless adopted (a hand-off
// still queued when the host's thread ends is dropped with it, not leaked).
class AcceptedDescriptor
{
public:
    explicit AcceptedDescriptor(qintptr fd) : m_fd(fd) {}
    AcceptedDescriptor(AcceptedDescriptor &&other) noexcept : m_fd(other.release()) {}
    AcceptedDescriptor &operator=(AcceptedDescriptor &&) = delete;
    AcceptedDescriptor(const AcceptedDescriptor &) = delete;
    AcceptedDescriptor &operator=(const AcceptedDescriptor &) = delete;
    ~AcceptedDescriptor();

    qintptr release()
    {
        const qintptr fd = m_fd;
        m_fd = -1;
        return fd;
    }

private:
    qintptr m_fd;
};

class ConnectionHost : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionHost(HttpServerCore *core) : m_core(core) {}

    // On the host's thread: wraps the descriptor in a socket and an
    // HttpConnection, both children of this host.
    void adopt(AcceptedDescriptor descriptor, bool internalListener);
    // On the host's thread (HttpServer::stop): see HttpServerCore.
    void closeAllConnections();
    void endStreams();

private:
    HttpServerCore *m_core;
};

} // namespace mort
