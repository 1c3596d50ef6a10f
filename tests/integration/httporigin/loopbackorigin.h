#pragma once
// A loopback HTTP origin for the http storage tests, on its own thread
// (storage calls block the test thread). Routes are scripted per path; modes
// make it misbehave on purpose: `Silent` accepts and never answers (slow or
// hung origin), `Lying` announces more body bytes than it sends, then closes,
// `Reset` sends the head and half the body, then resets the connection (RST),
// `Stall` sends the head and half the body, then nothing more, `Held` sends
// the head and half the body, then the rest when the test calls release()
// (or resets the connection with breakHeld()).
// Every request it saw is recorded (method, path, headers).
#include "core/threadhandoff.h"

#include <QFile>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <atomic>
#include <sys/socket.h>
#include <memory>

namespace mort::testutil {

struct OriginRoute
{
    enum Mode { Normal, Silent, Lying, Reset, Stall, Held };
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    Mode mode = Normal;
};

struct SeenRequest
{
    QByteArray method;
    QByteArray path;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[k, v] : headers)
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        return {};
    }
};

class LoopbackOrigin
{
public:
    LoopbackOrigin()
    {
        m_thread.start();
        m_server = new QTcpServer;
        m_server->moveToThread(&m_thread);
        // runBlockingOn: a hand-over ThreadSanitizer can see (Qt's own is not instrumented).
        mort::runBlockingOn(m_server, [this] {
            m_server->listen(QHostAddress::LocalHost, 0);
            m_port = m_server->serverPort();
            QObject::connect(m_server, &QTcpServer::newConnection, m_server, [this] { accept(); });
        });
    }
    ~LoopbackOrigin()
    {
        mort::runBlockingOn(m_server, [this] { delete m_server; });
        m_thread.quit();
        m_thread.wait();
    }

    quint16 port() const { return m_port; }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

    void route(const QByteArray &path, OriginRoute r)
    {
        QMutexLocker lock(&m_mutex);
        m_routes.insert(path, std::move(r));
    }
    // Paths without a route are served from files below `dir` (raw bytes,
    // type by extension): an origin holding a bucket's originals.
    void setDocumentRoot(const QString &dir)
    {
        QMutexLocker lock(&m_mutex);
        m_documentRoot = dir;
    }
    // Connections accepted so far, answered or not (a canary: "nothing connected").
    int connections() const { return m_connections.load(); }
    // Connections the other side closed (or that were reset) so far.
    int closedConnections() const { return m_closed.load(); }
    // Held answers sent so far whose second half is still owed.
    int heldAnswers() const
    {
        int held = 0;
        mort::runBlockingOn(m_server, [this, &held] { held = int(m_held.size()); });
        return held;
    }
    // Sends the rest of every held answer.
    void release()
    {
        mort::runBlockingOn(m_server, [this] {
            for (const auto &[socket, rest] : std::as_const(m_held))
                if (socket)
                    socket->write(rest);
            m_held.clear();
        });
    }
    // Resets the connections of every held answer instead (RST).
    void breakHeld()
    {
        mort::runBlockingOn(m_server, [this] {
            for (const auto &held : std::as_const(m_held))
                if (held.first)
                    resetConnection(held.first);
            m_held.clear();
        });
    }
    QList<SeenRequest> seen() const
    {
        QMutexLocker lock(&m_mutex);
        return m_seen;
    }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            m_connections.fetch_add(1);
            auto buffer = std::make_shared<QByteArray>();
            QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
                m_closed.fetch_add(1);
                socket->deleteLater();
            });
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                *buffer += socket->readAll();
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                answer(socket, buffer->left(end));
                buffer->remove(0, end + 4);
            });
        }
    }

    void answer(QTcpSocket *socket, const QByteArray &head)
    {
        const QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        SeenRequest request{requestLine.value(0), requestLine.value(1), {}};
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
        }
        OriginRoute r;
        {
            QMutexLocker lock(&m_mutex);
            m_seen.append(request);
            r = m_routes.value(request.path, OriginRoute{404, "missing", {}, OriginRoute::Normal});
            if (!m_routes.contains(request.path) && !m_documentRoot.isEmpty())
                r = fileRoute(m_documentRoot + QString::fromUtf8(QByteArray::fromPercentEncoding(request.path)));
        }
        if (r.mode == OriginRoute::Silent)
            return;
        const qint64 announced = r.body.size() + (r.mode == OriginRoute::Lying ? 1000 : 0);
        QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status)
            + " X\r\nContent-Length: " + QByteArray::number(announced) + "\r\n";
        for (const auto &[k, v] : r.headers)
            out += k + ": " + v + "\r\n";
        out += "\r\n";
        const bool halfBody =
            r.mode == OriginRoute::Reset || r.mode == OriginRoute::Stall || r.mode == OriginRoute::Held;
        if (request.method != "HEAD")
            out += halfBody ? r.body.left(r.body.size() / 2) : r.body;
        socket->write(out);
        if (r.mode == OriginRoute::Held && request.method != "HEAD")
            m_held.append({QPointer<QTcpSocket>(socket), r.body.mid(r.body.size() / 2)});
        if (r.mode == OriginRoute::Lying)
            socket->disconnectFromHost();
        if (r.mode == OriginRoute::Reset && request.method != "HEAD")
            resetConnection(socket);
    }

    static void resetConnection(QTcpSocket *socket)
    {
        socket->flush();
        // SO_LINGER 0: close() sends RST instead of FIN, a real reset.
        const linger resetOnClose{1, 0};
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &resetOnClose, sizeof resetOnClose);
        socket->abort();
    }

    static OriginRoute fileRoute(const QString &path)
    {
        QFile file(path);
        if (path.contains(QLatin1String("/../")) || !file.open(QIODevice::ReadOnly))
            return {404, "missing", {}, OriginRoute::Normal};
        static const QHash<QString, QByteArray> types{{QStringLiteral("jpg"), "image/jpeg"},
                                                      {QStringLiteral("png"), "image/png"},
                                                      {QStringLiteral("webp"), "image/webp"},
                                                      {QStringLiteral("txt"), "text/plain; charset=utf-8"}};
        const QByteArray type = types.value(path.section(QLatin1Char('.'), -1).toLower(), "application/octet-stream");
        return {200, file.readAll(), {{"Content-Type", type}, {"ETag", "\"file\""}}, OriginRoute::Normal};
    }

    QThread m_thread;
    QString m_documentRoot;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    std::atomic<int> m_connections{0};
    std::atomic<int> m_closed{0};
    QList<QPair<QPointer<QTcpSocket>, QByteArray>> m_held; // server thread only
    mutable QMutex m_mutex;
    QHash<QByteArray, OriginRoute> m_routes;
    QList<SeenRequest> m_seen;
};

} // namespace mort::testutil
