#include "service/internalapi.h"

#include "http/errorresponse.h"
#include "service/adminapi.h"

namespace mort {

InternalApi::InternalApi(AdminBackend *backend, std::function<QByteArray()> metrics)
    : m_metrics(std::move(metrics)), m_admin(std::make_unique<AdminApi>(backend))
{
}

InternalApi::~InternalApi() = default;

void InternalApi::handle(const HttpExchangePtr &exchange)
{
    const HttpRequest &request = exchange->request();
    if (AdminApi::handles(request.path)) {
        m_admin->handle(exchange);
        return;
    }
    if (request.method != "GET" && request.method != "HEAD") {
        exchange->respond(
            errorResponse(Error::client("http.method_not_allowed", 405, QStringLiteral("method not allowed"))));
        return;
    }
    if (request.path == QLatin1String("/health")) {
        exchange->respond(HttpResponse(200, "ok\n", "text/plain; charset=utf-8"));
        return;
    }
    if (request.path == QLatin1String("/metrics")) {
        const QByteArray text = m_metrics();
        exchange->respond(HttpResponse(200, text, "text/plain; version=0.0.4; charset=utf-8"));
        return;
    }
    exchange->respond(errorResponse(Error::notFound(QStringLiteral("no such internal endpoint"))));
}

} // namespace mort
