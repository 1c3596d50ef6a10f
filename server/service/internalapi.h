#pragma once
// Requests on the internal listener (internalListen): /health and /metrics
// (open, as Mort: Prometheus scrapes without auth) and the admin API under
// /api/v1/ (service/adminapi.h, token-protected). Never reachable from the
// public listeners (peer-differences S9, C16).
#include "http/httpexchange.h"
#include "service/enginestats.h"

#include <functional>
#include <memory>

namespace mort {

class AdminApi;
class AdminBackend;

class InternalApi
{
public:
    // /health and /metrics only: /api/v1/ answers 501 admin.not_available.
    explicit InternalApi(std::function<EngineStats()> stats);
    // Everything, the admin API included; `backend` must outlive the HTTP server.
    // `metrics` renders /metrics (e.g. Engine::renderMetrics); when empty,
    // renderMetrics(backend->stats()) does.
    explicit InternalApi(AdminBackend *backend, std::function<QByteArray()> metrics = {});
    ~InternalApi();
    void handle(const HttpExchangePtr &exchange);

    // Prometheus text exposition format 0.0.4.
    static QByteArray renderMetrics(const EngineStats &stats);

private:
    std::function<EngineStats()> m_stats;
    std::function<QByteArray()> m_metrics;
    std::unique_ptr<AdminApi> m_admin;
};

} // namespace mort
