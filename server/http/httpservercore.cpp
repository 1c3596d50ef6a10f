#include "http/httpservercore.h"

#include "core/threadhandoff.h"

#include <QThread>

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace mort {

GuardedTcpServer::GuardedTcpServer(HttpServerCore *core, bool internal, QObject *parent)
    : QTcpServer(parent), m_core(core), m_internal(internal)
{
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    m_core->dispatch(descriptor, m_internal);
}

HttpServerCore::HttpServerCore(HttpLimits limits, HttpHandler *handler, TaskRegistry *tasks, HttpCounters *counters)
    : m_limits(limits), m_handler(handler), m_tasks(tasks), m_counters(counters)
{
}

HttpServerCore::~HttpServerCore()
{
    closeListeners();
    qDeleteAll(m_servers);
    m_servers.clear();
}

void HttpServerCore::dispatch(qintptr descriptor, bool internalListener)
{
    Q_ASSERT(!m_hosts.isEmpty());
    ConnectionHost *host = m_hosts.at(m_nextHost);
    m_nextHost = (m_nextHost + 1) % m_hosts.size();
    if (host->thread() == QThread::currentThread()) {
        host->adopt(descriptor, internalListener);
        return;
    }
    // Every hand-off runs before its host can end: HttpServer::stop() closes
    // the listeners on this thread first, then calls each host through the
    // same event queue (FIFO), and only then ends the threads.
    postQueued(host, [host, descriptor, internalListener] { host->adopt(descriptor, internalListener); });
}

namespace {

// Connections the kernel completes before we accept them. Qt's default (50)
// dropped the SYNs of a burst of 60 clients, which then retried after 1 s
// (tst_overload's "refused at once" measured 1021 ms); Go's servers (Mort)
// use the kernel's somaxconn, which caps this value too.
constexpr int kListenBacklog = 4096;

// Qt 6.4 has no unix-socket server for QTcpServer; a listening AF_UNIX fd
// handed to setSocketDescriptor works (DESIGN §4).
Expected<int> openUnixListener(const QString &path)
{
    const QByteArray native = path.toLocal8Bit();
    sockaddr_un addr{};
    if (native.size() >= static_cast<qsizetype>(sizeof(addr.sun_path)))
        return Error::internal("http.listen_failed", QStringLiteral("unix socket path too long: %1").arg(path));
    struct stat st
    {};
    if (::lstat(native.constData(), &st) == 0) {
        if (!S_ISSOCK(st.st_mode))
            return Error::internal(
                "http.listen_failed",
                QStringLiteral("%1 exists and is not a socket; remove it or choose another path").arg(path));
        ::unlink(native.constData()); // stale socket of a previous run
    }
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return Error::internal("http.listen_failed", QString::fromLocal8Bit(std::strerror(errno)));
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path, native.constData(), native.size());
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) != 0 || ::listen(fd, kListenBacklog) != 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return Error::internal("http.listen_failed", QStringLiteral("cannot listen on unix:%1: %2").arg(path, why));
    }
    return fd;
}

} // namespace

Expected<QString> HttpServerCore::listenOn(const ListenAddress &address)
{
    auto *server = new GuardedTcpServer(this, address.internal, this);
    QString bound;
    if (address.isUnix) {
        Expected<int> fd = openUnixListener(address.unixPath);
        if (!fd) {
            delete server;
            return fd.takeError();
        }
        if (!server->setSocketDescriptor(*fd)) {
            ::close(*fd);
            delete server;
            return Error::internal("http.listen_failed",
                                   QStringLiteral("cannot use unix socket %1").arg(address.unixPath));
        }
        m_unixPaths.append(address.unixPath);
        bound = QStringLiteral("unix:") + address.unixPath;
    } else {
        server->setListenBacklogSize(kListenBacklog);
        if (!server->listen(address.host, address.port)) {
            const QString why = server->errorString();
            delete server;
            return Error::internal("http.listen_failed",
                                   QStringLiteral("cannot listen on %1: %2").arg(address.text, why));
        }
        QString host = server->serverAddress().toString();
        if (server->serverAddress().protocol() == QAbstractSocket::IPv6Protocol)
            host = QLatin1Char('[') + host + QLatin1Char(']');
        bound = host + QLatin1Char(':') + QString::number(server->serverPort());
    }
    server->address = address;
    m_servers.append(server);
    return bound;
}

void HttpServerCore::closeListener(const ListenAddress &address)
{
    for (GuardedTcpServer *server : std::as_const(m_servers)) {
        if (!server->isListening() || !server->address.sameListener(address))
            continue;
        server->close(); // what it accepted lives on the hosts and keeps running
        if (server->address.isUnix) {
            ::unlink(server->address.unixPath.toLocal8Bit().constData());
            m_unixPaths.removeAll(server->address.unixPath);
        }
    }
}

void HttpServerCore::closeListeners()
{
    for (GuardedTcpServer *server : std::as_const(m_servers))
        server->close();
    for (const QString &path : std::as_const(m_unixPaths))
        ::unlink(path.toLocal8Bit().constData());
    m_unixPaths.clear();
}

} // namespace mort
