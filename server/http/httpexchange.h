#pragma once
// One request and its (future) response. The handler gets a shared pointer
// and may answer from any thread with respond(); the answer is marshalled to
// the HTTP thread and written only if the client is still there (DESIGN §4:
// the "responder pattern" -- never touch the socket from a worker).
#include "core/cancellation.h"
#include "core/taskregistry.h"
#include "http/bodybudget.h"
#include "http/httpmessage.h"

#include <QMutex>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace mort {

class HttpConnection;

// Shared between a connection and its exchanges; the connection clears it when
// it dies, so a late respond() from a worker becomes a counted no-op.
struct ConnectionLink
{
    QMutex mutex;
    HttpConnection *connection = nullptr;
};

class HttpExchange
{
public:
    HttpExchange(HttpRequest request, std::shared_ptr<ConnectionLink> link, TaskScope task, bool keepAlive,
                 bool http10 = false);

    const HttpRequest &request() const { return m_request; }
    // The request body's share of limits.maxBufferedBodyBytes, held as long
    // as this exchange (and so the body) lives.
    void holdBody(std::shared_ptr<BodyBudget::Reservation> reservation) { m_bodyHold = std::move(reservation); }
    // Cancelled when the client disconnects; carries the request deadline once set.
    const CancelToken &cancelToken() const { return m_cancel; }
    void setCancelToken(CancelToken token) { m_cancel = std::move(token); }

    // Thread-safe; the first call wins, later calls are ignored.
    void respond(HttpResponse response);
    bool hasResponded() const { return m_responded.load(std::memory_order_acquire); }

    // A streamed response (Server-Sent Events): `head` (status and headers; its
    // body is ignored) is written with Transfer-Encoding: chunked (HTTP/1.0:
    // raw bytes, then the connection closes), then the transport calls `next`
    // on the HTTP thread right away and every `intervalMs`. `next` returns the
    // bytes to send (empty: nothing this time) or std::nullopt to end the
    // stream. Pull rather than push so that the producer's lifetime is the
    // connection's: it is destroyed when the client leaves, when the server
    // stops (which ends every stream) or after it returned std::nullopt, and
    // never runs concurrently with the engine's shutdown. `next` must be cheap
    // (it runs on the HTTP thread, like HttpHandler::handle) and is not called
    // while the client is more than HttpConnection::kStreamBacklog bytes
    // behind, so a slow reader costs no memory and loses no data.
    // Thread-safe; shares the "first call wins" rule with respond().
    using StreamProducer = std::function<std::optional<QByteArray>()>;
    void respondStream(HttpResponse head, int intervalMs, StreamProducer next);

    // --- used by HttpConnection on the HTTP thread ---
    struct Stream
    {
        int intervalMs = 1000;
        StreamProducer next;
    };
    std::optional<HttpResponse> takeResponse();
    std::optional<Stream> takeStream(); // set by respondStream(); taken together with the head
    bool keepAlive() const { return m_keepAlive; }
    bool http10() const { return m_http10; }
    void finish() { m_task.release(); }

private:
    std::shared_ptr<BodyBudget::Reservation> m_bodyHold;
    void deliver(HttpResponse response, std::optional<Stream> stream);

    HttpRequest m_request;
    CancelToken m_cancel;
    std::shared_ptr<ConnectionLink> m_link;
    TaskScope m_task;
    bool m_keepAlive;
    bool m_http10;
    std::atomic<bool> m_responded{false};
    QMutex m_mutex;
    std::optional<HttpResponse> m_response;
    std::optional<Stream> m_stream;
};

using HttpExchangePtr = std::shared_ptr<HttpExchange>;

// A request the transport answered itself (malformed framing, too large, too
// slow, no room for its body): no HttpRequest was made of it.
struct HttpRejection
{
    int status = 400;
    QByteArray reason; // what was wrong, as the response body says it
    QHostAddress peer; // null for a unix-socket client
    bool internalListener = false;
};

struct RequestHead;

// What the handler wants done with a request's body, asked once its head is
// parsed and before `100 Continue` is sent or any body byte is read.
struct BodyAdmission
{
    // Set: answered at once without reading the body; the connection then closes.
    std::optional<HttpResponse> refuse;
    // The body goes to a temporary file as it arrives (HttpRequest::bodyFile)
    // instead of memory: it is not counted in limits.maxBufferedBodyBytes.
    bool spool = false;
    qint64 maxBodyBytes = -1; // -1: the transport's limits.maxBodyBytes (413 above it); never raises it
};

class HttpHandler
{
public:
    virtual ~HttpHandler() = default;
    // HTTP thread, cheap (headers only). The default: in memory, transport limits.
    virtual BodyAdmission admitBody(const RequestHead &, bool /*internalListener*/) { return {}; }
    // Called on the HTTP thread: must not block. Hand work to a pool and answer
    // through exchange->respond() from there.
    virtual void handle(const HttpExchangePtr &exchange) = 0;
    // The transport refused a request before handle() (HTTP thread, cheap):
    // so that every answered request can be accounted for.
    virtual void rejected(const HttpRejection &) {}
};

} // namespace mort
