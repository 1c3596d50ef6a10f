#pragma once
// The composition root (DESIGN §1): the only place that wires modules
// together. mort-server and mort-studio both run exactly this.
#include "config/config.h"
#include "core/backgroundqueue.h"
#include "core/taskregistry.h"
#include "monitoring/metricsregistry.h"
#include "monitoring/mortmetrics.h"
#include "service/enginestats.h"

#include <QDateTime>

#include <memory>

namespace mort {

class HttpServer;
class InternalApi;
class ObjectHandler;
class RequestCollapser;
class ResponseCache;
class StorageClientCache;

class Engine
{
public:
    explicit Engine(ConfigPtr config);
    ~Engine(); // stop()
    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    // Binds `listens` and `internalListen`. On failure nothing stays bound.
    Expected<void> start();
    // Graceful: stop accepting, let in-flight requests finish (limits.shutdownGraceMs
    // when graceMs < 0), close connections, remove unix socket files.
    void stop(int graceMs = -1);
    bool isRunning() const;

    ConfigPtr config() const;
    EngineStats stats() const;
    TaskRegistry &tasks() { return m_tasks; }
    // Prometheus text of every metric (Mort's names, process_*, ours).
    QByteArray renderMetrics() const;
    MortMetrics &metrics() { return m_mortMetrics; }
    ResponseCache &responseCache() { return *m_cache; }
    // Waits until background work (result stores) is done; for tests and shutdown.
    void waitForBackground(int timeoutMs = -1);

private:
    ConfigPtr m_config;
    TaskRegistry m_tasks;
    MetricsRegistry m_metricsRegistry;
    MortMetrics m_mortMetrics{m_metricsRegistry, m_tasks};
    int m_statsCollector = 0;
    std::unique_ptr<StorageClientCache> m_storages;
    std::unique_ptr<BackgroundQueue> m_background;
    std::unique_ptr<ResponseCache> m_cache;
    std::unique_ptr<RequestCollapser> m_collapser;
    std::unique_ptr<ObjectHandler> m_handler;
    std::unique_ptr<InternalApi> m_internalApi;
    std::unique_ptr<HttpServer> m_http;
    QDateTime m_startedAt;
};

} // namespace mort
