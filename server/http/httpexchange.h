#pragma once
// One request and its (future) response. The handler gets a shared pointer
// and may answer from any thread with respond(); the answer is marshalled to
// the HTTP thread and written only if the client is still there (DESIGN §4:
// the "responder pattern" -- never touch the socket from a worker).
#include "core/cancellation.h"
#include "core/taskregistry.h"
#include "http/httpmessage.h"

#include <QMutex>

#include <atomic>
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
    // Cancelled when the client disconnects; carries the request deadline once set.
    const CancelToken &cancelToken() const { return m_cancel; }
    void setCancelToken(CancelToken token) { m_cancel = std::move(token); }

    // Thread-safe; the first call wins, later calls are ignored.
    void respond(HttpResponse response);
    bool hasResponded() const { return m_responded.load(std::memory_order_acquire); }

    // --- used by HttpConnection on the HTTP thread ---
    std::optional<HttpResponse> takeResponse();
    bool keepAlive() const { return m_keepAlive; }
    bool http10() const { return m_http10; }
    void finish() { m_task.release(); }

private:
    HttpRequest m_request;
    CancelToken m_cancel;
    std::shared_ptr<ConnectionLink> m_link;
    TaskScope m_task;
    bool m_keepAlive;
    bool m_http10;
    std::atomic<bool> m_responded{false};
    QMutex m_mutex;
    std::optional<HttpResponse> m_response;
};

using HttpExchangePtr = std::shared_ptr<HttpExchange>;

class HttpHandler
{
public:
    virtual ~HttpHandler() = default;
    // Called on the HTTP thread: must not block. Hand work to a pool and answer
    // through exchange->respond() from there.
    virtual void handle(const HttpExchangePtr &exchange) = 0;
};

} // namespace mort
