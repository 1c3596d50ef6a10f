#pragma once
// Per-connection state on the HTTP thread: reads the socket in bounded
// pieces into the one request parser (http/requestparser.h), applies the
// body budget and header/idle timeouts, and writes every byte the client gets
// -- interim 100 Continue, responses, rejections -- strictly in request order
// through one writer. Body streaming in bounded pieces driven by bytesWritten.
#include "http/bodybudget.h"
#include "http/httpexchange.h"
#include "http/requestparser.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <memory>

class QTcpSocket;

namespace mort {

class HttpServerCore;

struct HttpLimits
{
    qint64 maxHeaderBytes = 16 * 1024;
    qint64 maxBodyBytes = 64LL << 20;
    qint64 maxBufferedBodyBytes = 256LL << 20; // all connections together (http/bodybudget.h)
    int headerTimeoutMs = 10'000;
    int idleTimeoutMs = 60'000;
    // HTTP threads serving connections (each connection stays on one);
    // 0: one per core, at most kMaxAutoThreads.
    int threads = 0;
    static constexpr int kMaxAutoThreads = 8;
};

class HttpConnection : public QObject
{
    Q_OBJECT
public:
    // Becomes a child of `socket` and the only reader of it.
    HttpConnection(QTcpSocket *socket, HttpServerCore *core, bool internalListener);
    ~HttpConnection() override;

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
    // Bytes taken from the socket per read; Qt's own read buffer is bounded
    // to the same size, so a client that sends faster than we answer is held
    // back by TCP instead of filling our memory.
    static constexpr qint64 kReadChunk = 64 * 1024;
    // Requests read ahead of their answers (pipelining); more wait unread.
    static constexpr size_t kMaxPipelined = 16;
    // After a closing answer, how long what the client still sends is read
    // and dropped before the connection is cut (see closeAfterWriting()).
    static constexpr int kLingerMs = 2000;

private:
    // Parses what has arrived and dispatches complete requests, reading only
    // while fewer than kMaxPipelined answers are owed.
    void processInput();
    bool onHead();
    void dispatchRequest();
    // "100 Continue" goes out only after every earlier response.
    void sendContinue();
    void onBytesWritten();
    void onFileBodyReadable(); // more of a body still being downloaded
    void onDisconnected();
    void onTimeout();
    void flushReady();
    void writeHead(const HttpExchange &exchange, HttpResponse &response, bool closeAfter, bool streamed = false);
    void continueBody();
    void continueFileBody();
    void streamTick();
    void finishCurrent();
    // Answers `status` after every response owed before it, then closes;
    // nothing more is read from the client.
    void reject(int status, const QByteArray &why);
    // The same for an answer the handler made before the body was read
    // (HttpHandler::admitBody): written as given plus Connection: close.
    void refuse(HttpResponse response);
    void writeClosingAnswer(const QByteArray &bytes);
    // The parser's BodyRouter: asks the handler where this body goes.
    BodyRoute routeBody(const RequestHead &head);
    // Ends the connection after the bytes already written (RFC 9112 §9.6
    // "lingering close"): our side is shut once they have left, and whatever
    // the client still sends is read and dropped until it closes or
    // kLingerMs pass. Closing at once would make the kernel answer the
    // client's remaining bytes with a reset, which can destroy our answer
    // before the client has read it.
    void closeAfterWriting();
    void shutdownWrites();
    // Takes `bytes` of the current request's body from the server-wide budget;
    // on failure answers 503 (Retry-After) and closes. False when rejected.
    bool reserveBody(qint64 bytes);
    void armTimer(int ms);

    QTcpSocket *m_socket;
    HttpServerCore *m_core;
    bool m_internal;
    std::shared_ptr<ConnectionLink> m_link;
    std::deque<HttpExchangePtr> m_pending; // in request order
    RequestParser m_parser;
    // The body of the request being received, in the server-wide budget; handed to its exchange.
    std::shared_ptr<BodyBudget::Reservation> m_bodyReservation;
    // What the handler decided for the request being received, and its spool file.
    BodyAdmission m_admission;
    std::shared_ptr<QIODevice> m_spool;
    bool m_rejected = false;        // a rejection is written or waits its turn: read nothing more
    bool m_lastRequestRead = false; // Connection: close (or HTTP/1.0) request dispatched
    bool m_continueOwed = false;
    bool m_lingering = false;       // closeAfterWriting(): shut our side once the answer has left
    QByteArray m_deferredRejection; // written once the responses owed before it are
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
