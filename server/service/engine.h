#pragma once
// The composition root (DESIGN §1): the only place that wires modules
// together. mort-server and mort-studio both run exactly this.
#include "config/config.h"
#include "core/backgroundqueue.h"
#include "core/cancellation.h"
#include "core/taskregistry.h"
#include "imaging/heavylane.h"
#include "monitoring/metricsregistry.h"
#include "monitoring/mortmetrics.h"
#include "service/adminbackend.h"
#include "service/enginestats.h"
#include "service/placeholder.h"
#include "service/stalepresets.h"
#include "storage/glacierrestorer.h"

#include <QDateTime>
#include <QMutex>
#include <QThreadPool>

#include <memory>

namespace mort {

class HttpServer;
class IdleCleanup;
class LogRing;
class InternalApi;
class ObjectHandler;
class RequestCollapser;
class ResponseCache;
class SharedBackends;
class StorageClientCache;

class Engine : public AdminBackend
{
public:
    // `configText`: the YAML `config` was parsed from, for the admin API
    // (GET /api/v1/config); when empty, read once from config->sourcePath.
    explicit Engine(ConfigPtr config, QString configText = {});
    ~Engine() override; // stop()
    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    // Binds `listens` and `internalListen`. On failure nothing stays bound.
    Expected<void> start();
    // Graceful: stop accepting, let in-flight requests finish (limits.shutdownGraceMs
    // when graceMs < 0), close connections, remove unix socket files.
    void stop(int graceMs = -1);
    bool isRunning() const;

    ConfigPtr config() const override;
    EngineStats stats() const override;
    QString configText() const override;
    Expected<QList<CacheEntryInfo>> cacheEntries(int limit) const override;
    Expected<CacheEntryDetail> cacheEntry(const QString &key) const override;
    // The studio's "open from bucket": keys of a bucket's `basic` storage
    // (sorted, at most `limit`) and one object's bytes (at most the bucket's
    // limits.maxParentBytes, as for a transform). Blocking storage I/O:
    // call from a worker thread.
    Expected<QStringList> listObjects(const QString &bucket, int limit) override;
    Expected<QByteArray> readObject(const QString &bucket, const QString &key) override;
    Expected<bool> evict(const QString &key) override;
    Expected<void> clearCache() override;
    // Hot reload: a new immutable snapshot for new requests; in-flight ones
    // finish on theirs. Listener, cache and lock settings need a restart.
    Expected<void> applyConfig(const QString &yaml) override;
    std::optional<QList<AdminLogLine>> logLinesSince(quint64 afterSeq, int max) const override;
    // Stored results of changed presets (issue #21): applyConfig() records
    // them; a purge runs on a thread of its own, one at a time, as a
    // TaskKind::Purge task, and stops with the engine.
    Expected<QList<StalePreset>> stalePresets() const override;
    Expected<StalePreset> startStaleResultsPurge(quint64 id, int maxOriginals) override;
    Expected<bool> cancelStaleResultsPurge(quint64 id) override;
    // Recent log lines for the admin API (owned by main; may stay unset).
    // Recent log lines for the admin API; answered requests are summarised
    // into it too (the studio's Activity tab).
    void setLogRing(LogRing *ring);
    // The admin token when neither server.adminToken nor MORT_ADMIN_TOKEN
    // names one, also after applyConfig(). The studio gives its embedded
    // engine a random one (randomAdminToken()), so no other program on the
    // machine can drive it. Call before start().
    void setDefaultAdminToken(const QByteArray &token);
    // Idle cleanups run so far (mort_vips_cleanup_count).
    quint64 idleCleanups() const;
    TaskRegistry &tasks() { return m_tasks; }
    // Prometheus text of every metric (Mort's names, process_*, ours).
    QByteArray renderMetrics() const;
    MortMetrics &metrics() { return m_mortMetrics; }
    ResponseCache &responseCache() { return *m_cache; }
    // Waits until background work (result stores) is done; for tests and shutdown.
    void waitForBackground(int timeoutMs = -1);

private:
    // Cancels a running purge and waits for its thread.
    void stopPurge();
    // server.placeholder loaded (blocking), or the current one when it names
    // the same source; null when none is configured. Under m_applyMutex.
    Expected<PlaceholderPtr> placeholderFor(const ServerConfig &server) const;

    QMutex m_applyMutex;          // serialises start(), applyConfig() and stop()
    mutable QMutex m_configMutex; // guards m_config and m_configText (hot reload)
    ConfigPtr m_config;
    QString m_configText;
    TaskRegistry m_tasks;
    MetricsRegistry m_metricsRegistry;
    MortMetrics m_mortMetrics{m_metricsRegistry, m_tasks};
    int m_statsCollector = 0;
    std::unique_ptr<StorageClientCache> m_storages;
    std::unique_ptr<BackgroundQueue> m_background;
    std::unique_ptr<ResponseCache> m_cache;
    // Archived originals: one restore request per object, bounded (storage/glacierrestorer.h).
    std::unique_ptr<GlacierRestorer> m_glacier = std::make_unique<GlacierRestorer>();
    std::unique_ptr<RequestCollapser> m_collapser;
    // Heavy passes may hold all transform workers but one (limits.heavyTransformCost).
    HeavyLanePtr m_heavyLane;
    // Redis cache/lock. Outlives the handler, which closes its gate for Redis
    // callbacks (ObjectHandler::resumeAfterRedis) before it goes.
    std::unique_ptr<SharedBackends> m_shared;
    std::unique_ptr<ObjectHandler> m_handler;
    std::unique_ptr<InternalApi> m_internalApi;
    mutable QMutex m_httpMutex; // guards m_http and m_startedAt (read by stats() on any thread)
    std::unique_ptr<HttpServer> m_http;
    std::unique_ptr<IdleCleanup> m_idleCleanup;
    QDateTime m_startedAt;
    LogRing *m_logRing = nullptr;
    StalePresetLog m_stalePresets;
    QThreadPool m_purgePool;     // one thread: a purge at a time
    mutable QMutex m_purgeMutex; // guards m_purgeId and m_purgeCancel
    quint64 m_purgeId = 0;       // the running (or last) purge
    CancelToken m_purgeCancel;
    PlaceholderPtr m_placeholder;   // server.placeholder as loaded; guarded by m_applyMutex
    QByteArray m_defaultAdminToken; // guarded by m_applyMutex
};

} // namespace mort
