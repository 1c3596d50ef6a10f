#include "service/engine.h"

#include "cache/responsecache.h"
#include "http/httpserver.h"
#include "lock/requestcollapser.h"
#include "imaging/imageprocessor.h"
#include "monitoring/processstats.h"
#include "monitoring/prometheustext.h"
#include "service/internalapi.h"
#include "service/objecthandler.h"
#include "storage/storageclientcache.h"

#include <QLoggingCategory>
#include <QThread>

#include <vips/vips.h>

Q_LOGGING_CATEGORY(lcEngine, "mort.engine")

namespace mort {

namespace {
constexpr int kStorageClientCapacity = 64;
constexpr int kBackgroundQueueCapacity = 256; // result stores queued or running
constexpr int kBackgroundThreads = 2;

HttpLimits httpLimits(const LimitsConfig &l)
{
    HttpLimits h;
    h.maxHeaderBytes = l.maxHeaderBytes;
    h.maxBodyBytes = l.maxBodyBytes;
    h.headerTimeoutMs = l.headerTimeoutMs;
    h.idleTimeoutMs = l.idleTimeoutMs;
    return h;
}
} // namespace

Engine::Engine(ConfigPtr config)
    : m_config(std::move(config)),
      m_storages(std::make_unique<StorageClientCache>(kStorageClientCapacity)),
      m_background(std::make_unique<BackgroundQueue>(kBackgroundQueueCapacity, kBackgroundThreads, &m_tasks))
{
    const ServerConfig &server = m_config->server;
    if (server.cache.type != QLatin1String("memory"))
        qCWarning(lcEngine) << "cache type" << server.cache.type << "is not supported yet; using the memory cache";
    if (server.lock.type != QLatin1String("memory"))
        qCWarning(lcEngine) << "lock type" << server.lock.type << "is not supported yet; collapsing in memory";
    m_cache = std::make_unique<ResponseCache>(server.cache);
    m_collapser = std::make_unique<RequestCollapser>(CollapserOptions::fromConfig(server), &m_tasks);
    PipelineServices services;
    services.tasks = &m_tasks;
    services.storages = m_storages.get();
    services.background = m_background.get();
    services.cache = m_cache.get();
    services.collapser = m_collapser.get();
    services.metrics = &m_mortMetrics;
    services.transformThreads = QThread::idealThreadCount();
    m_handler = std::make_unique<ObjectHandler>(m_config, services);
    // Engine-level gauges and counters, read on each scrape.
    m_statsCollector = m_metricsRegistry.addCollector([this](MetricsSnapshotWriter &w) {
        const EngineStats s = stats();
        w.counter("mort_requests_total", "HTTP requests received.", double(s.http.requestsReceived));
        w.counter("mort_responses_dropped_total", "Responses dropped because the client had left.",
                  double(s.http.responsesDropped));
        w.gauge("mort_connections_open", "Open client connections.", double(s.http.connectionsOpen));
        w.counter("mort_requests_rejected_total", "Requests refused by the HTTP guard (400/408/413/417/431).",
                  double(s.http.rejectedByGuard));
        w.gauge("mort_transforms_in_flight", "Transforms queued or running.", double(s.transformsInFlight));
        w.gauge("mort_background_queue_depth", "Background jobs queued or running.", double(s.backgroundPending));
        w.counter("mort_background_dropped_total", "Background jobs dropped because the queue was full.",
                  double(s.backgroundDropped));
        w.counter("mort_task_exceptions_total", "Exceptions caught at a task boundary.", double(s.taskExceptions));
        w.gauge("mort_storage_clients", "Storage clients held by the client cache.", double(s.storageClients));
        w.gauge("mort_vips_memory_bytes", "Memory tracked by libvips.", double(s.imagingMemoryBytes));
        const ResponseCacheStats cache = m_cache->stats();
        w.gauge("mort_cache_bytes", "Bytes held by the response cache.", double(cache.bytes));
        w.gauge("mort_cache_items", "Entries in the response cache.", double(cache.items));
        w.gauge("mort_cache_capacity_bytes", "Configured response cache size (cacheSize).", double(cache.capacity));
        w.counter("mort_cache_evictions_total", "Response cache entries evicted to stay within cacheSize.",
                  double(cache.evictions));
        w.gauge("mort_collapse_waiters", "Requests waiting for an identical transform.",
                double(m_collapser->stats().liveWaiters));
    });
    m_internalApi = std::make_unique<InternalApi>([this] { return stats(); });
    m_handler->setInternalApi(m_internalApi.get());
}

Engine::~Engine()
{
    stop();
    m_metricsRegistry.removeCollector(m_statsCollector);
}

QByteArray Engine::renderMetrics() const
{
    return renderPrometheusText(m_metricsRegistry);
}

Expected<void> Engine::start()
{
    if (m_http)
        return {};
    if (Expected<void> vips = initImaging("mort"); !vips)
        return vips;
    QList<ListenAddress> addresses;
    for (const QString &text : m_config->server.listens) {
        auto a = ListenAddress::parse(text, false);
        if (!a)
            return a.takeError();
        addresses.append(*a);
    }
    if (!m_config->server.internalListen.isEmpty()) {
        auto a = ListenAddress::parse(m_config->server.internalListen, true);
        if (!a)
            return a.takeError();
        addresses.append(*a);
    }
    auto http = std::make_unique<HttpServer>(httpLimits(m_config->server.limits), m_handler.get(), &m_tasks);
    if (Expected<void> bound = http->listen(addresses); !bound)
        return bound;
    m_http = std::move(http);
    m_startedAt = QDateTime::currentDateTimeUtc();
    return {};
}

void Engine::stop(int graceMs)
{
    if (!m_http)
        return;
    m_http->stop(graceMs < 0 ? m_config->server.limits.shutdownGraceMs : graceMs);
    m_http.reset();
    m_handler->waitForDone(-1);
    m_background->waitForIdle(-1);
    m_storages->clear();
}

bool Engine::isRunning() const
{
    return m_http != nullptr;
}

ConfigPtr Engine::config() const
{
    return m_config;
}

void Engine::waitForBackground(int timeoutMs)
{
    m_background->waitForIdle(timeoutMs);
}

EngineStats Engine::stats() const
{
    EngineStats s;
    s.running = m_http != nullptr;
    s.startedAt = m_startedAt;
    if (m_http) {
        s.publicAddresses = m_http->boundAddresses(false);
        s.internalAddresses = m_http->boundAddresses(true);
        s.http = m_http->stats();
    }
    s.tasks = m_tasks.snapshot();
    const PipelineCounters &c = m_handler->counters();
    s.transformsExecuted = c.transformsExecuted.load();
    s.transformsFailed = c.transformsFailed.load();
    s.throttled = c.throttled.load();
    s.collapsed = c.collapsed.load();
    s.cacheHits = c.cacheHits.load();
    s.downloads = c.downloads.load();
    s.resultsStored = c.resultsStored.load();
    s.storeFailures = c.storeFailures.load();
    s.taskExceptions = c.taskExceptions.load();
    s.transformsInFlight = c.transformsInFlight.load();
    s.backgroundPending = m_background->pending();
    s.backgroundDropped = m_background->dropped();
    s.storageClients = m_storages->size();
    s.residentBytes = readProcessStats().residentBytes;
    s.imagingMemoryBytes = static_cast<qint64>(vips_tracked_get_mem());
    return s;
}

} // namespace mort
