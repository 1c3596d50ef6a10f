#pragma once
// Requests on the internal listener (internalListen): /health and /metrics
// (open, as Mort: Prometheus scrapes without auth) and the admin API under
// /api/v1/ (service/adminapi.h, token-protected). Never reachable from the
// public listeners (peer-differences S9, C16).
#include "http/httpexchange.h"

#include <functional>
#include <memory>

namespace mort {

class AdminApi;
class AdminBackend;

class InternalApi
{
public:
    // `backend` must outlive the HTTP server; `metrics` renders /metrics in the
    // Prometheus text format 0.0.4 (Engine::renderMetrics).
    InternalApi(AdminBackend *backend, std::function<QByteArray()> metrics);
    ~InternalApi();
    void handle(const HttpExchangePtr &exchange);

private:
    std::function<QByteArray()> m_metrics;
    std::unique_ptr<AdminApi> m_admin;
};

} // namespace mort
