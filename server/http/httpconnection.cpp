#include "http/httpconnection.h"

#include "core/threadhandoff.h"
#include "http/httpservercore.h"

#include <QDateTime>
#include <QIODevice>
#include <QLoggingCategory>
#include <QDir>
#include <QTcpSocket>
#include <QTemporaryFile>

#include <limits>

#include <sys/socket.h>

Q_LOGGING_CATEGORY(lcHttp, "mort.http")

namespace mort {

namespace {

bool statusHasNoBody(int status)
{
    return status < 200 || status == 204 || status == 304;
}

RequestParser::Limits parserLimits(const HttpLimits &limits)
{
    RequestParser::Limits out;
    out.maxHeaderBytes = limits.maxHeaderBytes;
    out.maxBodyBytes = limits.maxBodyBytes;
    return out;
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, HttpServerCore *core, bool internalListener)
    : QObject(socket), m_socket(socket), m_core(core), m_internal(internalListener),
      m_link(std::make_shared<ConnectionLink>()), m_parser(parserLimits(core->limits()))
{
    m_link->connection = this;
    m_parser.setBodyRouter([this](const RequestHead &head) { return routeBody(head); });
    socket->setReadBufferSize(kReadChunk);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::processInput);
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
        m_core->counters()->exchangesInFlight.ended();
    }
    m_core->counters()->connectionsOpen--;
}

void HttpConnection::armTimer(int ms)
{
    if (ms > 0)
        m_timer.start(ms);
}

void HttpConnection::processInput()
{
    if (m_rejected || m_lastRequestRead) {
        m_socket->readAll(); // discard: no further request will be answered
        return;
    }
    const HttpLimits &limits = m_core->limits();
    while (m_pending.size() < kMaxPipelined) {
        const RequestParser::Event event = m_parser.next();
        // Chunked bodies announce no length: their bytes are reserved as they come.
        const qint64 freshBodyBytes = m_parser.takeNewBodyBytes();
        if (m_parser.head().chunked && freshBodyBytes > 0 && !reserveBody(freshBodyBytes))
            return;
        switch (event) {
        case RequestParser::Event::NeedMore: {
            const QByteArray bytes = m_socket->read(kReadChunk);
            if (bytes.isEmpty())
                return;
            if (m_parser.idle())
                armTimer(limits.headerTimeoutMs); // a request begins: its head must arrive in time
            m_parser.append(bytes);
            break;
        }
        case RequestParser::Event::HeadReady:
            if (!onHead())
                return;
            break;
        case RequestParser::Event::MessageComplete:
            dispatchRequest();
            if (m_lastRequestRead) {
                m_socket->readAll();
                return;
            }
            break;
        case RequestParser::Event::Failed: reject(m_parser.errorStatus(), m_parser.errorReason()); return;
        }
    }
}

bool HttpConnection::onHead()
{
    const RequestHead &head = m_parser.head();
    if (m_admission.refuse) {
        refuse(std::move(*std::exchange(m_admission.refuse, std::nullopt)));
        return false;
    }
    // The body's bytes are reserved before the client is told to send them
    // (a body spooled to disk holds no memory).
    m_bodyReservation = m_spool ? nullptr : std::make_shared<BodyBudget::Reservation>();
    if (m_bodyReservation && !reserveBody(head.contentLength))
        return false;
    if (head.expectContinue)
        sendContinue();
    if (m_parser.receivingBody())
        armTimer(m_core->limits().idleTimeoutMs); // the body must keep coming
    else
        m_timer.stop();
    return true;
}

void HttpConnection::sendContinue()
{
    if (m_pending.empty())
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    else
        m_continueOwed = true;
}

void HttpConnection::dispatchRequest()
{
    HttpCounters *counters = m_core->counters();
    counters->requestsReceived++;
    const RequestHead &head = m_parser.head();
    if (m_parser.idle())
        m_timer.stop();
    else
        armTimer(m_core->limits().headerTimeoutMs); // part of the next request is here already

    HttpRequest request;
    request.method = head.method;
    // Mort splits the decoded path. Decoded here, never by a URL parser: a
    // target such as "//host/x" is a path, not an authority.
    request.path = QString::fromUtf8(QByteArray::fromPercentEncoding(head.path));
    request.rawQuery = head.rawQuery;
    request.headers = head.headers;
    request.body = m_parser.takeBody();
    if (m_spool) {
        auto *file = static_cast<QTemporaryFile *>(m_spool.get());
        if (!file->flush() || !file->seek(0)) {
            m_spool.reset();
            reject(500, "request body could not be stored");
            return;
        }
        file->moveToThread(nullptr); // read on the I/O pool from now on
        request.bodyFileSize = file->size();
        request.bodyFile = std::move(m_spool);
    }
    request.remoteAddress = m_socket->peerAddress();
    request.internalListener = m_internal;
    request.id = m_core->nextRequestId();
    request.received = std::chrono::steady_clock::now();
    m_lastRequestRead = !head.keepAlive;

    const TaskKind kind = m_internal ? TaskKind::Admin : TaskKind::Request; // admin calls are not requests
    auto exchange = std::make_shared<HttpExchange>(std::move(request), m_link, TaskScope(m_core->tasks(), kind),
                                                   head.keepAlive, head.http10);
    exchange->holdBody(std::exchange(m_bodyReservation, nullptr));
    m_pending.push_back(exchange);
    counters->exchangesInFlight.started();
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
        const bool streamed =
            stream && stream->next && !exchange->request().isHead() && !statusHasNoBody(response->status);
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
        out += "Date: " + httpDateNow() + "\r\n";
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
        QIODevice *device = m_fileBody->device.get();
        const bool positioned =
            device->isSequential() ? device->pos() == m_fileBody->offset : device->seek(m_fileBody->offset);
        if (!positioned)
            m_fileBody->length = -1; // continueBody() aborts: the head promised bytes we cannot read
        // A body still downloading (storage/spooledbody.h) says when more bytes
        // are in; files never emit it.
        connect(device, &QIODevice::readyRead, this, &HttpConnection::onFileBodyReadable, Qt::QueuedConnection);
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
        // The file shrank or its download failed under us: the status line is
        // gone, so the only honest signal left is to end the connection short
        // of Content-Length. Gracefully: what was sent still reaches the client
        // (a reset could make its kernel drop the head it has not read yet).
        m_fileBody.reset();
        m_writing = false; // nothing more of this answer; its exchange is dropped with the connection
        closeAfterWriting();
    }
}

void HttpConnection::onFileBodyReadable()
{
    if (m_writing && m_fileBody)
        continueFileBody();
}

void HttpConnection::onBytesWritten()
{
    if (m_lingering && m_socket->bytesToWrite() == 0) {
        shutdownWrites();
        return;
    }
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
    m_core->counters()->exchangesInFlight.ended();
    m_writing = false;
    m_body = QByteArray();
    m_bodyOffset = 0;
    if (m_closeAfterWrite) {
        closeAfterWriting();
        return;
    }
    if (m_pending.empty()) {
        if (!m_deferredRejection.isEmpty()) {
            m_socket->write(std::exchange(m_deferredRejection, QByteArray()));
            closeAfterWriting();
            return;
        }
        if (m_continueOwed) {
            m_continueOwed = false;
            sendContinue(); // its turn now: every earlier response is out
        }
        armTimer(m_parser.idle() ? m_core->limits().idleTimeoutMs : m_core->limits().headerTimeoutMs);
    }
    flushReady();
    // Reading pauses while kMaxPipelined answers are owed; one fewer now.
    if (!m_rejected && !m_lastRequestRead && (m_parser.bufferedBytes() > 0 || m_socket->bytesAvailable() > 0))
        QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
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
    if (!m_parser.idle() && !m_rejected)
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
    // The request being received owns the bytes now arriving.
    if (bytes <= 0 || !m_bodyReservation || m_core->bodyBudget().reserve(*m_bodyReservation, bytes))
        return true;
    reject(503, "server busy: too many request bodies in flight, retry");
    return false;
}

BodyRoute HttpConnection::routeBody(const RequestHead &head)
{
    m_spool.reset();
    m_admission = m_core->handler()->admitBody(head, m_internal);
    BodyRoute route;
    if (m_admission.refuse) {
        route.maxBodyBytes = std::numeric_limits<qint64>::max(); // answered at the head: nothing is read
        return route;
    }
    route.maxBodyBytes = m_admission.maxBodyBytes;
    if (m_admission.spool && (head.chunked || head.contentLength > 0)) {
        auto file = std::make_shared<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/mort-body-XXXXXX"));
        if (!file->open()) {
            qCWarning(lcHttp) << "cannot create a temporary file for a request body:" << file->errorString();
            HttpResponse busy(503, QByteArrayLiteral("cannot receive request bodies now, retry\n"), "text/plain");
            busy.setHeader("Retry-After", "1");
            m_admission.refuse = std::move(busy);
            route.maxBodyBytes = std::numeric_limits<qint64>::max();
            return route;
        }
        route.sink = [raw = file.get()](QByteArrayView bytes) {
            return raw->write(bytes.data(), bytes.size()) == bytes.size();
        };
        m_spool = std::move(file);
    }
    return route;
}

void HttpConnection::refuse(HttpResponse response)
{
    m_core->counters()->rejectedByGuard++;
    QByteArray why = response.header("X-Mort-Error");
    m_core->handler()->rejected(
        {response.status, why.isEmpty() ? reasonPhrase(response.status) : why, m_socket->peerAddress(), m_internal});
    m_rejected = true;
    m_continueOwed = false;
    m_bodyReservation.reset();
    m_spool.reset();
    m_timer.stop();
    m_socket->readAll();
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &h : std::as_const(response.headers)) {
        if (h.first.compare("Content-Length", Qt::CaseInsensitive) == 0
            || h.first.compare("Connection", Qt::CaseInsensitive) == 0
            || h.first.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0)
            continue;
        out += h.first + ": " + h.second + "\r\n";
    }
    if (!hasHeader(response.headers, "Date"))
        out += "Date: " + httpDateNow() + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\nConnection: close\r\n\r\n";
    out += response.body;
    writeClosingAnswer(out);
}

void HttpConnection::writeClosingAnswer(const QByteArray &out)
{
    if (!m_pending.empty()) {
        m_deferredRejection = out; // responses owed to earlier requests go first
        return;
    }
    m_socket->write(out);
    closeAfterWriting();
}

void HttpConnection::reject(int status, const QByteArray &why)
{
    m_core->counters()->rejectedByGuard++;
    m_core->handler()->rejected({status, why, m_socket->peerAddress(), m_internal});
    m_rejected = true;
    m_continueOwed = false;
    m_bodyReservation.reset();
    m_spool.reset();
    m_timer.stop();
    m_socket->readAll();
    const QByteArray body = why + '\n';
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (status == 503)
        out += "Retry-After: 1\r\n"; // as every 503 of ours (peer R4)
    out += "Content-Type: text/plain\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\nDate: " + httpDateNow() + "\r\n\r\n" + body;
    writeClosingAnswer(out);
}

void HttpConnection::closeAfterWriting()
{
    m_rejected = true; // read nothing more: what still arrives is discarded
    m_lingering = true;
    m_timer.stop();
    if (m_socket->bytesToWrite() == 0)
        shutdownWrites(); // else once the answer has left (onBytesWritten)
}

void HttpConnection::shutdownWrites()
{
    m_lingering = false;
    const qintptr fd = m_socket->socketDescriptor();
    if (fd < 0 || ::shutdown(int(fd), SHUT_WR) != 0) {
        m_socket->disconnectFromHost();
        return;
    }
    // The client sees the end of our answer and closes; if it keeps sending
    // instead, it gets kLingerMs to read what we said, then the connection goes.
    QTimer::singleShot(kLingerMs, this, [this] { m_socket->abort(); });
}

} // namespace mort
