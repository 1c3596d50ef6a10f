#include "service/engine.h"

#include "cache/rediscachebrowser.h"
#include "cache/responsecache.h"
#include "http/httpserver.h"
#include "lock/requestcollapser.h"
#include "imaging/imageprocessor.h"
#include "imaging/vipsthreadbudget.h"
#include "monitoring/logring.h"
#include "monitoring/processstats.h"
#include "monitoring/prometheustext.h"
#include "core/threadhandoff.h"
#include "service/adminsecurity.h"
#include "service/idlecleanup.h"
#include "service/internalapi.h"
#include "service/objecthandler.h"
#include "service/sharedbackends.h"
#include "service/staleresultspurge.h"
#include "storage/storageclientcache.h"

#include <algorithm>

#include <QFile>
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
    h.maxBufferedBodyBytes = l.maxBufferedBodyBytes;
    h.headerTimeoutMs = l.headerTimeoutMs;
    h.idleTimeoutMs = l.idleTimeoutMs;
    // MORT_HTTP_THREADS: a container's CPU quota is not what idealThreadCount() sees.
    bool ok = false;
    const int threads = qEnvironmentVariableIntValue("MORT_HTTP_THREADS", &ok);
    if (ok && threads > 0)
        h.threads = std::min(threads, 64);
    return h;
}
} // namespace

Engine::Engine(ConfigPtr config, QString configText)
    : m_config(std::move(config)), m_configText(std::move(configText)),
      m_storages(
          std::make_unique<StorageClientCache>(kStorageClientCapacity, StorageMetering{&m_mortMetrics, &m_tasks})),
      m_background(std::make_unique<BackgroundQueue>(kBackgroundQueueCapacity, kBackgroundThreads, &m_tasks))
{
    const ServerConfig &server = m_config->server;
    m_cache = std::make_unique<ResponseCache>(server.cache);
    m_collapser = std::make_unique<RequestCollapser>(CollapserOptions::fromConfig(server), &m_tasks);
    // Redis connects in the background; until it answers, requests use the local cache and collapser.
    m_shared = std::make_unique<SharedBackends>(server, &m_tasks);
    PipelineServices services;
    services.tasks = &m_tasks;
    services.storages = m_storages.get();
    services.background = m_background.get();
    services.glacier = m_glacier.get();
    services.cache = m_cache.get();
    services.collapser = m_collapser.get();
    services.sharedCache = m_shared->cache();
    services.distributedLock = m_shared->lock();
    services.metrics = &m_mortMetrics;
    services.transformThreads = VipsThreadBudget::transformWorkers();
    m_heavyLane = std::make_shared<HeavyLane>(VipsThreadBudget::heavyTransformSlots());
    services.heavyLane = m_heavyLane;
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
        w.gauge("mort_transforms_heavy_running", "Passes over limits.heavyTransformCost running now.",
                double(s.heavyRunning));
        w.counter("mort_transforms_heavy_refused_total",
                  "Passes over limits.heavyTransformCost refused because the heavy lane was full (503).",
                  double(s.heavyRefused));
        w.gauge("mort_background_queue_depth", "Background jobs queued or running.", double(s.backgroundPending));
        w.counter("mort_background_dropped_total", "Background jobs dropped because the queue was full.",
                  double(s.backgroundDropped));
        w.counter("mort_background_expired_total", "Background jobs dropped because they waited past their timeout.",
                  double(s.backgroundExpired));
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
        const SharedBackendStats &r = s.shared;
        if (!r.redisNodes.isEmpty()) {
            w.gauge("mort_redis_up", "1 when every Redis client in use has a node answering.",
                    r.redisReachable ? 1 : 0);
            w.gauge("mort_redis_rtt_seconds", "Average Redis command round trip.", double(r.redisRttAvgUs) / 1e6);
            w.counter("mort_redis_commands_total", "Commands sent to Redis.", double(r.redisCommands));
            w.counter("mort_redis_failures_total", "Redis commands without an answer (timeout, down, overloaded).",
                      double(r.redisFailures));
            w.counter("mort_redis_timeouts_total", "Redis commands past the command timeout.", double(r.redisTimeouts));
            w.counter("mort_redis_reconnects_total", "Redis connection attempts after a failure.",
                      double(r.redisReconnects));
            w.counter("mort_redis_degraded_total",
                      "Requests served without the shared cache or lock because Redis did not answer.",
                      double(r.degradedCache + r.degradedLock));
            w.counter("mort_redis_collapsed_results_total",
                      "Results received from another instance's leader instead of transforming here.",
                      double(r.lockResults));
        }
    });
    if (m_configText.isEmpty() && !m_config->sourcePath.isEmpty()) {
        QFile file(m_config->sourcePath);
        if (file.open(QIODevice::ReadOnly))
            m_configText = QString::fromUtf8(file.readAll());
    }
    m_purgePool.setMaxThreadCount(1);
    m_purgePool.setObjectName(QStringLiteral("mort-purge"));
    m_internalApi =
        std::make_unique<InternalApi>(static_cast<AdminBackend *>(this), [this] { return renderMetrics(); });
    m_handler->setInternalApi(m_internalApi.get());
}

Engine::~Engine()
{
    stop();
    stopPurge();
    m_metricsRegistry.removeCollector(m_statsCollector);
}

QByteArray Engine::renderMetrics() const
{
    return renderPrometheusText(m_metricsRegistry);
}

namespace {

// `listens` then `internalListen`, parsed.
Expected<QList<ListenAddress>> listenAddressesOf(const ServerConfig &server)
{
    QList<ListenAddress> addresses;
    for (const QString &text : server.listens) {
        auto a = ListenAddress::parse(text, false);
        if (!a)
            return a.takeError();
        addresses.append(*a);
    }
    if (!server.internalListen.isEmpty()) {
        auto a = ListenAddress::parse(server.internalListen, true);
        if (!a)
            return a.takeError();
        addresses.append(*a);
    }
    return addresses;
}

// `config` with `token` as server.adminToken when the config and the
// environment name none.
ConfigPtr withDefaultAdminToken(ConfigPtr config, const QByteArray &token)
{
    if (token.isEmpty() || !adminToken(config->server).isEmpty())
        return config;
    auto copy = std::make_shared<Config>(*config);
    copy->server.adminToken = QString::fromUtf8(token);
    return copy;
}

// Entries of `from` that `other` does not have.
QList<ListenAddress> listenersMissingFrom(const QList<ListenAddress> &from, const QList<ListenAddress> &other)
{
    QList<ListenAddress> missing;
    for (const ListenAddress &a : from) {
        if (std::none_of(other.cbegin(), other.cend(), [&a](const ListenAddress &b) { return a.sameListener(b); }))
            missing.append(a);
    }
    return missing;
}

} // namespace

Expected<void> Engine::start()
{
    QMutexLocker applying(&m_applyMutex);
    if (isRunning())
        return {};
    // The admin API must not be reachable off the host without a token.
    if (Expected<void> exposure = checkAdminExposure(m_config->server); !exposure)
        return exposure;
    if (Expected<void> vips = initImaging("mort"); !vips)
        return vips;
    Expected<QList<ListenAddress>> addresses = listenAddressesOf(m_config->server);
    if (!addresses)
        return addresses.takeError();
    // Fetched before listening: a placeholder that cannot be loaded stops the start (as Mort).
    if (!m_config->server.placeholder.isEmpty()) {
        Expected<PlaceholderPtr> placeholder = placeholderFor(m_config->server);
        if (!placeholder)
            return placeholder.takeError();
        m_placeholder = *placeholder;
        m_handler->setConfig(m_config, m_placeholder);
    }
    // Mort features accepted in the config but not built yet: said once, at start.
    for (const BucketConfig &bucket : m_config->buckets) {
        if (bucket.glacier.enabled)
            qCWarning(lcEngine).noquote() << QStringLiteral("buckets.%1.glacier is not supported yet: objects "
                                                            "in Glacier are answered as storage errors")
                                                 .arg(bucket.name);
    }
    // Published before it listens: the first request (an admin `stats`) may
    // read it from the HTTP thread at once.
    HttpServer *http = nullptr;
    {
        QMutexLocker lock(&m_httpMutex);
        m_http = std::make_unique<HttpServer>(httpLimits(m_config->server.limits), m_handler.get(), &m_tasks);
        m_startedAt = QDateTime::currentDateTimeUtc();
        http = m_http.get();
    }
    if (Expected<void> bound = http->listen(*addresses); !bound) {
        std::unique_ptr<HttpServer> failed;
        {
            QMutexLocker lock(&m_httpMutex);
            failed = std::move(m_http);
        }
        return bound; // `failed` stops its thread outside the lock
    }
    const IdleCleanupConfig &idle = m_config->server.idleCleanup;
    if (idle.enabled) {
        m_idleCleanup = std::make_unique<IdleCleanup>(
            qint64(idle.idleTimeoutMin) * 60'000, [this] { return m_mortMetrics.transformsStarted.value(); },
            [this] {
                dropImagingCaches(); // libvips caches + malloc_trim
                m_mortMetrics.vipsCleanup.inc();
                qCInfo(lcEngine) << "idle cleanup: released image caches and free heap pages";
            });
    }
    return {};
}

void Engine::stop(int graceMs)
{
    QMutexLocker applying(&m_applyMutex); // no hot reload half way through
    HttpServer *http = nullptr;
    {
        QMutexLocker lock(&m_httpMutex);
        http = m_http.get();
    }
    if (!http)
        return;
    m_idleCleanup.reset();
    // Not under m_httpMutex: the HTTP thread may be inside stats() meanwhile.
    http->stop(graceMs < 0 ? config()->server.limits.shutdownGraceMs : graceMs);
    std::unique_ptr<HttpServer> stopped;
    {
        QMutexLocker lock(&m_httpMutex);
        stopped = std::move(m_http);
    }
    stopped.reset();
    m_handler->waitForDone(-1);
    m_background->waitForIdle(-1);
    stopPurge(); // it uses the storage clients
    m_storages->clear();
}

bool Engine::isRunning() const
{
    QMutexLocker lock(&m_httpMutex);
    return m_http != nullptr;
}

void Engine::setDefaultAdminToken(const QByteArray &token)
{
    QMutexLocker applying(&m_applyMutex);
    m_defaultAdminToken = token;
    QMutexLocker lock(&m_configMutex);
    m_config = withDefaultAdminToken(m_config, token);
}

void Engine::setLogRing(LogRing *ring)
{
    m_logRing = ring;
    m_handler->setActivityLog(ring);
}

std::optional<QList<AdminLogLine>> Engine::logLinesSince(quint64 afterSeq, int max) const
{
    if (!m_logRing)
        return std::nullopt;
    return m_logRing->since(afterSeq, max);
}

quint64 Engine::idleCleanups() const
{
    return m_idleCleanup ? m_idleCleanup->cleanups() : 0;
}

ConfigPtr Engine::config() const
{
    QMutexLocker lock(&m_configMutex);
    return m_config;
}

QString Engine::configText() const
{
    QMutexLocker lock(&m_configMutex);
    return m_configText;
}

// Frame overhead over the body accepted when showing a Redis entry (headers),
// as RedisResponseCache::get() accepts it.
constexpr qint64 kRedisFrameHeaderAllowance = 256 * 1024;

Expected<QList<CacheEntryInfo>> Engine::cacheEntries(int limit) const
{
    Expected<QList<CacheEntryInfo>> entries = m_cache->entries(limit);
    RedisResponseCache *redis = m_shared->cache();
    if (!entries || !redis || entries->size() >= limit)
        return entries;
    // Then the shared cache's entries (a bounded SCAN). Redis down: the
    // in-process ones still list; the status says Redis is unreachable.
    Expected<QList<CacheEntryInfo>> shared = RedisCacheBrowser(redis->client()).list(limit - int(entries->size()));
    if (shared)
        *entries += *shared;
    else
        qCInfo(lcEngine, "cache list without Redis entries: %s", qPrintable(shared.error().detail));
    return entries;
}

Expected<CacheEntryDetail> Engine::cacheEntry(const QString &key) const
{
    if (std::optional<CacheEntryDetail> entry = m_cache->peek(key))
        return *entry;
    if (RedisResponseCache *redis = m_shared->cache())
        return RedisCacheBrowser(redis->client()).entry(key, redis->maxItemBytes() + kRedisFrameHeaderAllowance);
    return Error::client("admin.not_found", 404, QStringLiteral("no cache entry with key \"%1\"").arg(key));
}

namespace {

Expected<std::shared_ptr<Storage>> basicStorageOf(const Config &config, StorageClientCache &storages,
                                                  const QString &bucket)
{
    const StorageConfig *basic = config.storage(bucket, QStringLiteral("basic"));
    if (!basic)
        return Error::client("bucket.unknown", 404,
                             QStringLiteral("no bucket \"%1\" with a basic storage").arg(bucket));
    return storages.client(*basic, bucket);
}

} // namespace

Expected<QStringList> Engine::listObjects(const QString &bucket, int limit)
{
    Expected<std::shared_ptr<Storage>> storage = basicStorageOf(*config(), *m_storages, bucket);
    if (!storage)
        return storage.takeError();
    return (*storage)->listKeys(limit);
}

Expected<QByteArray> Engine::readObject(const QString &bucket, const QString &key)
{
    const ConfigPtr snapshot = config();
    Expected<std::shared_ptr<Storage>> storage = basicStorageOf(*snapshot, *m_storages, bucket);
    if (!storage)
        return storage.takeError();
    const qint64 maxBytes = snapshot->bucket(bucket)->effectiveLimits(snapshot->server.limits).maxParentBytes;
    Expected<ObjectMetadata> head = (*storage)->head(key);
    if (!head)
        return head.takeError();
    if (head->size > maxBytes)
        return Error::client(
            "image.too_large", 422,
            QStringLiteral("%1 is larger than limits.maxParentBytes (%2 bytes)").arg(key).arg(maxBytes));
    Expected<StoredObject> object = (*storage)->get(key);
    if (!object)
        return object.takeError();
    return object->body;
}

Expected<bool> Engine::evict(const QString &key)
{
    // From every cache of this engine: the in-process one and Redis.
    const bool local = m_cache->remove(key);
    RedisResponseCache *redis = m_shared->cache();
    if (!redis)
        return local;
    Expected<bool> shared = RedisCacheBrowser(redis->client()).evict(key);
    if (!shared && !local)
        return shared.takeError();
    return local || (shared && *shared);
}

Expected<void> Engine::clearCache()
{
    m_cache->clear();
    return {};
}

Expected<void> Engine::applyConfig(const QString &yaml)
{
    QMutexLocker applying(&m_applyMutex); // one reload at a time
    const ConfigPtr current = config();
    Expected<ConfigPtr> parsed = ConfigLoader::fromText(yaml, current->sourcePath);
    if (!parsed)
        return Error::client("config.invalid", 422, QStringLiteral("the configuration is not valid"),
                             parsed.error().detail);
    const ConfigPtr next = withDefaultAdminToken(*parsed, m_defaultAdminToken);
    const ServerConfig &now = current->server;
    if (next->server.cache.type != now.cache.type || next->server.cache.cacheSize != now.cache.cacheSize
        || next->server.lock.type != now.lock.type)
        return Error::client("config.restart_required", 409,
                             QStringLiteral("cache and lock settings change only with a restart"));
    if (Expected<void> exposure = checkAdminExposure(next->server); !exposure)
        return exposure;
    // Listeners: new ones are bound first (a port in use refuses the whole
    // config), then removed ones stop accepting; the rest keep running and no
    // accepted connection is dropped.
    HttpServer *http = nullptr;
    {
        QMutexLocker lock(&m_httpMutex);
        http = m_http.get(); // stays alive: stop() waits for m_applyMutex
    }
    if (http && (next->server.listens != now.listens || next->server.internalListen != now.internalListen)) {
        Expected<QList<ListenAddress>> before = listenAddressesOf(now);
        Expected<QList<ListenAddress>> after = listenAddressesOf(next->server);
        if (!before || !after)
            return Error::client("config.invalid", 422, QStringLiteral("a listen address is not valid"),
                                 (before ? after.error() : before.error()).detail);
        if (Expected<void> changed =
                http->changeListeners(listenersMissingFrom(*after, *before), listenersMissingFrom(*before, *after));
            !changed)
            return Error::client("config.listen_failed", 409, QStringLiteral("a new listener could not be opened"),
                                 changed.error().detail);
    }
    Expected<PlaceholderPtr> placeholder = placeholderFor(next->server);
    if (!placeholder)
        return Error::client("config.placeholder_unavailable", 422,
                             QStringLiteral("the placeholder image could not be loaded"), placeholder.error().detail);
    m_placeholder = *placeholder;
    m_handler->setConfig(next, m_placeholder); // new requests parse with the new buckets and presets
    m_stalePresets.record(current, *next);     // their old results stay stored until deleted
    QMutexLocker lock(&m_configMutex);
    m_config = next;
    m_configText = yaml;
    return {};
}

Expected<QList<StalePreset>> Engine::stalePresets() const
{
    return m_stalePresets.list();
}

Expected<StalePreset> Engine::startStaleResultsPurge(quint64 id, int maxOriginals)
{
    Expected<StalePreset> stale = m_stalePresets.beginPurge(id);
    if (!stale)
        return stale;
    CancelToken cancel;
    {
        QMutexLocker lock(&m_purgeMutex);
        m_purgeId = id;
        m_purgeCancel = cancel;
    }
    // Counted from now, so the task shows before the thread picks the job up.
    auto task = std::make_shared<TaskScope>(&m_tasks, TaskKind::Purge);
    startInPool(m_purgePool, [this, stale = *stale, cancel, maxOriginals, task] {
        PurgeRun run;
        run.storages = m_storages.get();
        run.evict = [this](const QString &key) { (void)evict(key); };
        run.progress = [this, id = stale.id](const PurgeProgress &p) { m_stalePresets.updatePurge(id, p); };
        run.cancel = cancel;
        run.maxOriginals = std::clamp(maxOriginals, 1, StaleResultsPurge::kMaxOriginals);
        const PurgeProgress result = StaleResultsPurge::run(stale, run);
        qCInfo(lcEngine).noquote() << QStringLiteral("stored results of preset %1/%2: %3, %4 deleted")
                                          .arg(stale.bucket, stale.preset, purgeStateName(result.state))
                                          .arg(result.deleted);
        m_stalePresets.updatePurge(stale.id, result);
        task->release();
    });
    return stale;
}

Expected<bool> Engine::cancelStaleResultsPurge(quint64 id)
{
    const std::optional<StalePreset> stale = m_stalePresets.find(id);
    if (!stale)
        return Error::client("admin.not_found", 404, QStringLiteral("no changed preset with id %1").arg(id));
    if (stale->purge.state != PurgeProgress::State::Running)
        return false;
    QMutexLocker lock(&m_purgeMutex);
    if (m_purgeId != id)
        return false;
    m_purgeCancel.cancel();
    return true;
}

void Engine::stopPurge()
{
    {
        QMutexLocker lock(&m_purgeMutex);
        m_purgeCancel.cancel();
    }
    joinPool(m_purgePool);
}

Expected<PlaceholderPtr> Engine::placeholderFor(const ServerConfig &server) const
{
    if (server.placeholder.isEmpty())
        return PlaceholderPtr();
    if (m_placeholder && m_placeholder->source == server.placeholder)
        return m_placeholder; // loaded again only when another one is named
    return loadPlaceholder(server.placeholder, server.limits);
}

void Engine::waitForBackground(int timeoutMs)
{
    m_background->waitForIdle(timeoutMs);
}

EngineStats Engine::stats() const
{
    EngineStats s;
    {
        QMutexLocker lock(&m_httpMutex);
        s.running = m_http != nullptr;
        s.startedAt = m_startedAt;
        if (m_http) {
            s.publicAddresses = m_http->boundAddresses(false);
            s.internalAddresses = m_http->boundAddresses(true);
            s.http = m_http->stats();
        }
    }
    s.tasks = m_tasks.snapshot();
    // The pipeline counts in its metrics; these are the same numbers.
    const MortMetrics &m = m_mortMetrics;
    s.requests.received = m_tasks.started(TaskKind::Request);
    s.requests.inFlight = m_tasks.live(TaskKind::Request);
    s.requests.served = m.requestsServed.value();
    s.requests.dropped = m.requestsClientLeft.value();
    s.transformsExecuted = m.transformsStarted.value();
    s.transformsFailed = m.transformsFailed.value();
    s.throttled = m.requestThrottled.value();
    s.collapsed = m.requestCollapsed.value();
    s.cacheHits = m.cacheHit.value();
    s.downloads = m.requestDownload.value();
    s.resultsStored = m.resultsStored.value();
    s.storeFailures = m.resultStoreFailures.value();
    s.taskExceptions = m.pipelineExceptions.value() + m_background->exceptions(); // every task boundary
    s.transformsInFlight = m_handler->transformsInFlight();
    s.heavyRunning = m_heavyLane->running();
    s.heavyRefused = m_heavyLane->refused();
    s.backgroundPending = m_background->pending();
    s.backgroundDropped = m_background->dropped();
    s.backgroundExpired = m_background->expired();
    s.storageClients = m_storages->size();
    const ProcessStats process = readProcessStats();
    s.residentBytes = process.residentBytes;
    s.openFds = process.openFds;
    s.imagingMemoryBytes = static_cast<qint64>(vips_tracked_get_mem());
    // Studio dashboard: cache size and hit ratio (one short lock on the cache).
    const ResponseCacheStats cache = m_cache->stats();
    s.responseCacheHits = cache.hits;
    s.responseCacheMisses = cache.misses;
    s.cacheBytes = cache.bytes;
    s.cacheItems = cache.items;
    s.cacheCapacityBytes = cache.capacity;
    s.shared = m_shared->stats();
    return s;
}

} // namespace mort
