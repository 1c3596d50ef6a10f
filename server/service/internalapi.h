#pragma once
// Requests on the internal listener (internalListen): /health and /metrics.
// Never reachable from the public listeners (peer-differences S9, C16).
#include "http/httpexchange.h"
#include "service/enginestats.h"

#include <functional>

namespace mort {

class InternalApi
{
public:
    explicit InternalApi(std::function<EngineStats()> stats);
    void handle(const HttpExchangePtr &exchange);

    // Prometheus text exposition format 0.0.4.
    static QByteArray renderMetrics(const EngineStats &stats);

private:
    std::function<EngineStats()> m_stats;
};

} // namespace mort
