#include "http/httpconnection.h"

#include "core/threadhandoff.h"
#include "http/httpservercore.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QIODevice>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QUrl>

Q_LOGGING_CATEGORY(lcHttp, "mort.http")

namespace mort {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN"; // Qt 6.4 maps custom methods to Unknown
    }
}

bool statusHasNoBody(int status) { return status < 200 || status == 204 || status == 304; }

bool tokenListContains(const QByteArray &value, QByteArrayView token)
{
    for (const QByteArray &part : value.split(',')) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, HttpServerCore *core, bool internalListener)
    : QObject(socket), m_socket(socket), m_core(core), m_internal(internalListener),
      m_link(std::make_shared<ConnectionLink>())
{
    m_link->connection = this;
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(&m_streamTimer, &QTimer::timeout, this, &HttpConnection::streamTick);
    armTimer(m_core->limits().headerTimeoutMs);
    m_core->counters()->connectionsAccepted++;
    m_core->counters()->connectionsOpen++;
}

HttpConnection::~HttpConnection()
{
    {
        QMutexLocker lock(&m_link->mutex);
        m_link->connection = nullptr;
    }
    for (const HttpExchangePtr &exchange : m_pending) {
        exchange->cancelToken().cancel();
        exchange->finish();
        m_core->counters()->responsesDropped++;
        m_core->counters()->exchangesInFlight--;
    }
    m_core->counters()->connectionsOpen--;
}

void HttpConnection::armTimer(int ms)
{
    if (ms > 0)
        m_timer.start(ms);
}

// The guard: sees the raw bytes before Qt HttpServer parses (and buffers) them.
// Qt 6.4 consumes everything available on each readyRead, so every byte passes
// here exactly once: we keep our own copy of the header being received (bounded)
// and count body bytes to know where the next request starts.
void HttpConnection::onReadyRead()
{
    if (m_rejected) {
        m_socket->readAll(); // discard: the connection is closing
        return;
    }
    const HttpLimits &limits = m_core->limits();
    const qint64 available = m_socket->bytesAvailable();
    QByteArray segment;
    qint64 offset = 0;
    while (offset < available) {
        if (m_inBody) {
            if (m_chunkedBody) {
                // The end of a chunked body is Qt's to find; we only bound its size.
                m_bodyBytesSeen += available - offset;
                if (m_bodyBytesSeen > limits.maxBodyBytes)
                    reject(413, "request body too large");
                else
                    reserveBody(available - offset);
                return;
            }
            const qint64 n = std::min(m_bodyRemaining, available - offset);
            m_bodyRemaining -= n;
            offset += n;
            if (m_bodyRemaining == 0)
                m_inBody = false;
            continue;
        }
        if (segment.isNull())
            segment = m_socket->peek(std::min<qint64>(available, offset + limits.maxHeaderBytes + 8));
        if (m_headerBuffer.isEmpty())
            armTimer(limits.headerTimeoutMs); // first byte of a request: the header must arrive in time
        const qsizetype before = m_headerBuffer.size();
        m_headerBuffer += QByteArrayView(segment).sliced(offset);
        while (m_headerBuffer.startsWith("\r\n"))
            m_headerBuffer.remove(0, 2); // RFC 9112 §2.2: ignore empty lines before a request
        const qsizetype end = m_headerBuffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_headerBuffer.size() > limits.maxHeaderBytes || segment.size() < available)
                reject(431, "request header too large");
            return;
        }
        if (end + 4 > limits.maxHeaderBytes) {
            reject(431, "request header too large");
            return;
        }
        // Bytes of this segment that belonged to the header; the rest is body or the next request.
        offset += std::max<qsizetype>(0, end + 4 - before);
        const QByteArray header = m_headerBuffer.left(end);
        m_headerBuffer.clear();
        if (!acceptHeader(header))
            return;
    }
}

bool HttpConnection::acceptHeader(const QByteArray &header)
{
    const HttpLimits &limits = m_core->limits();
    const QList<QByteArray> lines = header.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        reject(400, "malformed request line");
        return false;
    }
    const bool http10 = requestLine.at(2) == "HTTP/1.0";
    QByteArray connection, contentLength, transferEncoding, expect;
    int contentLengthCount = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "connection") {
            connection = value;
        } else if (name == "content-length") {
            // Conflicting lengths would desynchronise Qt's parser (DESIGN §4).
            if (contentLengthCount++ > 0 && value != contentLength) {
                reject(400, "conflicting Content-Length headers");
                return false;
            }
            contentLength = value;
        } else if (name == "transfer-encoding") {
            transferEncoding = value;
        } else if (name == "expect") {
            expect = value;
        }
    }
    qint64 length = 0;
    if (!contentLength.isEmpty()) {
        bool ok = false;
        length = contentLength.toLongLong(&ok);
        if (!ok || length < 0) {
            reject(400, "invalid Content-Length");
            return false;
        }
        if (length > limits.maxBodyBytes) {
            reject(413, "request body too large");
            return false;
        }
    }
    m_chunkedBody = tokenListContains(transferEncoding, "chunked");
    // The body's bytes are reserved before the client is told to send them.
    m_metas.push_back(RequestMeta{});
    if (!reserveBody(length))
        return false;
    if (!expect.isEmpty()) {
        if (expect.compare("100-continue", Qt::CaseInsensitive) != 0) {
            reject(417, "unsupported expectation");
            return false;
        }
        // Qt 6.4 ignores Expect; the client would wait before sending the body.
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
    RequestMeta &meta = m_metas.back();
    meta.keepAlive = http10 ? tokenListContains(connection, "keep-alive") : !tokenListContains(connection, "close");
    meta.http10 = http10;
    m_bodyRemaining = length;
    m_bodyBytesSeen = 0;
    m_inBody = m_chunkedBody || length > 0;
    if (m_inBody)
        armTimer(limits.idleTimeoutMs); // the body must keep coming
    else
        m_timer.stop();
    return true;
}

void HttpConnection::dispatch(const QHttpServerRequest &qtRequest)
{
    HttpCounters *counters = m_core->counters();
    counters->requestsReceived++;
    RequestMeta meta;
    if (!m_metas.empty()) {
        meta = m_metas.front();
        m_metas.pop_front();
    } else {
        // Pipelined request parsed in the same read as its predecessor.
        meta.keepAlive = !tokenListContains(qtRequest.value("connection"), "close");
    }
    if (m_chunkedBody) {
        m_inBody = false; // Qt found the end of the chunked body
        m_chunkedBody = false;
    }
    if (m_headerBuffer.isEmpty())
        m_timer.stop();

    HttpRequest request;
    request.method = methodName(qtRequest.method());
    const QUrl url = qtRequest.url();
    request.path = url.path(QUrl::FullyDecoded); // Mort splits the decoded path
    request.rawQuery = url.query(QUrl::FullyEncoded).toLatin1();
    request.headers = qtRequest.headers();
    request.body = qtRequest.body();
    request.remoteAddress = qtRequest.remoteAddress();
    request.internalListener = m_internal;
    request.id = m_core->nextRequestId();
    request.received = std::chrono::steady_clock::now();

    auto exchange = std::make_shared<HttpExchange>(std::move(request), m_link,
                                                   TaskScope(m_core->tasks(), TaskKind::Request), meta.keepAlive,
                                                   meta.http10);
    exchange->holdBody(std::move(meta.body));
    m_pending.push_back(exchange);
    counters->exchangesInFlight++;
    try {
        m_core->handler()->handle(exchange);
    } catch (const std::exception &e) {
        qCWarning(lcHttp) << "handler threw:" << e.what();
        exchange->respond(HttpResponse(500, QByteArrayLiteral("{\"message\": \"error\"}"), "application/json"));
    } catch (...) {
        qCWarning(lcHttp) << "handler threw an unknown exception";
        exchange->respond(HttpResponse(500, QByteArrayLiteral("{\"message\": \"error\"}"), "application/json"));
    }
}

void HttpConnection::postResponseReady()
{
    postQueued(this, &HttpConnection::flushReady);
}

void HttpConnection::flushReady()
{
    while (!m_writing && !m_pending.empty() && m_pending.front()->hasResponded()) {
        const HttpExchangePtr &exchange = m_pending.front();
        std::optional<HttpResponse> response = exchange->takeResponse();
        if (!response)
            return; // already being written
        std::optional<HttpExchange::Stream> stream = exchange->takeStream();
        const bool streamed = stream && stream->next && !exchange->request().isHead()
                              && !statusHasNoBody(response->status);
        // Without chunked framing (HTTP/1.0) only the close marks the end of a stream.
        const bool closeAfter = !exchange->keepAlive() || (streamed && exchange->http10());
        writeHead(*exchange, *response, closeAfter, streamed);
        m_writing = true;
        m_closeAfterWrite = closeAfter;
        if (!streamed) {
            continueBody();
            continue;
        }
        m_streaming = true;
        m_streamChunked = !exchange->http10();
        m_streamNext = std::move(stream->next);
        m_streamTimer.start(stream->intervalMs);
        streamTick();
    }
}

void HttpConnection::writeHead(const HttpExchange &exchange, HttpResponse &response, bool closeAfter, bool streamed)
{
    const bool head = exchange.request().isHead();
    const bool noBody = statusHasNoBody(response.status);
    QByteArray out;
    out.reserve(256 + response.headers.size() * 48);
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    QByteArray explicitLength;
    for (const auto &h : std::as_const(response.headers)) {
        if (h.first.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            explicitLength = h.second; // HEAD of an original: size known without a body
            continue;
        }
        if (h.first.compare("Connection", Qt::CaseInsensitive) == 0
            || h.first.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0)
            continue;
        out += h.first + ": " + h.second + "\r\n";
    }
    if (!hasHeader(response.headers, "Date"))
        out += "Date: " + httpDate(QDateTime::currentDateTimeUtc()) + "\r\n";
    if (streamed) {
        if (!exchange.http10())
            out += "Transfer-Encoding: chunked\r\n";
    } else if (!noBody) {
        const qint64 bodySize = response.stream ? response.stream->length : response.body.size();
        const QByteArray length = (head && !explicitLength.isEmpty()) ? explicitLength : QByteArray::number(bodySize);
        out += "Content-Length: " + length + "\r\n";
    }
    if (closeAfter)
        out += "Connection: close\r\n";
    else if (exchange.http10())
        out += "Connection: keep-alive\r\n"; // HTTP/1.0 clients (ab -k) need it to reuse the connection
    out += "\r\n";
    m_socket->write(out);
    m_body = (head || noBody || streamed) ? QByteArray() : std::move(response.body);
    m_bodyOffset = 0;
    m_fileBody.reset();
    if (response.stream && !head && !noBody && !streamed && response.stream->length > 0) {
        m_fileBody = std::move(response.stream);
        if (!m_fileBody->device->seek(m_fileBody->offset))
            m_fileBody->length = -1; // continueBody() aborts: the head promised bytes we cannot read
    }
}

// Writes the body in bounded pieces: at most ~2 chunks sit in the socket buffer,
// so a large body is never copied whole into Qt's write buffer.
void HttpConnection::continueBody()
{
    if (m_fileBody)
        return continueFileBody();
    while (m_bodyOffset < m_body.size() && m_socket->bytesToWrite() < kWriteChunk) {
        const qint64 n = std::min<qint64>(kWriteChunk, m_body.size() - m_bodyOffset);
        const qint64 written = m_socket->write(m_body.constData() + m_bodyOffset, n);
        if (written <= 0)
            return; // socket error: disconnected() cleans up
        m_bodyOffset += written;
    }
    if (m_bodyOffset >= m_body.size())
        finishCurrent();
}

// A large body from storage: one pooled 256 KiB buffer per connection, refilled
// only when the socket has drained below a chunk (back-pressure), so memory per
// download stays ~2 chunks whatever the object size.
void HttpConnection::continueFileBody()
{
    if (m_chunkBuffer.size() != kWriteChunk)
        m_chunkBuffer.resize(kWriteChunk);
    while (m_fileBody->length > 0 && m_socket->bytesToWrite() < kWriteChunk) {
        const qint64 n = m_fileBody->device->read(m_chunkBuffer.data(), std::min(kWriteChunk, m_fileBody->length));
        if (n <= 0)
            break;
        if (m_socket->write(m_chunkBuffer.constData(), n) != n)
            return; // socket error: disconnected() cleans up
        m_fileBody->length -= n;
    }
    if (m_fileBody->length == 0) {
        m_fileBody.reset();
        finishCurrent();
    } else if (m_fileBody->length < 0 || m_fileBody->device->atEnd()) {
        // The file shrank or failed under us: the status line is gone, so the
        // only honest signal left is to cut the connection.
        m_fileBody.reset();
        m_socket->abort();
    }
}

void HttpConnection::onBytesWritten()
{
    if (m_writing && !m_streaming)
        continueBody();
}

void HttpConnection::streamTick()
{
    if (!m_streaming)
        return;
    if (m_socket->bytesToWrite() > kStreamBacklog)
        return; // the client is behind: ask the producer again on a later tick
    std::optional<QByteArray> chunk;
    try {
        chunk = m_streamNext();
    } catch (const std::exception &e) {
        qCWarning(lcHttp) << "stream producer threw:" << e.what();
    } catch (...) {
        qCWarning(lcHttp) << "stream producer threw an unknown exception";
    }
    if (!chunk) {
        endStream();
        return;
    }
    if (chunk->isEmpty())
        return; // an empty chunk would be the terminal one
    if (m_streamChunked)
        m_socket->write(QByteArray::number(chunk->size(), 16) + "\r\n" + *chunk + "\r\n");
    else
        m_socket->write(*chunk);
}

void HttpConnection::endStream()
{
    if (!m_streaming)
        return;
    m_streaming = false;
    m_streamTimer.stop();
    m_streamNext = nullptr; // releases what the producer holds, on this thread
    if (m_streamChunked)
        m_socket->write("0\r\n\r\n");
    finishCurrent();
    // A stop aborts connections right after ending their streams: hand the
    // terminal chunk to the kernel now. (flush() may emit bytesWritten
    // synchronously, so only once this response is no longer current.)
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->flush();
}

void HttpConnection::finishCurrent()
{
    HttpExchangePtr exchange = m_pending.front();
    m_pending.pop_front();
    exchange->finish();
    m_core->counters()->responsesWritten++;
    m_core->counters()->exchangesInFlight--;
    m_writing = false;
    m_body = QByteArray();
    m_bodyOffset = 0;
    if (m_closeAfterWrite) {
        m_rejected = true; // ignore anything the client still sends
        m_socket->disconnectFromHost();
        return;
    }
    if (m_pending.empty())
        armTimer(m_core->limits().idleTimeoutMs);
    flushReady();
}

void HttpConnection::onDisconnected()
{
    m_timer.stop();
    for (const HttpExchangePtr &exchange : m_pending)
        exchange->cancelToken().cancel(); // workers stop; the destructor drops the exchanges
    m_socket->deleteLater();
}

void HttpConnection::onTimeout()
{
    if (!m_pending.empty())
        return; // a response is being produced: its own deadline applies
    if ((m_inBody || !m_headerBuffer.isEmpty()) && !m_rejected)
        reject(408, "request not received in time");
    else
        closeNow();
}

void HttpConnection::closeNow()
{
    m_rejected = true;
    m_socket->disconnectFromHost();
}

bool HttpConnection::reserveBody(qint64 bytes)
{
    // The request whose header came last owns the bytes now arriving.
    if (bytes <= 0 || m_metas.empty() || m_core->bodyBudget().reserve(*m_metas.back().body, bytes))
        return true;
    reject(503, "server busy: too many request bodies in flight, retry");
    return false;
}

void HttpConnection::reject(int status, const QByteArray &why)
{
    m_core->counters()->rejectedByGuard++;
    m_rejected = true;
    m_timer.stop();
    m_socket->readAll();
    const QByteArray body = why + '\n';
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (status == 503)
        out += "Retry-After: 1\r\n"; // as every 503 of ours (peer R4)
    out += "Content-Type: text/plain\r\nContent-Length: " + QByteArray::number(body.size())
           + "\r\nConnection: close\r\nDate: " + httpDate(QDateTime::currentDateTimeUtc()) + "\r\n\r\n" + body;
    m_socket->write(out);
    m_socket->disconnectFromHost();
}

} // namespace mort
