#pragma once
// Per-connection state on the HTTP thread: the request guard (limits checked
// on the raw bytes before Qt HttpServer buffers them), header/idle timeouts,
// in-order response writing (safe with pipelined requests) and body streaming
// in bounded pieces driven by bytesWritten.
#include "http/bodybudget.h"
#include "http/httpexchange.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <memory>

class QTcpSocket;
class QHttpServerRequest;

namespace mort {

class HttpServerCore;

struct HttpLimits
{
    qint64 maxHeaderBytes = 16 * 1024;
    qint64 maxBodyBytes = 64LL << 20;
    qint64 maxBufferedBodyBytes = 256LL << 20; // all connections together (http/bodybudget.h)
    int headerTimeoutMs = 10'000;
    int idleTimeoutMs = 60'000;
};

class HttpConnection : public QObject
{
    Q_OBJECT
public:
    // Becomes a child of `socket`; must be created before Qt HttpServer connects
    // to the socket so that our readyRead slot runs first.
    HttpConnection(QTcpSocket *socket, HttpServerCore *core, bool internalListener);
    ~HttpConnection() override;

    void dispatch(const QHttpServerRequest &request);
    // Thread-safe (called under ConnectionLink::mutex).
    void postResponseReady();
    bool hasPendingExchanges() const { return !m_pending.empty(); }
    void closeNow();
    // Ends the stream being written, if any (terminal chunk, exchange finished):
    // streams never end by themselves, so a graceful stop ends them first.
    void endStream();

    static constexpr qint64 kWriteChunk = 256 * 1024;
    // A streamed response's producer is not asked for more while this many
    // bytes still wait in the socket (the client is not reading).
    static constexpr qint64 kStreamBacklog = 256 * 1024;

private:
    struct RequestMeta
    {
        bool keepAlive = true;
        bool http10 = false;
        // This request's body bytes in the server-wide budget; handed to the exchange.
        std::shared_ptr<BodyBudget::Reservation> body = std::make_shared<BodyBudget::Reservation>();
    };

    void onReadyRead();
    bool acceptHeader(const QByteArray &header);
    void onBytesWritten();
    void onDisconnected();
    void onTimeout();
    void flushReady();
    void writeHead(const HttpExchange &exchange, HttpResponse &response, bool closeAfter, bool streamed = false);
    void continueBody();
    void continueFileBody();
    void streamTick();
    void finishCurrent();
    void reject(int status, const QByteArray &why);
    // Takes `bytes` of the current request's body from the server-wide budget;
    // on failure answers 503 (Retry-After) and closes. False when rejected.
    bool reserveBody(qint64 bytes);
    void armTimer(int ms);

    QTcpSocket *m_socket;
    HttpServerCore *m_core;
    bool m_internal;
    std::shared_ptr<ConnectionLink> m_link;
    std::deque<HttpExchangePtr> m_pending; // in request order
    std::deque<RequestMeta> m_metas;       // guard's view of requests not yet dispatched
    QByteArray m_headerBuffer; // header of the request being received (bounded by maxHeaderBytes)
    bool m_inBody = false;
    qint64 m_bodyRemaining = 0;
    qint64 m_bodyBytesSeen = 0;
    bool m_chunkedBody = false;
    bool m_rejected = false;
    QTimer m_timer;

    // The response being written.
    bool m_writing = false;
    QByteArray m_body;
    std::shared_ptr<BodyStream> m_fileBody; // a large object streamed from storage
    QByteArray m_chunkBuffer;               // reused for every piece of m_fileBody
    qint64 m_bodyOffset = 0;
    bool m_closeAfterWrite = false;

    // The streamed response being written (HttpExchange::respondStream).
    bool m_streaming = false;
    bool m_streamChunked = false; // false for HTTP/1.0 clients: raw bytes, then close
    HttpExchange::StreamProducer m_streamNext;
    QTimer m_streamTimer;
};

} // namespace mort
